/// A cluster of articles with the terms that label it.
public struct ReportCluster: Codable, Sendable, Hashable {
  /// The identifier articles refer to through ``ReportArticle/clusterID``.
  public var id: Int
  /// A short display label, for example `低空经济 · 无人机`.
  public var label: String
  /// The label terms, most characteristic first.
  public var terms: [String]

  /// Creates a cluster record.
  public init(id: Int, label: String, terms: [String]) {
    self.id = id
    self.label = label
    self.terms = terms
  }
}
