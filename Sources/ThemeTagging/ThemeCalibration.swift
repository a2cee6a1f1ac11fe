/// How one theme's scores were standardized (shown by `--explain`).
public struct ThemeCalibration: Sendable, Hashable, Codable {
  /// Index of the theme in ``ThemeTagger/themes``.
  public var theme: Int
  /// The median the score is measured from: of the latent similarity *R* over the background
  /// articles, or of the seed mass *E* over all articles without a latent space.
  public var median: Double
  /// The robust scale dividing it (see ``RobustScale``); 0 means nothing can be tagged.
  public var scale: Double
  /// Whether *Z* was computed from latent similarity (`true`) or seed mass (`false`).
  public var isLatent: Bool
  /// Number of articles containing at least one seed term.
  public var articlesWithSeedTerms: Int
  /// Number of articles tagged with the theme.
  public var taggedArticles: Int
}
