import LinearAlgebra

/// Chooses the number of clusters by the cosine silhouette of spherical k-means partitions.
///
/// For each candidate *k* in the range (default 2…min(20, ⌊n / 3⌋), so that clusters
/// average at least three documents), spherical k-means runs with the given restarts and the
/// mean silhouette s̄(k) of its partition is computed. Let s* = max s̄(k). The chosen *k* is
/// the **smallest** *k* with s̄(k) ≥ s* − `plateauTolerance`: exact ties and near-ties go to the
/// simpler partition, because silhouette differences below about 0.01 are within the
/// variation between k-means restarts on corpora of a few hundred articles. With a tolerance
/// of 0 only exact ties are broken this way.
///
/// The whole curve is kept in ``candidates`` so that a caller can show it (`--explain`).
///
/// - Complexity: O(*n*²·*d*) for the distance matrix (computed once) plus, per candidate,
///   the k-means cost and O(*n*²) for the silhouette.
public struct ClusterCountSelection: Sendable, Hashable, Codable {
  /// One point of the silhouette curve.
  public struct Candidate: Sendable, Hashable, Codable {
    /// Number of clusters *k*.
    public var clusterCount: Int
    /// Mean cosine silhouette s̄(k) of the k-means partition.
    public var silhouette: Double
    /// The k-means objective J (sum of cosines to centroids).
    public var objective: Double
  }

  /// The silhouette curve, in increasing *k*.
  public let candidates: [Candidate]
  /// The tolerance used to break near-ties.
  public let plateauTolerance: Double
  /// The model for the chosen *k*.
  public let model: SphericalKMeansModel

  /// The chosen number of clusters.
  public var clusterCount: Int { model.clusterCount }

  /// Runs k-means for every candidate count and keeps the best by silhouette.
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
    let n = documentVectors.rowCount
    let range: ClosedRange<Int>
    if let clusterCounts {
      guard clusterCounts.lowerBound >= 2 else {
        throw .invalidParameter(
          name: "clusterCounts.lowerBound", value: clusterCounts.lowerBound, allowed: "at least 2")
      }
      guard clusterCounts.upperBound <= n - 1 else {
        throw .invalidParameter(
          name: "clusterCounts.upperBound", value: clusterCounts.upperBound,
          allowed: "at most n − 1 = \(n - 1) for \(n) documents")
      }
      range = clusterCounts
    } else {
      guard n / 3 >= 2 else {
        throw .tooFewDocumentsToChooseClusterCount(documentCount: n, minimum: 6)
      }
      range = 2...min(20, n / 3)
    }
    guard restarts >= 1 else {
      throw .invalidParameter(name: "restarts", value: restarts, allowed: "at least 1")
    }
    let rows = UnitRows(documentVectors)
    let distances = rows.cosineDistances()
    var models: [SphericalKMeansModel] = []
    var candidates: [Candidate] = []
    for k in range {
      let model = SphericalKMeansModel(
        fittingValidated: rows,
        options: SphericalKMeansOptions(clusterCount: k, restarts: restarts),
        using: &generator)
      // A partition with fewer distinct labels than k (only with zero vectors) still has a
      // defined silhouette when it has at least 2 labels; otherwise it scores −1.
      let distinct = Set(model.labels).count
      let silhouette =
        distinct >= 2 && distinct <= n - 1
        ? Silhouette.samples(distances: distances, labels: model.labels).reduce(0, +) / Double(n)
        : -1
      models.append(model)
      candidates.append(
        Candidate(clusterCount: k, silhouette: silhouette, objective: model.objective))
    }
    let best = candidates.map(\.silhouette).max() ?? -1
    let chosen = candidates.firstIndex { $0.silhouette >= best - plateauTolerance } ?? 0
    self.candidates = candidates
    self.plateauTolerance = plateauTolerance
    self.model = models[chosen]
  }
}
