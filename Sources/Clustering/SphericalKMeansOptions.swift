/// What the caller asks of spherical k-means.
public struct SphericalKMeansOptions: Sendable, Hashable, Codable {
  /// Number of clusters *k* (1 ≤ *k* ≤ number of documents).
  public var clusterCount: Int
  /// Independent k-means++ starts; the best objective wins.
  ///
  /// Default 10, scikit-learn's historical `n_init`, because a single start often settles in a poor
  /// local optimum on small corpora.
  public var restarts: Int
  /// Upper bound on assignment/update rounds per start.
  ///
  /// Default 100; spherical k-means on LSA vectors usually stops (no label changes) within 20.
  public var maximumIterations: Int

  /// Options for `clusterCount` clusters with the given restarts and iteration limit.
  public init(clusterCount: Int, restarts: Int = 10, maximumIterations: Int = 100) {
    self.clusterCount = clusterCount
    self.restarts = restarts
    self.maximumIterations = maximumIterations
  }
}
