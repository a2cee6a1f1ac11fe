/// The direction a category has taken in the latest periods; see ``TopicTimeline/trends(options:)``.
public enum TrendMarker: String, Codable, Sendable, CaseIterable {
  /// Absent from every earlier period, present in the recent window.
  case new
  /// The recent smoothed share is at least `threshold` times the earlier one, with enough recent articles.
  case rising
  /// Neither rising nor fading, or too few articles to say.
  case steady
  /// The recent smoothed share is at most 1 / `threshold` of the earlier one, with enough earlier articles.
  case fading
  /// No article of the category in any period.
  case absent
}
