/// `clusters --json` and `/api/clusters`: the clusters, the silhouette curve and (for a tree) its lines.
public struct ClustersDocument: Sendable, Hashable, Encodable {
  /// ``ClusterMethod``'s raw value.
  public var method: String
  public var clusterCount: Int
  public var silhouette: Double?
  public var clusters: [ArticleCluster]
  /// Articles in no cluster (the runs did not agree on them, or their group was too small).
  public var unclustered: [ArticleCluster.Member]
  /// Adjusted Rand index of the clustering across seeds, when measured.
  public var stability: ClusterStability?
  /// The topic tree as printed lines, for average linkage only.
  public var tree: [String]?

  /// The document of `result`, clustered with `method`.
  public init(method: ClusterMethod, result: ClusteringResult, tree: [String]?) {
    self.method = method.rawValue
    self.clusterCount = result.clusters.count
    self.silhouette = result.silhouette
    self.clusters = result.clusters
    self.unclustered = result.unclustered
    self.stability = result.stability
    self.tree = tree
  }
}
