/// One parsed input file: the issue it is, its articles, and the lines that are not articles.
public struct Newsletter: Codable, Sendable {
  /// The file name the text came from.
  public var file: String
  /// The recognised publication, or `nil` when the text is not a known newsletter.
  public var publication: Publication?
  /// The issue label as printed, spaces removed (`2024年第21期`); empty when unknown.
  public var issue: String
  /// The issue date in ISO 8601 (`2024-11-07`), if the header gives one.
  public var date: String?
  /// The articles in reading order.
  public var articles: [Article]
  /// Front matter, contents, back page and furniture, in input order.
  public var boilerplate: [BoilerplateBlock]
  /// Things the parser noticed but could work around.
  public var warnings: [IngestWarning]

  /// Creates a parse result.
  public init(
    file: String, publication: Publication?, issue: String, date: String?,
    articles: [Article], boilerplate: [BoilerplateBlock], warnings: [IngestWarning]
  ) {
    self.file = file
    self.publication = publication
    self.issue = issue
    self.date = date
    self.articles = articles
    self.boilerplate = boilerplate
    self.warnings = warnings
  }
}
