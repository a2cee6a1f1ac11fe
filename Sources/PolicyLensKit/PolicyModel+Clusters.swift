import Clustering
import LinearAlgebra

/// How to cluster the articles.
public struct ClusterRequest: Sendable, Hashable {
  /// A fixed number of clusters, or `nil` to choose it by silhouette.
  public var clusterCount: Int?
  /// Spherical k-means restarts (the best objective wins).
  public var restarts: Int
  /// Label terms per cluster.
  public var labelTermCount: Int
  /// Seed of the k-means++ generator.
  public var seed: UInt64

  public init(clusterCount: Int? = nil, restarts: Int = 10, labelTermCount: Int = 6, seed: UInt64 = 42) {
    self.clusterCount = clusterCount
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
  public var clusters: [ArticleCluster]
  /// The cluster number of every article, in article order.
  public var labels: [Int]
  /// Silhouette per candidate k when k was chosen automatically.
  public var silhouetteCurve: [SilhouettePoint]
  public var silhouette: Double?
}

extension PolicyModel {
  /// Spherical k-means over the latent vectors (cosine), labelled by class-based TF-IDF.
  ///
  /// Clusters are numbered by size (largest first, ties by first member), so the same model,
  /// k and seed always print the same clusters.
  public func clusters(_ request: ClusterRequest) throws -> ClusteringResult {
    let vectors = latentVectors
    var generator = SplitMix64(seed: request.seed)
    let model: SphericalKMeansModel
    var curve: [SilhouettePoint] = []
    var silhouette: Double?
    if let k = request.clusterCount {
      guard k >= 1, k <= articles.count else {
        throw QueryError.tooManyClusters(requested: k, articleCount: articles.count)
      }
      model = try SphericalKMeansModel(
        fitting: vectors, options: SphericalKMeansOptions(clusterCount: k, restarts: request.restarts),
        using: &generator)
      if k >= 2 && k < articles.count { silhouette = try? Silhouette.score(of: vectors, labels: model.labels) }
    } else {
      let selection = try ClusterCountSelection(fitting: vectors, restarts: request.restarts, using: &generator)
      model = selection.model
      curve = selection.candidates.map { SilhouettePoint(clusterCount: $0.clusterCount, silhouette: $0.silhouette) }
      silhouette = selection.candidates.first { $0.clusterCount == selection.clusterCount }?.silhouette
    }
    return try describe(labels: model.labels, vectors: vectors, request: request, curve: curve, silhouette: silhouette)
  }

  /// Clusters from a cut of the average-linkage tree (for `--tree`).
  public func clusters(cutting tree: LinkageTree, into k: Int, request: ClusterRequest) throws -> ClusteringResult {
    let labels = try tree.labels(clusterCount: k)
    let vectors = latentVectors
    let silhouette = k >= 2 && k < articles.count ? try? Silhouette.score(of: vectors, labels: labels) : nil
    return try describe(labels: labels, vectors: vectors, request: request, curve: [], silhouette: silhouette)
  }

  private func describe(
    labels rawLabels: [Int], vectors: Matrix, request: ClusterRequest,
    curve: [SilhouettePoint], silhouette: Double?
  ) throws -> ClusteringResult {
    let clusterCount = (rawLabels.max() ?? -1) + 1
    var members = [[Int]](repeating: [], count: clusterCount)
    for (row, label) in rawLabels.enumerated() { members[label].append(row) }
    let order = members.indices.sorted {
      members[$0].count > members[$1].count
        || (members[$0].count == members[$1].count && (members[$0].first ?? 0) < (members[$1].first ?? 0))
    }
    var renumber = [Int](repeating: 0, count: clusterCount)
    for (position, label) in order.enumerated() { renumber[label] = position }
    let labels = rawLabels.map { renumber[$0] }
    let classTerms = try ClassTFIDF(termWeights: weights, labels: labels).topTerms(count: request.labelTermCount)
    let unit = vectors.rows.map { row -> [Double] in
      let norm = row.reduce(0) { $0 + $1 * $1 }.squareRoot()
      return norm > 0 ? row.map { $0 / norm } : row
    }
    let clusters = order.enumerated().map { position, label -> ArticleCluster in
      let rows = members[label]
      var centroid = [Double](repeating: 0, count: vectors.columnCount)
      for row in rows { for j in centroid.indices { centroid[j] += unit[row][j] } }
      let norm = centroid.reduce(0) { $0 + $1 * $1 }.squareRoot()
      if norm > 0 { centroid = centroid.map { $0 / norm } }
      let scored = rows.map { row in (row, zip(unit[row], centroid).reduce(0) { $0 + $1.0 * $1.1 }) }
        .sorted { $0.1 > $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }
      return ArticleCluster(
        number: position + 1,
        terms: classTerms[position].map { tfidf.terms[$0.term] },
        articles: scored.map { row, similarity in
          let article = articles[row]
          return .init(
            id: article.id, title: article.title, region: article.region, city: article.city,
            date: article.date, issue: article.issue, similarity: similarity)
        },
        regionCount: Set(rows.map { articles[$0].region }).count,
        issueCount: Set(rows.map { articles[$0].issue }).count)
    }
    return ClusteringResult(
      clusters: clusters, labels: labels.map { $0 + 1 }, silhouetteCurve: curve, silhouette: silhouette)
  }
}
