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
