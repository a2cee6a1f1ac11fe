import Timelines

/// `timeline --json` and `/api/timeline`: counts per period and category, with trends.
public struct TimelineDocument: Sendable, Hashable, Encodable {
  /// ``Timelines/TimelineGranularity``'s raw value.
  public var granularity: String
  /// ``TimelineCategories``'s raw value.
  public var categories: String
  public var region: String?
  public var periods: [TimelinePeriod]
  public var series: [CategorySeries]
  public var trends: [CategoryTrend]

  /// The document of a timeline computed by ``PolicyModel/timeline(categories:granularity:region:themes:clusters:)``.
  public init(
    granularity: TimelineGranularity, categories: TimelineCategories, region: String?, timeline: TopicTimeline,
    trends: [CategoryTrend]
  ) {
    self.granularity = granularity.rawValue
    self.categories = categories.rawValue
    self.region = region
    self.periods = timeline.periods
    self.series = timeline.series
    self.trends = trends
  }
}
