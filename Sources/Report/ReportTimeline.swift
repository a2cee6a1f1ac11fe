/// Topics over time, as the report draws them: period labels and one series per category.
///
/// Usually converted from a `TopicTimeline` by the pipeline; the report doesn't import the
/// Timelines module.
public struct ReportTimeline: Codable, Sendable, Hashable {
  /// What the categories are, shown in the chart heading: for example `主题` or `Clusters`.
  public var categoryKind: String
  /// The period labels in time order (issues, months or quarters).
  public var periods: [String]
  /// The number of articles in each period.
  public var periodArticleCounts: [Int]
  /// One series per category; each has one value per period.
  public var series: [ReportSeries]

  /// Creates a timeline; every series must have one count and one share per period.
  public init(categoryKind: String, periods: [String], periodArticleCounts: [Int], series: [ReportSeries]) {
    precondition(periodArticleCounts.count == periods.count, "one article count per period")
    precondition(
      series.allSatisfy { $0.counts.count == periods.count && $0.shares.count == periods.count },
      "every series needs one count and one share per period")
    self.categoryKind = categoryKind
    self.periods = periods
    self.periodArticleCounts = periodArticleCounts
    self.series = series
  }
}
