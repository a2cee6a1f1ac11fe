import Ingest
import LinearAlgebra
import SimilaritySearch
import TextAnalysis

/// What to look for and which articles may answer.
public struct SimilarityRequest: Sendable, Hashable {
  /// Maximum number of results.
  public var count: Int
  /// Leave out the query article's own region and its near-duplicates (score ≥ 0.95 or the
  /// same title): "what did other places do?".
  public var excludesOwnRegion: Bool
  /// Keep only the best article of each region (city-level articles group by region).
  public var keepsOnePerRegion: Bool
  /// Only articles of this region or city.
  public var region: String?
  /// Only articles dated on or after this ISO date (inclusive; `2024` and `2024-06` allowed).
  public var since: String?
  /// Only articles dated on or before this ISO date (inclusive; a month or year covers all of it).
  public var until: String?
  /// Number of explaining terms per result.
  public var explanationTermCount: Int

  public init(
    count: Int = 10, excludesOwnRegion: Bool = false, keepsOnePerRegion: Bool = false,
    region: String? = nil, since: String? = nil, until: String? = nil, explanationTermCount: Int = 5
  ) {
    self.count = count
    self.excludesOwnRegion = excludesOwnRegion
    self.keepsOnePerRegion = keepsOnePerRegion
    self.region = region
    self.since = since
    self.until = until
    self.explanationTermCount = explanationTermCount
  }
}

/// One similar article, with the terms that explain the match.
public struct SimilarityMatch: Sendable, Hashable, Codable {
  public var id: String
  public var title: String
  public var region: String
  public var city: String?
  public var date: String?
  /// Cosine similarity of the latent vectors (rows of UΣ), in [-1, 1].
  public var score: Double
  /// Terms contributing most to the score, largest first.
  public var terms: [String]

  private enum CodingKeys: String, CodingKey { case id, title, region, city, date, score, terms }

  /// Encodes every key, `city` and `date` as `null` when absent, so JSON readers see a fixed shape.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(title, forKey: .title)
    try container.encode(region, forKey: .region)
    try container.encode(city, forKey: .city)
    try container.encode(date, forKey: .date)
    try container.encode(score, forKey: .score)
    try container.encode(terms, forKey: .terms)
  }
}

extension PolicyModel {
  /// Latent vectors of the articles: rows of UΣ (= A V, the TF-IDF rows projected on the
  /// topics). Cosine similarity is computed on these, so each topic counts in proportion to
  /// its strength; a free-text query q maps to q V, the same space.
  public var latentVectors: Matrix {
    lsa.documentCoordinates.scalingColumns(by: lsa.singularValues)
  }
}

extension QueryModel {
  /// The articles most similar to article `row`.
  public func similar(toArticle row: Int, request: SimilarityRequest) throws(QueryError) -> [SimilarityMatch] {
    let query = articles[row]
    let normalizedTitle = query.title.filter { !$0.isWhitespace }
    return try search(
      vector: index.unitVector(row), queryRow: weightsRow(row), request: request,
      exclude: { candidate in
        candidate == row
          || (request.excludesOwnRegion
            && (articles[candidate].region == query.region
              || articles[candidate].title.filter { !$0.isWhitespace } == normalizedTitle))
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
    let admissible: (Int) -> Bool = { candidate in
      let article = articles[candidate]
      if exclude(candidate) { return false }
      if let region = request.region, article.region != region && article.city != region { return false }
      if since != nil || until != nil {
        guard let date = article.date else { return false }
        if let since, date < since { return false }
        if let until, date > until { return false }
      }
      return true
    }
    let scores = index.scores(for: vector)
    let order = scores.indices.filter(admissible).sorted {
      scores[$0] > scores[$1] || (scores[$0] == scores[$1] && $0 < $1)
    }
    var chosen: [Int] = []
    var regionsTaken = Set<String>()
    for candidate in order {
      if chosen.count == request.count { break }
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

/// Date filters: `2024`, `2024-06` and `2024-06-30`, expanded to the first or last day.
enum DateBound {
  static func lower(_ value: String, flag: String) throws(QueryError) -> String {
    try expand(value, flag: flag, last: false)
  }

  static func upper(_ value: String, flag: String) throws(QueryError) -> String {
    try expand(value, flag: flag, last: true)
  }

  private static func expand(_ value: String, flag: String, last: Bool) throws(QueryError) -> String {
    let parts = value.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
    guard (1...3).contains(parts.count), parts.allSatisfy({ $0 != nil }) else {
      throw .invalidDate(flag: flag, value: value)
    }
    let numbers = parts.map { $0! }
    let year = numbers[0]
    let month = numbers.count > 1 ? numbers[1] : (last ? 12 : 1)
    guard (1000...9999).contains(year), (1...12).contains(month) else { throw .invalidDate(flag: flag, value: value) }
    let monthLength = [31, (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    let day = numbers.count > 2 ? numbers[2] : (last ? monthLength : 1)
    guard (1...monthLength).contains(day) else { throw .invalidDate(flag: flag, value: value) }
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return "\(year)-\(two(month))-\(two(day))"
  }
}
