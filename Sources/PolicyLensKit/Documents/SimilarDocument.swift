/// `similar --json` and `/api/search`, `/api/articles/{id}/similar`: the matches for an article or a text.
public struct SimilarDocument: Sendable, Hashable, Encodable {
  /// The article id or the text searched for.
  public var query: String
  /// The query article's title, when the query is an article.
  public var queryTitle: String?
  /// Best first.
  public var results: [SimilarityMatch]

  public init(query: String, queryTitle: String?, results: [SimilarityMatch]) {
    self.query = query
    self.queryTitle = queryTitle
    self.results = results
  }
}
