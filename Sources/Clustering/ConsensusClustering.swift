import LinearAlgebra

/// Clusters that many k-means runs agree on, with the documents they don't agree on left
/// unclustered: evidence accumulation (Fred and Jain 2005) over spherical k-means.
///
/// 1. ``ConsensusOptions/runCount`` spherical k-means fits, each one k-means++ start with its
///    *k* drawn uniformly from ``ConsensusOptions/clusterCounts``, vote on every pair of
///    documents. The co-association of documents *i* and *j* is the fraction of runs that put
///    them in the same cluster:
///
///        C(i, j) = |{runs r : ℓᵣ(i) = ℓᵣ(j)}| / runCount
///
/// 2. An average-linkage tree is built on the distance 1 − C.
/// 3. **The number of clusters** (when not given) is where the agreement stops: the tree is cut
///    at distance 1 − τ, τ = ``ConsensusOptions/agreementThreshold``, so that every cluster's
///    documents share a cluster in at least a fraction τ of the runs on average, and no two
///    clusters do. Runs with a large *k* split every group, runs with a small *k* join
///    unrelated ones; only groups that hold together across the range survive, so *k* is set
///    by the data and not by the top of the search range.
/// 4. **Unclustered**: a document whose mean co-association with the other members of its
///    cluster is below τ, and then every document of a cluster smaller than
///    ``ConsensusOptions/minimumClusterSize``, gets no cluster (`nil`).
///
/// Because each pair's vote averages over many runs, the result barely depends on the
/// generator: this, not the single best k-means optimum (which on a few hundred news articles
/// differs from seed to seed), is what makes the clusters reproducible
/// (measure it with ``adjustedRandIndex(between:and:)``).
///
/// - Complexity: O(*runCount* · *iterations* · *n* · *k* · *d*) for the runs, plus
///   O(*runCount* · Σ *size*²) for the votes and O(*n*²) time and memory for the tree.
public struct ConsensusClustering: Sendable, Hashable {
  /// The options this clustering was made with.
  public let options: ConsensusOptions
  /// Cluster of each document in 0..<clusterCount numbered by first appearance, or `nil`
  /// when unclustered.
  public let labels: [Int?]
  /// Number of clusters (unclustered documents are in none of them).
  public let clusterCount: Int
  /// Mean co-association of each document with the other members of the tree cluster it was
  /// cut into (0 for a singleton); below τ it is unclustered.
  public let agreement: [Double]
  /// The average-linkage tree on 1 − co-association.
  public let tree: LinkageTree

  /// Runs the votes and cuts the consensus.
  ///
  /// - Parameters:
  ///   - documentVectors: *documents × dimensions*, any row scaling (cosine).
  ///   - options: Runs, *k* range, threshold and minimum size; see ``ConsensusOptions``.
  ///   - clusterCount: Cut the tree into exactly this many clusters (before unclustered
  ///     documents are taken out) instead of at the threshold.
  ///   - generator: Source of all randomness (each run's *k* and its k-means++ start).
  /// - Throws: ``ClusteringError/tooFewDocumentsToChooseClusterCount(documentCount:minimum:)``
  ///   for fewer than 6 documents with the default range;
  ///   ``ClusteringError/invalidParameter(name:value:allowed:)`` for options out of range or
  ///   a `clusterCount` outside 1…n.
  public init(
    fitting documentVectors: Matrix, options: ConsensusOptions = ConsensusOptions(), clusterCount: Int? = nil,
    using generator: inout some RandomNumberGenerator
  ) throws(ClusteringError) {
    let n = documentVectors.rowCount
    let range = try ClusterCountSelection.candidateRange(options.clusterCounts, documentCount: n)
    guard options.runCount >= 1 else {
      throw .invalidParameter(name: "runCount", value: options.runCount, allowed: "at least 1")
    }
    guard options.minimumClusterSize >= 1 else {
      throw .invalidParameter(name: "minimumClusterSize", value: options.minimumClusterSize, allowed: "at least 1")
    }
    guard options.agreementThreshold > 0, options.agreementThreshold <= 1 else {
      throw .invalidParameter(
        name: "agreementThreshold (in percent)", value: Int((options.agreementThreshold * 100).rounded()),
        allowed: "in (0, 100]")
    }
    if let clusterCount, !(1...n).contains(clusterCount) {
      throw .invalidParameter(name: "clusterCount", value: clusterCount, allowed: "in 1...\(n)")
    }
    let rows = UnitRows(documentVectors)
    var votes = [Double](repeating: 0, count: n * n)
    for _ in 0..<options.runCount {
      let k = Int.random(in: range, using: &generator)
      let labels = SphericalKMeansModel(
        fittingValidated: rows, options: SphericalKMeansOptions(clusterCount: k, restarts: 1), using: &generator
      ).labels
      var groups = [[Int]](repeating: [], count: k)
      for (row, label) in labels.enumerated() { groups[label].append(row) }
      for group in groups {
        for i in group { for j in group { votes[i * n + j] += 1 } }
      }
    }
    let runs = Double(options.runCount)
    var distances = votes.map { 1 - $0 / runs }
    for i in 0..<n { distances[i * n + i] = 0 }
    let tree = LinkageTree(averageLinkageOfDistances: distances, documentCount: n)
    let threshold = options.agreementThreshold
    let cutCount =
      clusterCount ?? (n - tree.merges.prefix { $0.distance <= 1 - threshold + 1e-12 }.count)
    let cut = tree.cut(validatedClusterCount: cutCount)

    var members = [[Int]](repeating: [], count: cutCount)
    for (row, label) in cut.enumerated() { members[label].append(row) }
    var agreement = [Double](repeating: 0, count: n)
    for group in members where group.count > 1 {
      for i in group {
        let together = group.reduce(0.0) { $0 + ($1 == i ? 0 : votes[i * n + $1]) }
        agreement[i] = together / runs / Double(group.count - 1)
      }
    }
    var kept: [Int?] = cut.enumerated().map { agreement[$0.offset] >= threshold ? $0.element : nil }
    var sizes = [Int: Int]()
    for label in kept.compactMap({ $0 }) { sizes[label, default: 0] += 1 }
    kept = kept.map { label in label.flatMap { (sizes[$0] ?? 0) >= options.minimumClusterSize ? $0 : nil } }
    var renumber: [Int: Int] = [:]
    self.labels = kept.map { label in
      label.map { old in
        if let new = renumber[old] { return new }
        renumber[old] = renumber.count
        return renumber.count - 1
      }
    }
    self.clusterCount = renumber.count
    self.options = options
    self.agreement = agreement
    self.tree = tree
  }
}

/// What the caller asks of ``ConsensusClustering``.
public struct ConsensusOptions: Sendable, Hashable, Codable {
  /// Number of k-means runs that vote (default 200).
  ///
  /// Each pair's co-association is a mean over the runs, with a standard error of at most
  /// 0.5 / √runCount ≈ 0.035; fewer runs let the cut move between seeds.
  public var runCount: Int
  /// The range each run's *k* is drawn from; `nil` for 2…min(20, ⌊n / 3⌋), the range
  /// ``ClusterCountSelection`` searches.
  public var clusterCounts: ClosedRange<Int>?
  /// τ, the fraction of runs in which a cluster's documents must on average be together
  /// (default 0.3).
  ///
  /// With *k* drawn from 2…20, a group of *g* equally sized well-separated groups is kept
  /// together by a run with *k* clusters in about *g* / *k* of its pairs, about 0.3 for three
  /// groups and more for more; unrelated documents meet in far fewer runs. On the seed
  /// corpus, τ = 0.3 leaves about a tenth of the articles unclustered.
  public var agreementThreshold: Double
  /// Clusters with fewer documents are shown as unclustered (default 3: a pair is a
  /// near-duplicate, not a cluster worth browsing).
  public var minimumClusterSize: Int

  /// Options with the documented defaults.
  public init(
    runCount: Int = 200, clusterCounts: ClosedRange<Int>? = nil, agreementThreshold: Double = 0.3,
    minimumClusterSize: Int = 3
  ) {
    self.runCount = runCount
    self.clusterCounts = clusterCounts
    self.agreementThreshold = agreementThreshold
    self.minimumClusterSize = minimumClusterSize
  }
}
