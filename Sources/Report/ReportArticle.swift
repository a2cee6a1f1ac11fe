/// One article with everything the report shows about it.
public struct ReportArticle: Codable, Sendable, Hashable {
  /// A stable identifier; ``ReportNeighbour/articleID`` refers to it.
  public var id: String
  /// The headline.
  public var title: String
  /// The province-level region, or `区域` for cross-regional items.
  public var region: String
  /// The city the article is about, when it names one below the region.
  public var city: String?
  /// The publication date, ISO `yyyy-MM-dd` (shown as given).
  public var date: String
  /// The issue label, for example `2024年第21期`.
  public var issue: String
  /// The theme keys tagged on this article.
  public var themes: [String]
  /// The cluster the article belongs to, if clustering ran.
  public var clusterID: Int?
  /// The article's position on the 2-D map, if a projection was computed.
  public var position: ReportPoint?
  /// The most similar articles (normally in other regions), best first, as the caller ranked them.
  public var similar: [ReportNeighbour]
  /// The theme scores, parallel to ``themes`` (empty when the caller gives none).
  public var themeScores: [Double] = []
  /// The outlet the article was taken from, if stated.
  public var source: String?
  /// The outlet's date, ISO `yyyy-MM-dd`, if stated.
  public var sourceDate: String?
  /// Links given with the article.
  public var urls: [String] = []
  /// The text, one paragraph per element (shown behind a disclosure).
  public var body: [String] = []

  /// Creates an article record.
  public init(
    id: String, title: String, region: String, city: String? = nil, date: String, issue: String,
    themes: [String] = [], clusterID: Int? = nil, position: ReportPoint? = nil, similar: [ReportNeighbour] = []
  ) {
    self.id = id
    self.title = title
    self.region = region
    self.city = city
    self.date = date
    self.issue = issue
    self.themes = themes
    self.clusterID = clusterID
    self.position = position
    self.similar = similar
  }
}
