/// The parameters of the trend rule; the defaults suit a corpus of a few issues with
/// ten to twenty articles each.
public struct TrendOptions: Codable, Sendable, Hashable {
  /// How many of the latest periods form the recent window; default 1 (the latest period).
  public var recentPeriodCount: Int
  /// The smoothed-share ratio that counts as a change; default 1.5 (a rise by half, or a fall to two thirds).
  ///
  /// Must be greater than 1.
  public var threshold: Double
  /// The minimum number of articles on the side that grew (recent window for rising, earlier
  /// periods for fading); default 2, so a single article never makes a trend.
  public var minimumCount: Int
  /// The pseudo-count α added to both outcomes when smoothing shares; default 0.5, the
  /// Jeffreys prior for a binomial proportion, which keeps ratios finite when a count is zero.
  public var smoothing: Double

  /// Creates trend options.
  public init(recentPeriodCount: Int = 1, threshold: Double = 1.5, minimumCount: Int = 2, smoothing: Double = 0.5) {
    precondition(threshold > 1, "threshold must be greater than 1")
    precondition(smoothing > 0, "smoothing must be positive")
    self.recentPeriodCount = recentPeriodCount
    self.threshold = threshold
    self.minimumCount = minimumCount
    self.smoothing = smoothing
  }
}
