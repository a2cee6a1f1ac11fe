/// A similar article and its similarity score.
public struct ReportNeighbour: Codable, Sendable, Hashable {
  /// The ``ReportArticle/id`` of the similar article.
  ///
  /// Unknown identifiers are skipped.
  public var articleID: String
  /// The similarity, normally cosine in −1…1; shown with two decimals.
  public var score: Double

  /// Creates a neighbour record.
  public init(articleID: String, score: Double) {
    self.articleID = articleID
    self.score = score
  }
}
