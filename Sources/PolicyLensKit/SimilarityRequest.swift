/// What to look for and which articles may answer.
public struct SimilarityRequest: Sendable, Hashable {
  /// Maximum number of results.
  public var count: Int
  /// Leave out articles of the query article's own place (its city, else its region; a
  /// roundup has none) and its near-duplicates (score ≥ 0.95 or the same title): "what did
  /// other places do?".
  public var excludesOwnRegion: Bool
  /// Keep only the best article of each region (city-level articles group by region).
  public var keepsOnePerRegion: Bool
  /// Only articles of this region or city.
  public var region: String?
  /// Only articles dated on or after this ISO date (inclusive; `2024` and `2024-06` allowed).
  public var since: String?
  /// Only articles dated on or before this ISO date (inclusive; a month or year covers all of it).
  public var until: String?
  /// Only these articles (by id), or any article when `nil`: a theme's articles, say.
  public var articleIDs: Set<String>?
  /// Number of explaining terms per result.
  public var explanationTermCount: Int
  /// The share of the lexical (TF-IDF cosine) score in the blend with the latent (LSA) one; see `HybridSearch`.
  ///
  /// Default ``defaultLexicalWeight``.
  public var lexicalWeight: Double
  /// Added to the score of articles of a place that a free-text query names (江苏 低空经济): places are
  /// preferences, not terms.
  ///
  /// Default ``defaultPlacePreference``.
  public var placePreference: Double

  /// The blend chosen on the tuning half of the check set (Tests/EvaluationData): see the
  /// README's ablation table for how each weight scores.
  public static let defaultLexicalWeight = 0.3
  /// A preference strong enough to lift an article of the named place above articles of
  /// other places that match the topic about as well, not above better matches.
  public static let defaultPlacePreference = 0.05

  public init(
    count: Int = 10, excludesOwnRegion: Bool = false, keepsOnePerRegion: Bool = false,
    region: String? = nil, since: String? = nil, until: String? = nil, articleIDs: Set<String>? = nil,
    explanationTermCount: Int = 5,
    lexicalWeight: Double = Self.defaultLexicalWeight, placePreference: Double = Self.defaultPlacePreference
  ) {
    self.count = count
    self.excludesOwnRegion = excludesOwnRegion
    self.keepsOnePerRegion = keepsOnePerRegion
    self.region = region
    self.since = since
    self.until = until
    self.articleIDs = articleIDs
    self.explanationTermCount = explanationTermCount
    self.lexicalWeight = lexicalWeight
    self.placePreference = placePreference
  }
}
