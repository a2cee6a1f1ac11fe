import LinearAlgebra

/// The silhouette coefficient with cosine distance, as scikit-learn's
/// `silhouette_score(X, labels, metric="cosine")` computes it.
///
/// With D(i, j) = 1 − cos(xᵢ, xⱼ) (clipped to [0, 2], zero diagonal; zero vectors have
/// cosine 0 with everything):
///
///     a(i) = mean of D(i, j) over the other members j of i's cluster
///     b(i) = min over other clusters C of the mean of D(i, j), j ∈ C
///     s(i) = (b(i) − a(i)) / max(a(i), b(i)),   s(i) = 0 when i's cluster has one member
///
/// and the score is the mean of s(i) (Rousseeuw 1987). Values lie in [−1, 1]; higher means
/// tighter, better separated clusters.
public enum Silhouette {
  /// The mean silhouette s̄ of a labelling.
  ///
  /// - Parameters:
  ///   - documentVectors: *documents × dimensions*, any row scaling.
  ///   - labels: One non-negative label per document; label values need not be contiguous.
  /// - Throws: ``ClusteringError/silhouetteUndefined(documentCount:clusterCount:)`` unless
  ///   2 ≤ distinct labels ≤ n − 1; ``ClusteringError/labelCountMismatch(labelCount:documentCount:)``.
  /// - Complexity: O(*n*²·*d*) time and O(*n*²) memory.
  public static func score(of documentVectors: Matrix, labels: [Int]) throws(ClusteringError)
    -> Double
  {
    let samples = try samples(of: documentVectors, labels: labels)
    return samples.reduce(0, +) / Double(samples.count)
  }

  /// The per-document silhouettes s(i) (scikit-learn's `silhouette_samples`).
  ///
  /// - Throws: As ``score(of:labels:)``.
  /// - Complexity: O(*n*²·*d*) time and O(*n*²) memory.
  public static func samples(of documentVectors: Matrix, labels: [Int]) throws(ClusteringError)
    -> [Double]
  {
    try validate(labels: labels, documentCount: documentVectors.rowCount)
    let distances = UnitRows(documentVectors).cosineDistances()
    return samples(distances: distances, labels: labels)
  }

  static func validate(labels: [Int], documentCount n: Int) throws(ClusteringError) {
    guard labels.count == n else {
      throw .labelCountMismatch(labelCount: labels.count, documentCount: n)
    }
    if let bad = labels.firstIndex(where: { $0 < 0 }) {
      throw .negativeLabel(document: bad, label: labels[bad])
    }
    let distinct = Set(labels).count
    guard distinct >= 2, distinct <= n - 1 else {
      throw .silhouetteUndefined(documentCount: n, clusterCount: distinct)
    }
  }

  /// Silhouettes from a precomputed row-major distance matrix; labels already validated.
  static func samples(distances: [Double], labels: [Int]) -> [Double] {
    let n = labels.count
    let (dense, _) = relabelledByFirstAppearance(labels)
    let k = (dense.max() ?? -1) + 1
    var sizes = [Int](repeating: 0, count: k)
    for label in dense { sizes[label] += 1 }
    var result = [Double](repeating: 0, count: n)
    var sums = [Double](repeating: 0, count: k)
    for i in 0..<n {
      for c in 0..<k { sums[c] = 0 }
      for j in 0..<n { sums[dense[j]] += distances[i * n + j] }
      let own = dense[i]
      guard sizes[own] > 1 else { continue }
      let a = sums[own] / Double(sizes[own] - 1)
      var b = Double.infinity
      for c in 0..<k where c != own && sizes[c] > 0 { b = min(b, sums[c] / Double(sizes[c])) }
      let denominator = max(a, b)
      result[i] = denominator > 0 ? (b - a) / denominator : 0
    }
    return result
  }
}
