/// What to look for and which articles may answer.
public struct SimilarityRequest: Sendable, Hashable {
  /// Maximum number of results.
  public var count: Int
  /// Leave out the query article's own region and its near-duplicates (score ≥ 0.95 or the
  /// same title): "what did other places do?".
  public var excludesOwnRegion: Bool
  /// Keep only the best article of each region (city-level articles group by region).
  public var keepsOnePerRegion: Bool
  /// Only articles of this region or city.
  public var region: String?
  /// Only articles dated on or after this ISO date (inclusive; `2024` and `2024-06` allowed).
  public var since: String?
  /// Only articles dated on or before this ISO date (inclusive; a month or year covers all of it).
  public var until: String?
  /// Number of explaining terms per result.
  public var explanationTermCount: Int

  public init(
    count: Int = 10, excludesOwnRegion: Bool = false, keepsOnePerRegion: Bool = false,
    region: String? = nil, since: String? = nil, until: String? = nil, explanationTermCount: Int = 5
  ) {
    self.count = count
    self.excludesOwnRegion = excludesOwnRegion
    self.keepsOnePerRegion = keepsOnePerRegion
    self.region = region
    self.since = since
    self.until = until
    self.explanationTermCount = explanationTermCount
  }
}
