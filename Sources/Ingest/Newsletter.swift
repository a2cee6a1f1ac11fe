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

/// The newsletter formats the parser understands.
public enum Publication: String, Codable, Sendable, Hashable, CaseIterable {
  /// 双周决策观察 (biweekly): region tags such as `【上海】` before runs of articles.
  case biweekly = "双周决策观察"
  /// 信息摘编 (monthly digest): a table of contents with sections and page numbers.
  case digest = "信息摘编"

  /// The name printed on the masthead.
  public var name: String { rawValue }
}
