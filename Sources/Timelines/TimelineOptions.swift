/// What a timeline should cover and how to group it.
public struct TimelineOptions: Codable, Sendable, Hashable {
  /// How to group articles into periods; default ``TimelineGranularity/issue``.
  public var granularity: TimelineGranularity
  /// Keep only articles whose region equals this string exactly; `nil` keeps all.
  public var region: String?
  /// The categories to report, in this order.
  ///
  /// `nil` reports every category that occurs, most frequent first (ties by key). Listing
  /// categories explicitly keeps rows stable across regions and lets a category that never occurs
  /// appear, marked ``TrendMarker/absent``.
  public var categories: [String]?

  /// Creates options; the defaults give one period per issue over all regions.
  public init(granularity: TimelineGranularity = .issue, region: String? = nil, categories: [String]? = nil) {
    self.granularity = granularity
    self.region = region
    self.categories = categories
  }
}
