import Clustering
import LinearAlgebra

/// How clusters are formed.
public enum ClusterMethod: String, Sendable, Hashable, Codable, CaseIterable {
  /// Spherical k-means (cosine, k-means++ seeding, restarts).
  case sphericalKMeans = "spherical-k-means"
  /// A cut of the average-linkage tree on cosine distance.
  case averageLinkage = "average-linkage"
}

/// How to cluster the articles.
public struct ClusterRequest: Sendable, Hashable {
  /// A fixed number of clusters, or `nil` to choose it by silhouette (`ClusterCountSelection`).
  public var clusterCount: Int?
  /// K-means or a cut of the linkage tree.
  public var method: ClusterMethod
  /// Spherical k-means restarts (the best objective wins).
  public var restarts: Int
  /// Label terms per cluster.
  public var labelTermCount: Int
  /// Seed of the k-means++ generator.
  public var seed: UInt64

  public init(
    clusterCount: Int? = nil, method: ClusterMethod = .sphericalKMeans, restarts: Int = 10,
    labelTermCount: Int = 6, seed: UInt64 = 42
  ) {
    self.clusterCount = clusterCount
    self.method = method
    self.restarts = restarts
    self.labelTermCount = labelTermCount
    self.seed = seed
  }
}

/// A cluster of articles with its distinctive terms.
public struct ArticleCluster: Sendable, Hashable, Codable {
  public struct Member: Sendable, Hashable, Codable {
    public var id: String
    public var title: String
    public var region: String
    public var city: String?
    public var date: String?
    public var issue: String
    /// Cosine similarity to the cluster centroid.
    public var similarity: Double
  }

  /// 1-based cluster number, largest cluster first.
  public var number: Int
  /// Class-based TF-IDF terms, most distinctive first.
  public var terms: [String]
  /// Members, closest to the centroid first.
  public var articles: [Member]
  /// Distinct regions and issues the cluster spans.
  public var regionCount: Int
  public var issueCount: Int
}

/// The silhouette of one candidate number of clusters.
public struct SilhouettePoint: Sendable, Hashable, Codable {
  public var clusterCount: Int
  public var silhouette: Double
  public init(clusterCount: Int, silhouette: Double) {
    self.clusterCount = clusterCount
    self.silhouette = silhouette
  }
}

/// The clustering of a model's articles.
public struct ClusteringResult: Sendable, Hashable, Codable {
  /// The clusters, numbered 1… by size (largest first, ties by first member).
  public var clusters: [ArticleCluster]
  /// The cluster number of every article, in article order.
  public var labels: [Int]
  /// Silhouette per candidate k when k was chosen automatically.
  public var silhouetteCurve: [SilhouettePoint]
  public var silhouette: Double?
  /// The average-linkage tree, for `ClusterMethod.averageLinkage`.
  public var tree: LinkageTree?
}

extension PolicyModel {
  /// Clusters the articles' latent vectors (cosine), labelled by class-based TF-IDF.
  ///
  /// With no `clusterCount`, k is chosen by `ClusterCountSelection`'s rule for either method.
  /// Clusters are numbered by `RankedClusters` (size, largest first, ties by first member), so
  /// the same model, k and seed always print the same clusters.
  ///
  /// - Throws: `QueryError.tooManyClusters` for a k outside 1…articles; `ClusteringError`.
  public func clusters(_ request: ClusterRequest) throws -> ClusteringResult {
    let vectors = latentVectors
    if let k = request.clusterCount {
      guard k >= 1, k <= articles.count else {
        throw QueryError.tooManyClusters(requested: k, articleCount: articles.count)
      }
    }
    var curve: [SilhouettePoint] = []
    var silhouette: Double?
    let labels: [Int]
    var tree: LinkageTree?
    switch (request.method, request.clusterCount) {
    case (.sphericalKMeans, let k?):
      var generator = SplitMix64(seed: request.seed)
      labels = try SphericalKMeansModel(
        fitting: vectors, options: SphericalKMeansOptions(clusterCount: k, restarts: request.restarts),
        using: &generator
      ).labels
    case (.sphericalKMeans, nil):
      var generator = SplitMix64(seed: request.seed)
      let selection = try ClusterCountSelection(fitting: vectors, restarts: request.restarts, using: &generator)
      (labels, curve, silhouette) = (selection.labels, Self.curve(selection), selection.silhouette)
    case (.averageLinkage, let k?):
      let linkage = try LinkageTree(averageLinkageOf: vectors)
      tree = linkage
      labels = try linkage.labels(clusterCount: k)
    case (.averageLinkage, nil):
      let linkage = try LinkageTree(averageLinkageOf: vectors)
      tree = linkage
      let selection = try ClusterCountSelection(cutting: linkage, documentVectors: vectors)
      (labels, curve, silhouette) = (selection.labels, Self.curve(selection), selection.silhouette)
    }
    if let k = request.clusterCount, k >= 2, k < articles.count {
      silhouette = try? Silhouette.score(of: vectors, labels: labels)
    }
    var result = try describe(labels: labels, vectors: vectors, request: request, curve: curve, silhouette: silhouette)
    result.tree = tree
    return result
  }

  private static func curve(_ selection: ClusterCountSelection) -> [SilhouettePoint] {
    selection.candidates.map { SilhouettePoint(clusterCount: $0.clusterCount, silhouette: $0.silhouette) }
  }

  private func describe(
    labels rawLabels: [Int], vectors: Matrix, request: ClusterRequest,
    curve: [SilhouettePoint], silhouette: Double?
  ) throws -> ClusteringResult {
    let ranked = try RankedClusters(labels: rawLabels, documentVectors: vectors)
    let classTerms = try ClassTFIDF(termWeights: weights, labels: ranked.labels).topTerms(count: request.labelTermCount)
    let clusters = ranked.members.indices.map { position -> ArticleCluster in
      let rows = ranked.members[position]
      return ArticleCluster(
        number: position + 1,
        terms: classTerms[position].map { tfidf.terms[$0.term] },
        articles: zip(rows, ranked.similarities[position]).map { row, similarity in
          let article = articles[row]
          return .init(
            id: article.id, title: article.title, region: article.region, city: article.city,
            date: article.date, issue: article.issue, similarity: similarity)
        },
        regionCount: Set(rows.map { articles[$0].region }).count,
        issueCount: Set(rows.map { articles[$0].issue }).count)
    }
    return ClusteringResult(
      clusters: clusters, labels: ranked.labels.map { $0 + 1 }, silhouetteCurve: curve, silhouette: silhouette)
  }
}
