/// One theme assigned to one article, with the evidence behind it.
public struct ThemeScore: Sendable, Hashable, Codable {
  /// Index of the theme in ``ThemeTagger/themes``.
  public var theme: Int
  /// The theme's key, for convenience.
  public var key: String
  /// The calibrated score *Z* (see ``ThemeTagger``), at least the threshold.
  public var score: Double
  /// Seed mass *E*: the sum of the article's TF-IDF weights over the theme's seed terms.
  public var seedMass: Double
  /// Latent similarity *R*: cosine between the article's vector and the theme's folded-in
  /// seed vector; `nil` when tagging without a latent space.
  public var latentSimilarity: Double?
  /// The seed terms found in the article (vocabulary columns), heaviest first.
  public var matchedSeedTerms: [Int]

  /// A theme score with all its parts.
  public init(
    theme: Int, key: String, score: Double, seedMass: Double, latentSimilarity: Double?,
    matchedSeedTerms: [Int]
  ) {
    self.theme = theme
    self.key = key
    self.score = score
    self.seedMass = seedMass
    self.latentSimilarity = latentSimilarity
    self.matchedSeedTerms = matchedSeedTerms
  }
}

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

/// The result of tagging a corpus: tags per article and calibration per theme.
public struct ThemeTagResult: Sendable, Hashable, Codable {
  /// For each article, its themes by score descending (ties: theme index ascending).
  public var tags: [[ThemeScore]]
  /// For each theme, its calibration and counts.
  public var calibrations: [ThemeCalibration]
}
