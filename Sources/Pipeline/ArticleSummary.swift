import Ingest

/// What a query result shows about an article (no body): a row of `article_index.tsv`.
public struct ArticleSummary: Sendable, Hashable, Codable {
  public var id: String
  public var title: String
  public var region: String
  public var city: String?
  public var date: String?
  public var issue: String

  public init(_ article: Article) {
    self.init(id: article.id, title: article.title, region: article.region, city: article.city, date: article.date, issue: article.issue)
  }

  public init(id: String, title: String, region: String, city: String?, date: String?, issue: String) {
    self.id = id
    self.title = title
    self.region = region
    self.city = city
    self.date = date
    self.issue = issue
  }

  static let header = "id\tregion\tcity\tdate\tissue\ttitle"

  /// One TSV line; tabs and line breaks inside fields become spaces.
  var tsvLine: String {
    [id, region, city ?? "", date ?? "", issue, title]
      .map { $0.replacing("\t", with: " ").replacing("\n", with: " ").replacing("\r", with: " ") }
      .joined(separator: "\t")
  }

  /// Parses a line written by `tsvLine`.
  init?(tsvLine line: Substring) {
    let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
    guard fields.count == 6 else { return nil }
    self.init(
      id: String(fields[0]), title: String(fields[5]), region: String(fields[1]),
      city: fields[2].isEmpty ? nil : String(fields[2]), date: fields[3].isEmpty ? nil : String(fields[3]),
      issue: String(fields[4]))
  }
}
