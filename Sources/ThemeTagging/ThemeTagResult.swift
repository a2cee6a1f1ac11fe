/// The result of tagging a corpus: tags per article and calibration per theme.
public struct ThemeTagResult: Sendable, Hashable, Codable {
  /// For each article, its themes by score descending (ties: theme index ascending).
  public var tags: [[ThemeScore]]
  /// For each theme, its calibration and counts.
  public var calibrations: [ThemeCalibration]
}
