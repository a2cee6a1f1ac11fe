/// The summary view of a report on a large corpus: the page stays readable in a browser by
/// listing only some articles in full (text and similar policies) while every chart, count and
/// table still covers them all.
///
/// With a listing, ``HTMLReport/render(_:)`` shows in the articles section only the listed
/// articles, at most ``clusterCardArticleLimit`` articles per cluster card (each with a line
/// saying how many more there are), and at most ``mapPointLimit`` points on the map (an evenly
/// spaced selection in document order; the legend counts every article), and the latest
/// ``timelinePeriodLimit`` periods of the timeline. The timeline's totals, the region × theme
/// matrix, the header and the CSV tables count every article.
public struct ReportListing: Codable, Sendable, Hashable {
  /// The identifiers of the articles listed in full, in the order the articles section shows them.
  public var articleIDs: [String]
  /// One line saying which articles are listed and how to see others, shown above the list.
  public var note: String

  /// The most articles a cluster card lists.
  public static let clusterCardArticleLimit = 50
  /// The most periods the timeline's heat map shows (the latest).
  public static let timelinePeriodLimit = 60
  /// The most titles a region × theme cell's tooltip lists.
  public static let matrixTooltipTitleLimit = 10
  /// The most points the map draws.
  public static let mapPointLimit = 2_000

  /// A listing.
  public init(articleIDs: [String], note: String) {
    self.articleIDs = articleIDs
    self.note = note
  }
}
