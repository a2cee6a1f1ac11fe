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
    self.init(
      id: article.id, title: article.title, region: article.region, city: article.city, date: article.date,
      issue: article.issue)
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
      .map { field in
        // Most fields have none of the three; `replacing` costs even then (2 % of a 100k fit).
        guard field.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return field }
        return field.replacing("\t", with: " ").replacing("\n", with: " ").replacing("\r", with: " ")
      }
      .joined(separator: "\t")
  }

  /// A summary from the fields of a line written by `tsvLine`.
  init?(fields: [String]) {
    guard fields.count == 6 else { return nil }
    self.init(
      id: fields[0], title: fields[5], region: fields[1], city: fields[2].isEmpty ? nil : fields[2],
      date: fields[3].isEmpty ? nil : fields[3], issue: fields[4])
  }
}
