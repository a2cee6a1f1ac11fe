/// A category's trend marker together with the numbers it was computed from.
public struct CategoryTrend: Codable, Sendable, Hashable {
  /// The category key.
  public var category: String
  /// The computed marker.
  public var marker: TrendMarker
  /// Articles of the category in the recent window, *c*ᵣ.
  public var recentCount: Int
  /// Articles of the category in the earlier periods, *c*ₑ.
  public var earlierCount: Int
  /// Smoothed recent share, (*c*ᵣ + α) / (*n*ᵣ + 2α).
  public var recentShare: Double
  /// Smoothed earlier share, (*c*ₑ + α) / (*n*ₑ + 2α).
  public var earlierShare: Double

  /// `recentShare / earlierShare`; above 1 the category gained ground.
  public var ratio: Double { recentShare / earlierShare }

  /// Creates a trend record.
  public init(
    category: String, marker: TrendMarker, recentCount: Int, earlierCount: Int, recentShare: Double,
    earlierShare: Double
  ) {
    self.category = category
    self.marker = marker
    self.recentCount = recentCount
    self.earlierCount = earlierCount
    self.recentShare = recentShare
    self.earlierShare = earlierShare
  }
}
