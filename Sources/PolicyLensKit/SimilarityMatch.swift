/// One similar article, with the terms that explain the match.
public struct SimilarityMatch: Sendable, Hashable, Codable {
  public var id: String
  public var title: String
  public var region: String
  public var city: String?
  public var date: String?
  /// Cosine similarity of the latent vectors (rows of UΣ), in [-1, 1].
  public var score: Double
  /// Terms contributing most to the score, largest first.
  public var terms: [String]

  private enum CodingKeys: String, CodingKey { case id, title, region, city, date, score, terms }

  /// Encodes every key, `city` and `date` as `null` when absent, so JSON readers see a fixed shape.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(title, forKey: .title)
    try container.encode(region, forKey: .region)
    try container.encode(city, forKey: .city)
    try container.encode(date, forKey: .date)
    try container.encode(score, forKey: .score)
    try container.encode(terms, forKey: .terms)
  }
}
