/// One similar article, with the terms that explain the match.
public struct SimilarityMatch: Sendable, Hashable, Codable {
  public var id: String
  public var title: String
  public var region: String
  public var city: String?
  public var date: String?
  /// The ranking score: w · lexical + (1 − w) · latent (+ a place preference for free text).
  public var score: Double
  /// TF-IDF cosine with the query, in [0, 1].
  public var lexicalScore: Double
  /// LSA cosine (rows of UΣ) with the query, in [−1, 1].
  public var latentScore: Double
  /// Terms that occur in both texts, by their contribution to the score, largest first.
  public var terms: [String]
  /// Terms that occur in only one of the texts but link them through the latent topics.
  public var relatedTerms: [String]

  public init(
    id: String, title: String, region: String, city: String?, date: String?, score: Double,
    lexicalScore: Double, latentScore: Double, terms: [String], relatedTerms: [String]
  ) {
    self.id = id
    self.title = title
    self.region = region
    self.city = city
    self.date = date
    self.score = score
    self.lexicalScore = lexicalScore
    self.latentScore = latentScore
    self.terms = terms
    self.relatedTerms = relatedTerms
  }

  private enum CodingKeys: String, CodingKey {
    case id, title, region, city, date, score, lexicalScore, latentScore, terms, relatedTerms
  }

  /// Encodes every key, `city` and `date` as `null` when absent, so JSON readers see a fixed shape.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(title, forKey: .title)
    try container.encode(region, forKey: .region)
    try container.encode(city, forKey: .city)
    try container.encode(date, forKey: .date)
    try container.encode(score, forKey: .score)
    try container.encode(lexicalScore, forKey: .lexicalScore)
    try container.encode(latentScore, forKey: .latentScore)
    try container.encode(terms, forKey: .terms)
    try container.encode(relatedTerms, forKey: .relatedTerms)
  }
}
