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
/// 5. **Large corpora**: with more than ``ConsensusOptions/sampleSize`` documents (*s*,
///    default 2,000), steps 1–4 run on an evenly spread sample of *s* documents (one drawn
///    uniformly from each of *s* equal consecutive strata of the document order), and every
///    other document goes to the cluster whose centroid (the normalised sum of the members'
///    unit vectors) is nearest by cosine, or is unclustered when that cosine is below the
///    lowest one among the sample members that cluster kept. A member of a cluster with *m*
///    sample members falls below that edge with probability 1 / (*m* + 1) (the chance that a
///    new draw is the smallest of *m* + 1), so clusters of 100 sample members lose about 1 %
///    of their other members to the unclustered. At or below *s* documents no sample is
///    drawn and nothing changes.
///
/// - Complexity: O(*runCount* · *iterations* · *m* · *k* · *d*) for the runs, plus
///   O(*runCount* · Σ *size*²) for the votes and O(*m*²) time and memory for the tree, where
///   *m* = min(*n*, *s*); O(*n* · *k* · *d*) time and O(*n* · *d*) memory for the assignment.
///   With the default *s* the votes and the tree take 2 × 2,000² doubles (64 MB) at any *n*.
public struct ConsensusClustering: Sendable, Hashable {
  /// The options this clustering was made with.
  public let options: ConsensusOptions
  /// Cluster of each document in 0..<clusterCount numbered by first appearance, or `nil`
  /// when unclustered.
  public let labels: [Int?]
  /// Number of clusters (unclustered documents are in none of them).
  public let clusterCount: Int
  /// Mean co-association of each document with the other members of its tree cluster.
  ///
  /// 0 for a singleton; below τ the document is unclustered. `nil` for a document outside
  /// ``sampleRows``, which was assigned to a centroid instead of voted on.
  public let agreement: [Double?]
  /// The average-linkage tree on 1 − co-association; leaf *i* is document `sampleRows[i]`.
  public let tree: LinkageTree
  /// The documents that voted, in increasing order: every document when there are at most
  /// ``ConsensusOptions/sampleSize``, otherwise the evenly spread sample.
  public let sampleRows: [Int]

  /// Whether the consensus ran on a sample and the other documents were assigned to its
  /// centroids.
  public var isSampled: Bool { sampleRows.count < labels.count }

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
    if let sampleSize = options.sampleSize, sampleSize < 6 {
      throw .invalidParameter(name: "sampleSize", value: sampleSize, allowed: "at least 6")
    }
    // The documents that vote: all of them, or an evenly spread sample (see `sampleSize`).
    let voterCount = min(n, options.sampleSize ?? n)
    let range = try Self.candidateRange(options.clusterCounts, documentCount: voterCount)
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
    if let clusterCount, !(1...voterCount).contains(clusterCount) {
      throw .invalidParameter(name: "clusterCount", value: clusterCount, allowed: "in 1...\(voterCount)")
    }
    let rows = UnitRows(documentVectors)
    self.options = options
    guard voterCount < n else {
      let vote = Self.vote(rows, options: options, range: range, clusterCount: clusterCount, using: &generator)
      (labels, self.clusterCount, agreement, tree) = (vote.labels, vote.clusterCount, vote.agreement, vote.tree)
      sampleRows = Array(0..<n)
      return
    }
    let sample = evenlySpreadSample(count: voterCount, of: n, using: &generator)
    let vote = Self.vote(
      rows.selecting(sample), options: options, range: range, clusterCount: clusterCount, using: &generator)
    let assigned = Self.assign(rows, sample: sample, sampleLabels: vote.labels, clusterCount: vote.clusterCount)
    var agreement = [Double?](repeating: nil, count: n)
    for (position, row) in sample.enumerated() { agreement[row] = vote.agreement[position] }
    (labels, self.clusterCount, self.agreement, tree) = (assigned.labels, assigned.clusterCount, agreement, vote.tree)
    sampleRows = sample
  }

  /// Steps 1–4 on every row of `rows`: labels numbered by first appearance.
  private static func vote(
    _ rows: UnitRows, options: ConsensusOptions, range: ClosedRange<Int>, clusterCount: Int?,
    using generator: inout some RandomNumberGenerator
  ) -> (labels: [Int?], clusterCount: Int, agreement: [Double?], tree: LinkageTree) {
    let n = rows.count
    // Whole counts (exact), 4 bytes each: the pair loop is bound by memory traffic.
    var counts = [UInt32](repeating: 0, count: n * n)
    for _ in 0..<options.runCount {
      let k = Int.random(in: range, using: &generator)
      let labels = SphericalKMeansModel(
        fittingValidated: rows, options: SphericalKMeansOptions(clusterCount: k, restarts: 1), using: &generator
      ).labels
      var groups = [[Int]](repeating: [], count: k)
      for (row, label) in labels.enumerated() { groups[label].append(row) }
      counts.withUnsafeMutableBufferPointer { counts in
        for group in groups {
          for i in group {
            let base = i * n
            for j in group { counts[base + j] &+= 1 }
          }
        }
      }
    }
    let votes = counts.map(Double.init)
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
    let (labels, count) = numberedByFirstAppearance(kept)
    return (labels, count, agreement.map { $0 }, tree)
  }
}

/// Optional labels renumbered by first appearance (`nil` stays `nil`), and how many there are.
func numberedByFirstAppearance(_ labels: [Int?]) -> (labels: [Int?], clusterCount: Int) {
  var renumber: [Int: Int] = [:]
  let numbered = labels.map { label in
    label.map { old in
      if let new = renumber[old] { return new }
      renumber[old] = renumber.count
      return renumber.count - 1
    }
  }
  return (numbered, renumber.count)
}

/// What the caller asks of ``ConsensusClustering``.
public struct ConsensusOptions: Sendable, Hashable, Codable {
  /// Number of k-means runs that vote (default 200).
  ///
  /// Each pair's co-association is a mean over the runs, with a standard error of at most
  /// 0.5 / √runCount ≈ 0.035; fewer runs let the cut move between seeds.
  public var runCount: Int
  /// The range each run's *k* is drawn from; `nil` for 2…min(20, ⌊n / 3⌋), the range
  /// earlier single-run silhouette rule searched.
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
  /// Above this many documents the consensus votes on an evenly spread sample of this size and
  /// assigns the rest to its centroids (default 2,000; `nil` never samples).
  ///
  /// The votes and the tree need *s*² doubles each, so the default keeps them at 32 MB each
  /// whatever the corpus size; 2,000 articles still hold about 100 of a group that is 5 % of
  /// the corpus, far above ``minimumClusterSize``. At least 6.
  public var sampleSize: Int?

  /// Options with the documented defaults.
  public init(
    runCount: Int = 200, clusterCounts: ClosedRange<Int>? = nil, agreementThreshold: Double = 0.3,
    minimumClusterSize: Int = 3, sampleSize: Int? = 2_000
  ) {
    self.sampleSize = sampleSize
    self.runCount = runCount
    self.clusterCounts = clusterCounts
    self.agreementThreshold = agreementThreshold
    self.minimumClusterSize = minimumClusterSize
  }
}

extension ConsensusClustering {
  /// The candidate counts: `clusterCounts` checked against 2…n − 1, or the default range.
  static func candidateRange(_ clusterCounts: ClosedRange<Int>?, documentCount n: Int)
    throws(ClusteringError) -> ClosedRange<Int>
  {
    guard let clusterCounts else {
      guard n / 3 >= 2 else {
        throw .tooFewDocumentsToChooseClusterCount(documentCount: n, minimum: 6)
      }
      return 2...min(20, n / 3)
    }
    guard clusterCounts.lowerBound >= 2 else {
      throw .invalidParameter(
        name: "clusterCounts.lowerBound", value: clusterCounts.lowerBound, allowed: "at least 2")
    }
    guard clusterCounts.upperBound <= n - 1 else {
      throw .invalidParameter(
        name: "clusterCounts.upperBound", value: clusterCounts.upperBound,
        allowed: "at most n − 1 = \(n - 1) for \(n) documents")
    }
    return clusterCounts
  }
}
