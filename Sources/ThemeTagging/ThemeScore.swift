/// One theme assigned to one article, with the evidence behind it.
public struct ThemeScore: Sendable, Hashable, Codable {
  /// Index of the theme in ``ThemeTagger/themes``.
  public var theme: Int
  /// The theme's key, for convenience.
  public var key: String
  /// P(theme | article) from the tagger's logistic model, at least the threshold.
  public var score: Double
  /// What the article says about the theme.
  public var evidence: ThemeEvidence

  /// A theme score with its evidence.
  public init(theme: Int, key: String, score: Double, evidence: ThemeEvidence) {
    self.theme = theme
    self.key = key
    self.score = score
    self.evidence = evidence
  }
}
