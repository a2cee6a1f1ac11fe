import Ingest
import LinearAlgebra
import SimilaritySearch
import TextAnalysis

extension QueryModel {
  /// Regions that stand for several places (roundups): never "the same region" as another.
  static let multiRegionLabels: Set<String> = ["区域", "全国", "国际"]

  /// An article's primary place: its city when it has one, else its region; `nil` for a
  /// roundup (区域, 全国, 国际), which is about several places.
  static func primaryPlace(of article: ArticleSummary) -> String? {
    if let city = article.city { return city }
    return multiRegionLabels.contains(article.region) ? nil : article.region
  }

  /// The articles most similar to article `row`.
  ///
  /// With ``SimilarityRequest/excludesOwnRegion`` the answers come from other places: a
  /// candidate whose primary place (city, else region) is the query's is left out, and so
  /// are near-duplicates (same title, or a blended score of at least 0.95). A roundup
  /// (区域, 全国, 国际) has no primary place, so roundups are not "the same region" as each
  /// other.
  public func similar(toArticle row: Int, request: SimilarityRequest) throws(QueryError) -> [SimilarityMatch] {
    let query = articles[row]
    let queryPlace = Self.primaryPlace(of: query)
    let normalizedTitle = query.title.filter { !$0.isWhitespace }
    let queryRow = weightsRow(row)
    return try search(
      HybridSearch.Query(latentVector: unitVector(row), terms: queryRow), request: request,
      exclude: { candidate in
        guard candidate != row else { return true }
        guard request.excludesOwnRegion, let queryPlace else { return false }
        return Self.primaryPlace(of: articles[candidate]) == queryPlace
      },
      isDuplicate: { candidate in
        request.excludesOwnRegion && articles[candidate].title.filter { !$0.isWhitespace } == normalizedTitle
      },
      excludesNearDuplicates: request.excludesOwnRegion, boost: nil)
  }

  /// What a free-text query was understood as: its terms, the places it names (used as a
  /// preference, not as terms), and the words that were ignored.
  public struct TextQuery: Sendable, Hashable {
    /// Terms of the text that are in the model's vocabulary, sorted.
    public var terms: [String]
    /// Places the text names (a city, else its region), in order of mention.
    public var places: [String]
    /// Terms of the text that the model's vocabulary does not know.
    public var unknownTerms: [String]
    /// Provinces and municipalities the text names without a city, for the place preference.
    public var preferredRegions: Set<String>
    /// Cities the text names, for the place preference.
    public var preferredCities: Set<String>
  }

  /// Analyses a free-text query as the model's articles were analysed.
  ///
  /// - Throws: ``QueryError/emptyText``, or ``QueryError/noKnownTerms(text:terms:places:)``
  ///   when nothing but places, stop words or unknown words is left.
  public func understand(text: String, analyzer: TextAnalyzer) throws(QueryError) -> (
    query: TextQuery, row: [(column: Int, value: Double)]
  ) {
    precondition(
      hasTextAnalysis, "a text query needs the model opened withTextAnalysis: its analyzer is built from them")
    guard !text.allSatisfy(\.isWhitespace) else { throw .emptyText }
    // A query in traditional characters reads like the articles do: folded to simplified
    // (ChineseScriptFolding, as for ingested articles); the error messages quote it as written.
    let written = text
    let text = ChineseScriptFolding.foldIfTraditional(written) ?? written
    let places = Gazetteer.places(in: text)
    let placeNames = places.map { $0.city ?? $0.region }
    let tokens = analyzer.terms(in: text)
    let row = weights(ofTerms: tokens)
    guard !row.isEmpty else {
      throw .noKnownTerms(text: written, terms: Array(Set(tokens)).sorted(), places: placeNames)
    }
    // Every token the vocabulary knows has a (positive) weight in the row, so the row names them.
    let known = Set(row.map { terms[$0.column] })
    let understood = TextQuery(
      terms: known.sorted(), places: placeNames, unknownTerms: Set(tokens).subtracting(known).sorted(),
      preferredRegions: Set(places.filter { $0.city == nil }.map(\.region)),
      preferredCities: Set(places.compactMap(\.city)))
    return (understood, row)
  }

  /// The articles most similar to a free text, analysed with the model's own analysis and folded
  /// into the latent space (q V).
  ///
  /// Places the text names are not terms (the model has none): articles of those places get
  /// ``SimilarityRequest/placePreference`` added to their score instead.
  ///
  /// - Throws: ``QueryError/emptyText`` or ``QueryError/noKnownTerms(text:terms:places:)``.
  public func similar(toText text: String, analyzer: TextAnalyzer, request: SimilarityRequest) throws(QueryError)
    -> [SimilarityMatch]
  {
    let (understood, queryRow) = try understand(text: text, analyzer: analyzer)
    let (regions, cities) = (understood.preferredRegions, understood.preferredCities)
    let preference = request.placePreference
    let boost: ((Int) -> Double)? =
      understood.places.isEmpty || preference == 0
      ? nil
      : { candidate in
        let article = articles[candidate]
        if let city = article.city, cities.contains(city) { return preference }
        return regions.contains(article.region) ? preference : 0
      }
    return try search(
      HybridSearch.Query(latentVector: latentVector(of: queryRow), terms: queryRow), request: request,
      exclude: { _ in false }, isDuplicate: { _ in false }, excludesNearDuplicates: false, boost: boost)
  }

  private func search(
    _ query: HybridSearch<MappedDenseRows, MappedSparseRows>.Query, request: SimilarityRequest,
    exclude: (Int) -> Bool, isDuplicate: (Int) -> Bool, excludesNearDuplicates: Bool,
    boost: ((Int) -> Double)?
  ) throws(QueryError) -> [SimilarityMatch] {
    let since = try request.since.map { value throws(QueryError) in try DateBound.lower(value, flag: "--since") }
    let until = try request.until.map { value throws(QueryError) in try DateBound.upper(value, flag: "--until") }
    func admits(_ candidate: Int) -> Bool {
      if exclude(candidate) { return false }
      guard request.region != nil || since != nil || until != nil || request.articleIDs != nil else { return true }
      let article = articles[candidate]
      if let allowed = request.articleIDs, !allowed.contains(article.id) { return false }
      if let region = request.region, article.region != region && article.city != region { return false }
      if since != nil || until != nil {
        guard let date = article.date else { return false }
        if let since, date < since { return false }
        if let until, date > until { return false }
      }
      return true
    }
    let rules = Diversification(duplicateThreshold: excludesNearDuplicates ? 0.95 : .infinity)
    let matches = index.search(
      query, count: request.count, lexicalWeight: request.lexicalWeight, rules: rules, admits: admits,
      isDuplicate: isDuplicate, groupKey: { request.keepsOnePerRegion ? articles[$0].region : nil }, boost: boost)
    return matches.map { match in
      let article = articles[match.index]
      let explanation = explain(query.terms, weightsRow(match.index), request: request)
      return SimilarityMatch(
        id: article.id, title: article.title, region: article.region, city: article.city,
        date: article.date, score: match.score, lexicalScore: match.lexicalScore, latentScore: match.latentScore,
        terms: explanation.shared, relatedTerms: explanation.related)
    }
  }

  /// The terms behind a match (``MatchExplanation/hybrid(query:document:termLoadings:lexicalWeight:count:)``
  /// on the loadings of just the terms involved): shared terms, and latent-only related terms.
  private func explain(
    _ query: [(column: Int, value: Double)], _ document: [(column: Int, value: Double)], request: SimilarityRequest
  ) -> (shared: [String], related: [String]) {
    guard request.explanationTermCount > 0 else { return ([], []) }
    let involved = Array(Set(query.map(\.column) + document.map(\.column))).sorted()
    var local: [Int: Int] = [:]
    for (position, term) in involved.enumerated() { local[term] = position }
    let relocate = { (row: [(column: Int, value: Double)]) in
      row.compactMap { entry in local[entry.column].map { (column: $0, value: entry.value) } }
    }
    // Three times as many candidates, so that folding sub-words into their compounds
    // (`CompoundTerms`) still leaves the count asked for.
    let count = request.explanationTermCount
    let (shared, related) = MatchExplanation.hybrid(
      query: relocate(query), document: relocate(document), termLoadings: loadings(ofTerms: involved),
      lexicalWeight: request.lexicalWeight, count: 3 * count)
    let named = { (list: [TermContribution]) in
      CompoundTerms.folding(list.map { self.terms[involved[$0.term]] }, count: count)
    }
    return (named(shared), named(related))
  }
}
