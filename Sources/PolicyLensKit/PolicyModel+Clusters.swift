import Clustering
import Foundation
import Ingest
import LinearAlgebra
import TextAnalysis

/// How clusters are formed.
public enum ClusterMethod: String, Sendable, Hashable, Codable, CaseIterable {
  /// Spherical k-means (cosine, k-means++ seeding, restarts).
  case sphericalKMeans = "spherical-k-means"
  /// A cut of the average-linkage tree on cosine distance.
  case averageLinkage = "average-linkage"
}

/// How to cluster the articles.
public struct ClusterRequest: Sendable, Hashable {
  /// A fixed number of clusters, or `nil` for the number the consensus of k-means runs finds
  /// (`ConsensusClustering`), for both methods: one rule for k.
  public var clusterCount: Int?
  /// K-means or a cut of the linkage tree.
  public var method: ClusterMethod
  /// Spherical k-means restarts (the best objective wins).
  public var restarts: Int
  /// Label terms per cluster.
  public var labelTermCount: Int
  /// Seed of the k-means++ generator.
  public var seed: UInt64
  /// Runs, threshold and minimum size of the k-means consensus.
  public var consensus: ConsensusOptions
  /// How many leading latent dimensions the articles are clustered on (default 20; all when
  /// the model has fewer).
  ///
  /// On the seed model the singular values are flat after the first (each dimension past the
  /// 20th carries about 1 % of the variance): those dimensions separate single articles, not
  /// groups, and with all 53 the k-means runs agree on almost no pair.
  public var dimensionCount: Int?
  /// Seeds over which ``ClusteringResult/stability`` is measured (0 to skip; default 0).
  public var stabilitySeedCount: Int

  /// A request; every default is documented on its property.
  public init(
    clusterCount: Int? = nil, method: ClusterMethod = .sphericalKMeans, restarts: Int = 10,
    labelTermCount: Int = 6, seed: UInt64 = 42, consensus: ConsensusOptions = ConsensusOptions(),
    dimensionCount: Int? = 20, stabilitySeedCount: Int = 0
  ) {
    self.clusterCount = clusterCount
    self.method = method
    self.restarts = restarts
    self.labelTermCount = labelTermCount
    self.seed = seed
    self.consensus = consensus
    self.dimensionCount = dimensionCount
    self.stabilitySeedCount = stabilitySeedCount
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
    /// Cosine similarity to the cluster centroid (for an unclustered article, to the
    /// nearest centroid).
    public var similarity: Double
    /// For k-means consensus: the mean fraction of runs that put the article with the other
    /// members of its group (below the threshold it is unclustered).
    public var agreement: Double?
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

/// How much the clustering moves with the random seed.
public struct ClusterStability: Sendable, Hashable, Codable {
  /// The seeds compared (the request's seed and the next ones).
  public var seeds: [UInt64]
  /// Adjusted Rand index over every pair of those seeds' clusterings (unclustered articles
  /// count as singletons): mean and minimum.
  public var meanAdjustedRandIndex: Double
  public var minimumAdjustedRandIndex: Double
  /// The number of articles the index was estimated on (the request seed's consensus sample),
  /// or `nil` when it was computed on every article.
  public var articleCount: Int?
}

/// The clustering of a model's articles.
public struct ClusteringResult: Sendable, Hashable, Codable {
  /// The clusters, numbered 1… by size (largest first, ties by first member).
  public var clusters: [ArticleCluster]
  /// The cluster number of every article, in article order; `nil` when unclustered.
  public var labels: [Int?]
  /// Articles in no cluster (too far from every group the runs agree on, or in a group smaller
  /// than the minimum size), closest to a centroid first.
  public var unclustered: [ArticleCluster.Member]
  /// Adjusted Rand index across seeds, when the request asked for it.
  public var stability: ClusterStability?
  public var silhouette: Double?
  /// The number of clustered articles the silhouette was estimated on (those in the consensus
  /// sample, see `ConsensusOptions.sampleSize`), or `nil` when it was computed on all of them.
  public var silhouetteArticleCount: Int?
  /// The standard error of the silhouette estimated on a sample (`nil` when computed on every
  /// clustered article): the standard deviation of the sampled articles' silhouettes over √m,
  /// with the finite-population correction.
  public var silhouetteStandardError: Double? = nil
  /// The average-linkage tree, for `ClusterMethod.averageLinkage`.
  public var tree: LinkageTree?
  /// The article of each leaf of ``tree`` when it was built on a sample (`SampledLinkage`);
  /// `nil` when leaf *i* is article *i*.
  public var treeRows: [Int]?
}

extension PolicyModel {
  /// Clusters the articles' latent vectors (cosine), labelled by class-based TF-IDF.
  ///
  /// K-means is the consensus of many runs (`ConsensusClustering`): with no `clusterCount`,
  /// the number of clusters is where the runs stop agreeing, and articles the runs don't agree
  /// on are unclustered. The tree (average linkage) cuts every article into a cluster, into as
  /// many clusters as the consensus finds unless k is given. Clusters are numbered by
  /// `RankedClusters` (size, largest first, ties by first member), so the same model, k and
  /// seed always print the same clusters. Labels leave out places, stop words and words naming
  /// a policy's form (`CompoundTerms`).
  ///
  /// - Throws: `QueryError.tooManyClusters` for a k outside 1…articles; `ClusteringError`.
  public func clusters(_ request: ClusterRequest) throws -> ClusteringResult {
    let vectors = clusteringVectors(request)
    if let k = request.clusterCount {
      guard k >= 1, k <= articles.count else {
        throw QueryError.tooManyClusters(requested: k, articleCount: articles.count)
      }
    }
    let labels: [Int?]
    var agreement: [Double?]?
    var sample: [Int]?
    var tree: LinkageTree?
    var stability: ClusterStability?
    switch (request.method, request.clusterCount) {
    case (.sphericalKMeans, let k):
      // The request's seed and, for the stability, the next ones: independent runs, on every core.
      let seeds = (0..<UInt64(max(1, request.stabilitySeedCount))).map { request.seed &+ $0 }
      let runs = try Self.consensus(of: vectors, request: request, clusterCount: k, seeds: seeds)
      let consensus = runs[0]
      (labels, agreement) = (consensus.labels, consensus.agreement)
      sample = consensus.isSampled ? consensus.sampleRows : nil
      if request.stabilitySeedCount >= 2 {
        stability = Self.stability(of: runs.map(\.labels), seeds: seeds, on: sample)
      }
    case (.averageLinkage, let k):
      // One rule for k everywhere: without k the tree is cut into as many clusters as the
      // consensus finds. Above the consensus's sample size the tree is built on a sample.
      var generator = SplitMix64(seed: request.seed)
      var count = k ?? 1
      if k == nil {
        let consensus = try ConsensusClustering(
          fitting: vectors, options: request.consensus, clusterCount: nil, using: &generator)
        count = max(1, Set(consensus.labels.compactMap { $0 }).count)
      }
      let linkage = try SampledLinkage(
        averageLinkageOf: vectors, sampleSize: request.consensus.sampleSize, clusterCount: count, using: &generator)
      tree = linkage.tree
      labels = linkage.labels
      if linkage.isSampled { sample = linkage.sampleRows }
    }
    var result = try describe(
      labels: labels, agreement: agreement, silhouetteSample: sample, vectors: vectors, request: request)
    result.tree = tree
    result.treeRows = tree != nil ? sample : nil
    result.stability = stability
    return result
  }

  /// The leading `request.dimensionCount` columns of the latent vectors.
  private func clusteringVectors(_ request: ClusterRequest) -> Matrix {
    let all = latentVectors
    let d = min(all.columnCount, request.dimensionCount ?? all.columnCount)
    guard d < all.columnCount else { return all }
    return Matrix(
      rowCount: all.rowCount, columnCount: d, columnMajor: Array(all.elements.prefix(all.rowCount * d)))
  }

  /// The consensus clustering for each seed, computed concurrently (each run has its own
  /// generator, so the result is the same as one after the other).
  private static func consensus(of vectors: Matrix, request: ClusterRequest, clusterCount: Int?, seeds: [UInt64])
    throws -> [ConsensusClustering]
  {
    nonisolated(unsafe) let results = UnsafeMutableBufferPointer<Result<ConsensusClustering, ClusteringError>>
      .allocate(capacity: seeds.count)
    results.initialize(repeating: .failure(.invalidParameter(name: "consensus run", value: 0, allowed: "one that ran")))
    defer { results.deallocate() }
    DispatchQueue.concurrentPerform(iterations: seeds.count) { index in
      var generator = SplitMix64(seed: seeds[index])
      results[index] = Result { () throws(ClusteringError) in
        try ConsensusClustering(
          fitting: vectors, options: request.consensus, clusterCount: clusterCount, using: &generator)
      }
    }
    return try results.map { try $0.get() }
  }

  /// ARI over every pair of the consensus clusterings of `seeds` (the request's seed first), on
  /// the articles of `sample` when given (each seed draws its own sample and assigns the rest;
  /// the index compares the labels they give the first seed's sample).
  private static func stability(of runs: [[Int?]], seeds: [UInt64], on sample: [Int]?) -> ClusterStability {
    func compared(_ labels: [Int?]) -> [Int] { (sample?.map { labels[$0] } ?? labels).map { $0 ?? -1 } }
    let partitions = runs.map(compared)
    var indices: [Double] = []
    for i in partitions.indices {
      for j in partitions.indices where j > i {
        indices.append(adjustedRandIndex(between: partitions[i], and: partitions[j]))
      }
    }
    return ClusterStability(
      seeds: seeds, meanAdjustedRandIndex: indices.reduce(0, +) / Double(max(1, indices.count)),
      minimumAdjustedRandIndex: indices.min() ?? 1, articleCount: sample?.count)
  }

  /// Terms that may not label a cluster: places, the model's stop words, the words naming a
  /// policy's form and the words of reports in general.
  private var excludedLabelTerms: Set<String> {
    Set(Gazetteer.placeNames).union(textAnalysis.stopWords).union(FitOptions.policyInstrumentWords)
      .union(Self.reportWords)
  }

  /// Words that say how a policy is worded or how a report counts, not what it is about.
  ///
  /// A cluster of subsidy measures is labelled by what they fund, not by 给予 奖励 最高. They stay
  /// terms of the vectors (leaving them out there lifted similar-article nDCG@10 on the tuning
  /// half by 0.02 but lowered the clusters' purity and the three-seed themes; within the noise),
  /// and are only kept off the labels.
  static let reportWords: Set<String> = [
    "给予", "奖励", "扶持", "最高", "补贴", "资助", "年度", "每年", "万元", "亿元", "要求", "规范", "管理", "主体",
    "我国", "预计", "较大", "左右", "家左右", "水平", "加强", "实施", "开展", "深化", "完善", "鼓励", "引导",
    "提升", "同比", "同比增长", "增速", "增长", "个城市", "存在", "不少", "中心", "行动", "着力构建", "相关", "有关",
    "不超过", "每家", "因素", "不变", "企业",
  ]

  /// Whether a term may not label a cluster: excluded outright, or naming a place inside it
  /// (上海市委, 深圳海关).
  private static func isExcludedLabel(_ term: String, excluded: Set<String>) -> Bool {
    excluded.contains(term) || !Gazetteer.places(in: term).isEmpty
  }

  private func describe(
    labels rawLabels: [Int?], agreement: [Double?]?, silhouetteSample: [Int]? = nil, vectors: Matrix,
    request: ClusterRequest
  ) throws -> ClusteringResult {
    let clusteredRows = rawLabels.indices.filter { rawLabels[$0] != nil }
    let unclusteredRows = rawLabels.indices.filter { rawLabels[$0] == nil }
    let d = vectors.columnCount
    var clustered = Matrix(rowCount: clusteredRows.count, columnCount: d)
    for (position, row) in clusteredRows.enumerated() { for j in 0..<d { clustered[position, j] = vectors[row, j] } }
    let ranked = try RankedClusters(labels: clusteredRows.compactMap { rawLabels[$0] }, documentVectors: clustered)
    var numbers = [Int?](repeating: nil, count: articles.count)
    for (position, row) in clusteredRows.enumerated() { numbers[row] = ranked.labels[position] }
    // Unclustered articles form one more class, so that c-TF-IDF's idf sees all the text.
    let k = ranked.clusterCount
    let excluded = excludedLabelTerms
    // Each cluster's most distinctive terms (c-TF-IDF), without places, stop words or policy-form
    // words, sub-words folded into their compounds: read down to three candidates per label
    // term (besides the excluded ones), as for the terms of a match.
    let names = tfidf.terms
    let isExcluded = { (term: String) in Self.isExcludedLabel(term, excluded: excluded) }
    let classTerms = try ClassTFIDF(termWeights: weights, labels: numbers.map { $0 ?? k }).topTerms(
      count: names.count
    ).map { ranked in
      var candidates: [String] = []
      var admitted = 0
      for weighted in ranked where admitted < 3 * request.labelTermCount {
        candidates.append(names[weighted.term])
        if !isExcluded(names[weighted.term]) { admitted += 1 }
      }
      return CompoundTerms.folding(candidates, count: request.labelTermCount, isExcluded: isExcluded)
    }
    func member(_ row: Int, similarity: Double) -> ArticleCluster.Member {
      let article = articles[row]
      return .init(
        id: article.id, title: article.title, region: article.region, city: article.city, date: article.date,
        issue: article.issue, similarity: similarity, agreement: agreement?[row] ?? nil)
    }
    let clusters = ranked.members.indices.map { position -> ArticleCluster in
      let rows = ranked.members[position].map { clusteredRows[$0] }
      return ArticleCluster(
        number: position + 1, terms: classTerms[position],
        articles: zip(rows, ranked.similarities[position]).map { member($0, similarity: $1) },
        regionCount: Set(rows.map { articles[$0].region }).count,
        issueCount: Set(rows.map { articles[$0].issue }).count)
    }
    let unit = vectors.unitRows()
    let unclustered = unclusteredRows.map { row in
      let nearest = (0..<k).map { c in (0..<d).reduce(0.0) { $0 + unit[row, $1] * ranked.centroids[c, $1] } }.max()
      return member(row, similarity: nearest ?? 0)
    }.sorted { $0.similarity > $1.similarity }
    // The silhouette needs all pairs: on a sampled consensus it is estimated on the clustered
    // articles of the sample, O(s²) memory instead of O(n²).
    let silhouetteRows = silhouetteSample.map { $0.filter { numbers[$0] != nil } } ?? clusteredRows
    var silhouetteVectors = Matrix(rowCount: silhouetteRows.count, columnCount: d)
    for (position, row) in silhouetteRows.enumerated() {
      for j in 0..<d { silhouetteVectors[position, j] = vectors[row, j] }
    }
    let silhouetteSamples: [Double]? =
      k >= 2 && silhouetteRows.count > k
      ? try? Silhouette.samples(of: silhouetteVectors, labels: silhouetteRows.compactMap { numbers[$0] }) : nil
    let silhouette = silhouetteSamples.map { $0.reduce(0, +) / Double($0.count) }
    // On a sample, the estimate's standard error: the sample standard deviation of s(i) over √m,
    // with the finite-population correction √((N − m) / (N − 1)) for m of N clustered articles.
    var silhouetteError: Double?
    if let silhouetteSamples, let silhouette, silhouetteSample != nil, silhouetteSamples.count > 1 {
      let m = Double(silhouetteSamples.count)
      let population = Double(max(clusteredRows.count, silhouetteSamples.count))
      let variance = silhouetteSamples.reduce(0) { $0 + ($1 - silhouette) * ($1 - silhouette) } / (m - 1)
      let correction = population > 1 ? max(0, (population - m) / (population - 1)) : 0
      silhouetteError = (variance / m * correction).squareRoot()
    }
    return ClusteringResult(
      clusters: clusters, labels: numbers.map { $0.map { $0 + 1 } }, unclustered: unclustered, stability: nil,
      silhouette: silhouette,
      silhouetteArticleCount: silhouetteSample == nil ? nil : silhouetteRows.count,
      silhouetteStandardError: silhouetteError)
  }
}
