import Foundation

/// What an article says about one theme: where the theme's phrases occur and how densely,
/// and how close the article is to the theme in the latent topic space.
///
/// The phrases are the theme's seed terms and the parts of its name (人工智能/大模型 →
/// 人工智能, 大模型), counted by ``PhraseCounter`` on the normalised text. The description
/// contributes its distinctive vocabulary terms (``ThemeTagger/descriptionTerms``).
public struct ThemeEvidence: Sendable, Hashable, Codable {
  /// Phrase occurrences in the title.
  public var titleCount: Int
  /// Phrase occurrences in the lead (first) paragraph.
  public var leadCount: Int
  /// Phrase occurrences in the whole body (lead included).
  public var bodyCount: Int
  /// The body's length in characters (Unicode scalars).
  public var bodyLength: Int
  /// How many different phrases occur anywhere in the article.
  public var distinctPhraseCount: Int
  /// Whether a part of the theme's name occurs in the title.
  public var nameInTitle: Bool
  /// Occurrences of the description's distinctive terms in title and body.
  public var descriptionCount: Int
  /// Cosine of the article's latent vector with the theme's (0 without a latent space).
  public var latentSimilarity: Double
  /// Closeness to the articles an analyst marked for the theme, when the theme has examples.
  public var examples: ExampleSimilarity?
  /// The phrases found, with their counts in the whole article, most frequent first.
  public var matchedPhrases: [PhraseCount]

  /// One phrase and how often it occurs.
  public struct PhraseCount: Sendable, Hashable, Codable {
    public var phrase: String
    public var count: Int

    /// A phrase and its count.
    public init(phrase: String, count: Int) {
      self.phrase = phrase
      self.count = count
    }
  }

  /// Creates evidence from its parts.
  public init(
    titleCount: Int, leadCount: Int, bodyCount: Int, bodyLength: Int, distinctPhraseCount: Int,
    nameInTitle: Bool, descriptionCount: Int, latentSimilarity: Double, matchedPhrases: [PhraseCount]
  ) {
    self.titleCount = titleCount
    self.leadCount = leadCount
    self.bodyCount = bodyCount
    self.bodyLength = bodyLength
    self.distinctPhraseCount = distinctPhraseCount
    self.nameInTitle = nameInTitle
    self.descriptionCount = descriptionCount
    self.latentSimilarity = latentSimilarity
    self.matchedPhrases = matchedPhrases
    self.examples = nil
  }

  /// Names of the features, in the order of ``features``.
  public static let featureNames = [
    "ln(1 + title count)", "ln(1 + lead count)", "ln(1 + body count)", "ln(1 + count per 1,000 characters)",
    "ln(1 + distinct phrases)", "name in title", "ln(1 + description terms per 1,000 characters)",
    "latent similarity",
  ]

  /// The features the tagger's logistic model reads.
  ///
  /// Counts enter through ln(1 + x), so the
  /// fifth mention adds less than the first, and density is per 1,000 characters, so a long
  /// essay does not win on length alone.
  public var features: [Double] {
    let perThousand = 1_000 / Double(max(1, bodyLength))
    return [
      log1p(Double(titleCount)), log1p(Double(leadCount)), log1p(Double(bodyCount)),
      log1p(Double(bodyCount) * perThousand), log1p(Double(distinctPhraseCount)), nameInTitle ? 1 : 0,
      log1p(Double(descriptionCount) * perThousand), latentSimilarity,
    ]
  }

  /// Whether any phrase of the theme occurs in the article.
  public var hasPhrase: Bool { titleCount + bodyCount > 0 }
}
