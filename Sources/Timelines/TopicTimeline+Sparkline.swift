extension TopicTimeline {
  /// The eight block characters a sparkline uses, lowest first.
  public static let sparklineLevels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

  /// One character per period showing a category's share, for terminal tables.
  ///
  /// A positive share *s* maps to level ⌈8 *s* / *s*ₘₐₓ⌉ (1–8) of ``sparklineLevels``, where
  /// *s*ₘₐₓ is the largest share of any category in any period, so sparklines of different
  /// categories are comparable. A zero share in a period with articles is `·`; a period with no
  /// articles at all (a filled month or quarter gap) is a space. Every character is one terminal
  /// column wide, so the string's length equals the number of periods.
  ///
  /// The CLI owns the table layout; this supplies only the cell text.
  ///
  /// - Parameter category: A category key of this timeline.
  /// - Returns: The sparkline, or `nil` if the timeline has no such category.
  /// - Complexity: O(*p* × *c*) for the maximum, *p* periods and *c* categories.
  public func sparkline(for category: String) -> String? {
    guard let row = series(for: category) else { return nil }
    let maximum = series.lazy.flatMap(\.shares).max() ?? 0
    return String(
      zip(row.shares, periods).map { share, period -> Character in
        if period.articleCount == 0 { return " " }
        if share <= 0 || maximum <= 0 { return "·" }
        let level = Int((share / maximum * 8).rounded(.up))
        return TopicTimeline.sparklineLevels[min(max(level, 1), 8) - 1]
      })
  }
}
