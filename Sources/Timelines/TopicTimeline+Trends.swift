extension TopicTimeline {
  /// Classifies each category as new, rising, steady, fading or absent.
  ///
  /// The last `recentPeriodCount` periods form the recent window *R*; all earlier periods
  /// form *E*. Pool each side: *c*ᵣ, *c*ₑ articles of the category and *n*ᵣ, *n*ₑ articles in
  /// total. Smooth both shares with α pseudo-articles on each outcome (Jeffreys prior by default):
  ///
  ///     pᵣ = (cᵣ + α) / (nᵣ + 2α)      pₑ = (cₑ + α) / (nₑ + 2α)      ρ = pᵣ / pₑ
  ///
  /// Then, checked in this order, with threshold θ and minimum count *m*:
  ///
  /// | Marker | Rule |
  /// |---|---|
  /// | absent | *c*ᵣ + *c*ₑ = 0 |
  /// | new | *c*ₑ = 0 and *c*ᵣ > 0 (first appearance in the recent window) |
  /// | rising | ρ ≥ θ and *c*ᵣ ≥ *m* |
  /// | fading | ρ ≤ 1/θ and *c*ₑ ≥ *m* |
  /// | steady | otherwise |
  ///
  /// Pooling the earlier periods and smoothing keep one quiet issue from flipping a marker; the
  /// minimum count keeps a single article from making a trend. Comparing shares rather than
  /// counts makes the rule indifferent to issue length.
  ///
  /// - Parameter options: Window, threshold, minimum count and smoothing; see ``TrendOptions``.
  /// - Returns: One trend per series, in the order of ``series``.
  /// - Throws: ``TimelineError/singlePeriod(period:)`` when the timeline has one period;
  ///   ``TimelineError/invalidRecentWindow(requested:periodCount:)`` when the window leaves no
  ///   earlier period or is empty.
  /// - Complexity: O(*p* × *c*) for *p* periods and *c* categories.
  public func trends(options: TrendOptions = TrendOptions()) throws(TimelineError) -> [CategoryTrend] {
    guard periods.count >= 2 else { throw .singlePeriod(period: periods.first?.label ?? "") }
    guard (1..<periods.count).contains(options.recentPeriodCount) else {
      throw .invalidRecentWindow(requested: options.recentPeriodCount, periodCount: periods.count)
    }
    let split = periods.count - options.recentPeriodCount
    let recentTotal = periods[split...].reduce(0) { $0 + $1.articleCount }
    let earlierTotal = periods[..<split].reduce(0) { $0 + $1.articleCount }
    let alpha = options.smoothing
    return series.map { series in
      let recent = series.counts[split...].reduce(0, +)
      let earlier = series.counts[..<split].reduce(0, +)
      let recentShare = (Double(recent) + alpha) / (Double(recentTotal) + 2 * alpha)
      let earlierShare = (Double(earlier) + alpha) / (Double(earlierTotal) + 2 * alpha)
      let ratio = recentShare / earlierShare
      let marker: TrendMarker =
        if recent + earlier == 0 {
          .absent
        } else if earlier == 0 {
          .new
        } else if ratio >= options.threshold && recent >= options.minimumCount {
          .rising
        } else if ratio <= 1 / options.threshold && earlier >= options.minimumCount {
          .fading
        } else {
          .steady
        }
      return CategoryTrend(
        category: series.category, marker: marker, recentCount: recent, earlierCount: earlier,
        recentShare: recentShare, earlierShare: earlierShare)
    }
  }
}
