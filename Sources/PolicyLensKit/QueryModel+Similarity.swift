import LinearAlgebra
import SimilaritySearch
import TextAnalysis

extension QueryModel {
  /// The articles most similar to article `row`.
  public func similar(toArticle row: Int, request: SimilarityRequest) throws(QueryError) -> [SimilarityMatch] {
    let query = articles[row]
    let normalizedTitle = query.title.filter { !$0.isWhitespace }
    return try search(
      vector: unitVector(row), queryRow: weightsRow(row), request: request,
      exclude: { candidate in
        guard candidate != row else { return true }
        guard request.excludesOwnRegion else { return false }
        let other = articles[candidate]
        return other.region == query.region || other.title.filter { !$0.isWhitespace } == normalizedTitle
      },
      excludesNearDuplicates: request.excludesOwnRegion)
  }

  /// The articles most similar to a free text, analysed with the model's own analysis and
  /// folded into the latent space (q V).
  ///
  /// - Throws: ``QueryError/emptyText`` or ``QueryError/noKnownTerms(text:terms:)``.
  public func similar(toText text: String, analyzer: TextAnalyzer, request: SimilarityRequest) throws(QueryError) -> [SimilarityMatch] {
    let queryRow = try weightedRow(ofText: text, analyzer: analyzer)
    return try search(
      vector: latentVector(of: queryRow), queryRow: queryRow, request: request, exclude: { _ in false },
      excludesNearDuplicates: false)
  }

  private func search(
    vector: [Double], queryRow: [(column: Int, value: Double)], request: SimilarityRequest,
    exclude: (Int) -> Bool, excludesNearDuplicates: Bool
  ) throws(QueryError) -> [SimilarityMatch] {
    let since = try request.since.map { value throws(QueryError) in try DateBound.lower(value, flag: "--since") }
    let until = try request.until.map { value throws(QueryError) in try DateBound.upper(value, flag: "--until") }
    func admissible(_ candidate: Int) -> Bool {
      if exclude(candidate) { return false }
      guard request.region != nil || since != nil || until != nil else { return true }
      let article = articles[candidate]
      if let region = request.region, article.region != region && article.city != region { return false }
      if since != nil || until != nil {
        guard let date = article.date else { return false }
        if let since, date < since { return false }
        if let until, date > until { return false }
      }
      return true
    }
    let scores = scores(for: vector)
    var chosen: [Int] = []
    var regionsTaken = Set<String>()
    for candidate in RankedIndices(scores) {
      if chosen.count == request.count { break }
      guard admissible(candidate) else { continue }
      if excludesNearDuplicates && scores[candidate] >= Diversification().duplicateThreshold { continue }
      if request.keepsOnePerRegion {
        guard regionsTaken.insert(articles[candidate].region).inserted else { continue }
      }
      chosen.append(candidate)
    }
    return chosen.map { candidate in
      let article = articles[candidate]
      return SimilarityMatch(
        id: article.id, title: article.title, region: article.region, city: article.city,
        date: article.date, score: scores[candidate],
        terms: explainingTerms(queryRow, weightsRow(candidate), count: request.explanationTermCount))
    }
  }

  /// The terms contributing most to the latent similarity of two weighted rows
  /// (`MatchExplanation.latent` on the loadings of just the terms involved).
  private func explainingTerms(
    _ query: [(column: Int, value: Double)], _ document: [(column: Int, value: Double)], count: Int
  ) -> [String] {
    guard count > 0 else { return [] }
    let involved = Array(Set(query.map(\.column) + document.map(\.column))).sorted()
    let local = Dictionary(uniqueKeysWithValues: involved.enumerated().map { ($1, $0) })
    let contributions = MatchExplanation.latent(
      query: query.map { (local[$0.column]!, $0.value) }, document: document.map { (local[$0.column]!, $0.value) },
      termLoadings: loadings(ofTerms: involved), count: count)
    return contributions.map { terms[involved[$0.term]] }
  }
}
