/// What the caller asks of theme tagging.
public struct ThemeTaggerOptions: Sendable, Hashable, Codable {
  /// Threshold τ on the combined score *Z*.
  ///
  /// Default 3.5, Iglewicz and Hoaglin's cut-off for calling a modified z-score an outlier: an
  /// article carries a theme when the theme is unusually prominent in it compared with the rest of
  /// the corpus. Lower it to tag more.
  public var threshold: Double

  /// Options with the given threshold.
  public init(threshold: Double = 3.5) {
    self.threshold = threshold
  }
}
