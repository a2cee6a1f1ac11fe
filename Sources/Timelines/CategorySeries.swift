/// The counts and shares of one category across a timeline's periods.
public struct CategorySeries: Codable, Sendable, Hashable {
  /// The category key (theme key or cluster identifier).
  public var category: String
  /// Articles of the category per period, aligned with ``TopicTimeline/periods``.
  public var counts: [Int]
  /// `counts[t] / articleCount[t]` per period: the fraction of the period's articles that carry the
  /// category; 0 for a period without articles.
  ///
  /// With several themes per article the shares of all categories in a period may sum to more than
  /// 1; with one cluster per article they sum to 1 minus the share of uncategorised articles.
  public var shares: [Double]

  /// The total number of articles of this category over all periods.
  public var totalCount: Int { counts.reduce(0, +) }

  /// Creates a series; `counts` and `shares` must have the same length.
  public init(category: String, counts: [Int], shares: [Double]) {
    precondition(counts.count == shares.count, "counts and shares must align")
    self.category = category
    self.counts = counts
    self.shares = shares
  }
}
