/// One category's counts and shares across the timeline's periods.
public struct ReportSeries: Codable, Sendable, Hashable {
  /// The category's display name.
  public var name: String
  /// Articles of the category per period.
  public var counts: [Int]
  /// Fraction of each period's articles that carry the category, 0…1; the chart plots these.
  public var shares: [Double]
  /// A trend marker to show beside the legend entry (`new`, `rising`, `steady`, `fading`,
  /// `absent`), or `nil` for none.
  public var trend: String?

  /// Creates a series.
  public init(name: String, counts: [Int], shares: [Double], trend: String? = nil) {
    self.name = name
    self.counts = counts
    self.shares = shares
    self.trend = trend
  }
}
