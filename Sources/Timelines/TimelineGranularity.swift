/// How a timeline groups articles into periods.
public enum TimelineGranularity: String, Codable, Sendable, CaseIterable {
  /// One period per newsletter issue, ordered by the issue's date (its earliest article date),
  /// then by label. Issues are never invented, so there are no empty periods.
  case issue
  /// Calendar months, `2024-11`. Months without articles between the first and the last
  /// are included with a count of zero.
  case month
  /// Calendar quarters, `2024-Q4`. Empty quarters between the first and the last are included.
  case quarter
}
