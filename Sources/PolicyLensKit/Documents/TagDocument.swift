/// `tag --json` and `/api/tag/{id}`: articles with the themes they carry.
public struct TagDocument: Sendable, Hashable, Encodable {
  /// In the order asked for (model order by default).
  public var articles: [ArticleThemes]

  public init(articles: [ArticleThemes]) { self.articles = articles }
}
