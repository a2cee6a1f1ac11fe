/// Topics over time, as the report draws them: period labels and one series per category.
///
/// Usually converted from a `TopicTimeline` by the pipeline; the report doesn't import the
/// Timelines module.
public struct ReportTimeline: Codable, Sendable, Hashable {
  /// What the categories are, shown in the chart heading: for example `主题` or `Clusters`.
  public var categoryKind: String
  /// The period labels in time order (issues, months or quarters).
  public var periods: [String]
  /// The first day each period covers, as `yyyy-mm-dd`.
  public var periodStarts: [String]
  /// The last day each period covers, as `yyyy-mm-dd`.
  public var periodEnds: [String]
  /// The number of articles in each period.
  public var periodArticleCounts: [Int]
  /// One series per category; each has one value per period.
  public var series: [ReportSeries]

  /// Creates a timeline; every period needs a start, an end and an article count, and every
  /// series one count and one share per period.
  public init(
    categoryKind: String, periods: [String], periodStarts: [String], periodEnds: [String],
    periodArticleCounts: [Int], series: [ReportSeries]
  ) {
    precondition(
      periodStarts.count == periods.count && periodEnds.count == periods.count,
      "one start and one end per period")
    precondition(periodArticleCounts.count == periods.count, "one article count per period")
    precondition(
      series.allSatisfy { $0.counts.count == periods.count && $0.shares.count == periods.count },
      "every series needs one count and one share per period")
    self.categoryKind = categoryKind
    self.periods = periods
    self.periodStarts = periodStarts
    self.periodEnds = periodEnds
    self.periodArticleCounts = periodArticleCounts
    self.series = series
  }
}
