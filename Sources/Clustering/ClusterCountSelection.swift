import LinearAlgebra

/// Chooses the number of clusters by the cosine silhouette, for k-means and for cutting a
/// linkage tree alike.
///
/// For each candidate *k* in the range (default 2…min(20, ⌊n / 3⌋), so that clusters
/// average at least three documents) a partition into *k* clusters is made, either by
/// spherical k-means with the given restarts (``init(fitting:clusterCounts:restarts:plateauTolerance:using:)``)
/// or by cutting an average-linkage tree (``init(cutting:documentVectors:clusterCounts:plateauTolerance:)``),
/// and the mean silhouette s̄(k) of the partition is computed. Let s* = max s̄(k). The
/// chosen *k* is the **smallest** *k* with s̄(k) ≥ s* − `plateauTolerance`: exact ties and
/// near-ties go to the simpler partition, because silhouette differences below about 0.01
/// are within the variation between k-means restarts on corpora of a few hundred articles.
/// With a tolerance of 0 only exact ties are broken this way (``chosenIndex(_:plateauTolerance:)``).
/// PolicyLens uses it for the `--tree` view; the default clusters come from
/// ``ConsensusClustering``, whose *k* is where many k-means runs stop agreeing.
///
/// The whole curve is kept in ``candidates`` so that a caller can show it (`--explain`).
///
/// - Complexity: O(*n*²·*d*) for the distance matrix (computed once) plus, per candidate,
///   the cost of the partition (k-means, or O(*n* α(*n*)) for a tree cut) and O(*n*²) for
///   the silhouette.
public struct ClusterCountSelection: Sendable, Hashable, Codable {
  /// One point of the silhouette curve.
  public struct Candidate: Sendable, Hashable, Codable {
    /// Number of clusters *k*.
    public var clusterCount: Int
    /// Mean cosine silhouette s̄(k) of the partition into *k* clusters; −1 when undefined
    /// (fewer than 2 distinct labels, possible only for k-means on zero vectors).
    public var silhouette: Double

    /// A point of the curve.
    public init(clusterCount: Int, silhouette: Double) {
      self.clusterCount = clusterCount
      self.silhouette = silhouette
    }
  }

  /// The silhouette curve, in increasing *k*.
  public let candidates: [Candidate]
  /// The tolerance used to break near-ties.
  public let plateauTolerance: Double
  /// The partition for the chosen *k*, one label per document, numbered by first appearance.
  public let labels: [Int]
  /// The chosen number of clusters.
  public let clusterCount: Int

  /// The mean silhouette of the chosen partition.
  public var silhouette: Double {
    candidates.first { $0.clusterCount == clusterCount }?.silhouette ?? -1
  }

  /// Runs spherical k-means for every candidate count and keeps the count the rule chooses.
  ///
  /// - Parameters:
  ///   - documentVectors: *documents × dimensions*, any row scaling.
  ///   - clusterCounts: Candidate *k* values, within 2…n − 1; default 2…min(20, ⌊n / 3⌋).
  ///   - restarts: k-means++ starts per candidate (default 10).
  ///   - plateauTolerance: Near-tie tolerance on the silhouette (default 0.01).
  ///   - generator: Source of all randomness; candidates are fitted in increasing *k*.
  /// - Throws: ``ClusteringError/tooFewDocumentsToChooseClusterCount(documentCount:minimum:)``
  ///   for fewer than 6 documents with the default range;
  ///   ``ClusteringError/invalidParameter(name:value:allowed:)`` for a range outside 2…n − 1.
  public init(
    fitting documentVectors: Matrix, clusterCounts: ClosedRange<Int>? = nil, restarts: Int = 10,
    plateauTolerance: Double = 0.01, using generator: inout some RandomNumberGenerator
  ) throws(ClusteringError) {
    let range = try Self.candidateRange(clusterCounts, documentCount: documentVectors.rowCount)
    guard restarts >= 1 else {
      throw .invalidParameter(name: "restarts", value: restarts, allowed: "at least 1")
    }
    let rows = UnitRows(documentVectors)
    self.init(rows: rows, range: range, plateauTolerance: plateauTolerance) { k in
      SphericalKMeansModel(
        fittingValidated: rows,
        options: SphericalKMeansOptions(clusterCount: k, restarts: restarts),
        using: &generator
      ).labels
    }
  }

  /// Cuts `tree` at every candidate count and keeps the count the rule chooses.
  ///
  /// - Parameters:
  ///   - tree: An average-linkage tree over the rows of `documentVectors`.
  ///   - documentVectors: *documents × dimensions*, any row scaling; the silhouette is
  ///     measured on them.
  ///   - clusterCounts: Candidate *k* values, within 2…n − 1; default 2…min(20, ⌊n / 3⌋).
  ///   - plateauTolerance: Near-tie tolerance on the silhouette (default 0.01).
  /// - Throws: As ``init(fitting:clusterCounts:restarts:plateauTolerance:using:)``.
  /// - Precondition: `tree.documentCount == documentVectors.rowCount`.
  public init(
    cutting tree: LinkageTree, documentVectors: Matrix, clusterCounts: ClosedRange<Int>? = nil,
    plateauTolerance: Double = 0.01
  ) throws(ClusteringError) {
    precondition(
      tree.documentCount == documentVectors.rowCount,
      "the tree has \(tree.documentCount) leaves for \(documentVectors.rowCount) documents")
    let range = try Self.candidateRange(clusterCounts, documentCount: documentVectors.rowCount)
    self.init(rows: UnitRows(documentVectors), range: range, plateauTolerance: plateauTolerance) {
      k in tree.cut(validatedClusterCount: k)
    }
  }

  /// Scores the partition of every candidate count (in increasing *k*) and applies the rule.
  private init(
    rows: UnitRows, range: ClosedRange<Int>, plateauTolerance: Double,
    partition: (Int) -> [Int]
  ) {
    let n = rows.count
    let distances = rows.cosineDistances()
    var partitions: [[Int]] = []
    var candidates: [Candidate] = []
    for k in range {
      let labels = partition(k)
      // A partition with fewer distinct labels than k (only k-means with zero vectors) still
      // has a defined silhouette when it has at least 2 labels; otherwise it scores −1.
      let distinct = Set(labels).count
      let silhouette =
        distinct >= 2 && distinct <= n - 1
        ? Silhouette.samples(distances: distances, labels: labels).reduce(0, +) / Double(n)
        : -1
      partitions.append(labels)
      candidates.append(Candidate(clusterCount: k, silhouette: silhouette))
    }
    let chosen = Self.chosenIndex(candidates, plateauTolerance: plateauTolerance)
    self.candidates = candidates
    self.plateauTolerance = plateauTolerance
    self.labels = partitions[chosen]
    self.clusterCount = candidates[chosen].clusterCount
  }

  /// The rule: the index of the first candidate (smallest *k* when `candidates` are in
  /// increasing *k*) whose silhouette is within `plateauTolerance` of the best.
  ///
  /// - Precondition: `candidates` is not empty.
  /// - Complexity: O(*c*) for *c* candidates.
  public static func chosenIndex(_ candidates: [Candidate], plateauTolerance: Double) -> Int {
    precondition(!candidates.isEmpty, "choosing k needs at least one candidate")
    let best = candidates.map(\.silhouette).max() ?? -1
    return candidates.firstIndex { $0.silhouette >= best - plateauTolerance } ?? 0
  }

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
