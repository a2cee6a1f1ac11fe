/// Everything a report shows, as plain values: the caller computes, the report only draws.
///
/// The lead's pipeline fills this from ingestion, themes, clusters, the 2-D projection and
/// similarity search; ``HTMLReport/render(_:)`` turns it into one HTML page and
/// ``ReportCSV/tables(_:)`` into CSV files. Nothing here is recomputed except simple tallies
/// (the region × theme matrix and the header summary), so the report always agrees with the
/// command-line output that produced the same data.
public struct ReportDocument: Codable, Sendable, Hashable {
  /// The page title, for example `PolicyLens 政策观察报告`.
  public var title: String
  /// A line under the title describing the corpus or model; optional.
  public var subtitle: String?
  /// A footer note such as the tool version and generation time.
  ///
  /// The report never reads the clock itself, so identical documents render to identical bytes.
  public var generatedNote: String?
  /// The articles, in the order the caller wants them listed.
  public var articles: [ReportArticle]
  /// The clusters with their label terms; articles refer to them by ``ReportCluster/id``.
  public var clusters: [ReportCluster]
  /// The themes in column order for the region × theme matrix.
  ///
  /// When empty, the themes that occur on articles are used, most frequent first.
  public var themes: [String]
  /// Topics over time; `nil` omits the chart.
  public var timeline: ReportTimeline?
  /// A region or city the page opens filtered to (`report --region`); the chips can clear it.
  public var focusPlace: String?
  /// A theme name the page opens filtered to (`report --theme`).
  public var focusTheme: String?
  /// For a large corpus, the summary view: which articles the page lists in full, and a note
  /// saying which; `nil` lists every article (``ReportListing``).
  public var listing: ReportListing?

  /// Creates a document.
  public init(
    title: String, subtitle: String? = nil, generatedNote: String? = nil, articles: [ReportArticle],
    clusters: [ReportCluster] = [], themes: [String] = [], timeline: ReportTimeline? = nil
  ) {
    self.title = title
    self.subtitle = subtitle
    self.generatedNote = generatedNote
    self.articles = articles
    self.clusters = clusters
    self.themes = themes
    self.timeline = timeline
  }
}
