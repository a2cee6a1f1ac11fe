/// One period of a timeline: an issue, a month or a quarter.
public struct TimelinePeriod: Codable, Sendable, Hashable {
  /// The display label: the issue label, `2024-11`, or `2024-Q4`.
  public var label: String
  /// The first day covered: the earliest article date, or the first day of the month
  /// or quarter.
  public var start: CalendarDate
  /// The last day covered: the latest article date, or the last day of the month or quarter.
  public var end: CalendarDate
  /// The number of articles in this period (after region filtering); zero for a filled gap.
  public var articleCount: Int

  /// Creates a period.
  public init(label: String, start: CalendarDate, end: CalendarDate, articleCount: Int) {
    self.label = label
    self.start = start
    self.end = end
    self.articleCount = articleCount
  }
}
