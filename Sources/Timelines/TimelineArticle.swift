/// One article as the timeline sees it: when, in which issue and region, and which categories.
///
/// Categories are theme keys (an article may have several) or a single cluster identifier;
/// the timeline doesn't care which. Duplicated keys count once.
public struct TimelineArticle: Codable, Sendable, Hashable {
  /// A stable identifier, used in error messages.
  public var id: String
  /// The publication date as ISO `yyyy-MM-dd`.
  public var date: String
  /// The issue label, for example `2024年第21期`.
  public var issue: String
  /// The region (province-level unit or `区域`), used by ``TimelineOptions/region``.
  public var region: String
  /// The category keys this article belongs to; may be empty.
  public var categories: [String]

  /// Creates an article record.
  public init(id: String, date: String, issue: String, region: String, categories: [String]) {
    self.id = id
    self.date = date
    self.issue = issue
    self.region = region
    self.categories = categories
  }
}
