import LinearAlgebra

/// A partition of documents found by spherical k-means (cosine k-means).
///
/// Each document vector *x*ᵢ is scaled to unit length; the method maximizes the objective
///
///     J = Σᵢ cos(xᵢ, c_{ℓ(i)}),   c_j = Σ_{ℓ(i)=j} xᵢ / ‖Σ_{ℓ(i)=j} xᵢ‖
///
/// by alternating assignment (each document to the centroid with the largest dot product,
/// ties to the lower cluster index) and update (each centroid the normalized sum of its
/// members), stopping when no label changes (Dhillon and Modha 2001). Starts are seeded
/// with k-means++ (Arthur and Vassilvitskii 2007) using the squared Euclidean distance
/// between unit vectors, ‖x − c‖² = 2 − 2 cos(x, c). A cluster that empties is refilled with
/// the document least similar to its own centroid (ties: lowest index).
///
/// All randomness comes from the generator passed in, so the same seed gives the same labels.
/// Labels are then renumbered by first appearance, so equal partitions compare equal.
/// Zero vectors have cosine 0 with every centroid and join cluster 0 of that start.
///
/// - Complexity: O(*restarts* · *iterations* · *n* · *k* · *d*) for *n* documents of dimension
///   *d*; O(*n*·*d*) memory.
public struct SphericalKMeansModel: Sendable, Hashable, Codable {
  /// The options this model was fitted with.
  public let options: SphericalKMeansOptions
  /// Cluster of each document, in 0..<clusterCount, numbered by first appearance.
  public let labels: [Int]
  /// Unit-length centroids, *clusters × dimensions*, row *j* for label *j*.
  public let centroids: Matrix
  /// J = Σᵢ cos(xᵢ, c_{ℓ(i)}); larger is better, at most the number of non-zero documents.
  public let objective: Double
  /// Rounds the winning start used.
  public let iterations: Int

  /// Clusters the rows of `documentVectors`.
  ///
  /// - Parameters:
  ///   - documentVectors: *documents × dimensions*, any row scaling.
  ///   - options: Cluster count, restarts and iteration limit.
  ///   - generator: Source of all randomness (k-means++ seeding).
  /// - Throws: ``ClusteringError/tooFewDocuments(documentCount:clusterCount:)`` when
  ///   `clusterCount` exceeds the number of documents;
  ///   ``ClusteringError/invalidParameter(name:value:allowed:)`` for a non-positive count.
  public init(
    fitting documentVectors: Matrix, options: SphericalKMeansOptions,
    using generator: inout some RandomNumberGenerator
  ) throws(ClusteringError) {
    try Self.validate(options, documentCount: documentVectors.rowCount)
    self.init(fittingValidated: UnitRows(documentVectors), options: options, using: &generator)
  }

  static func validate(_ options: SphericalKMeansOptions, documentCount: Int)
    throws(ClusteringError)
  {
    guard options.clusterCount >= 1 else {
      throw .invalidParameter(
        name: "clusterCount", value: options.clusterCount, allowed: "at least 1")
    }
    guard options.restarts >= 1 else {
      throw .invalidParameter(name: "restarts", value: options.restarts, allowed: "at least 1")
    }
    guard options.maximumIterations >= 1 else {
      throw .invalidParameter(
        name: "maximumIterations", value: options.maximumIterations, allowed: "at least 1")
    }
    guard options.clusterCount <= documentCount else {
      throw .tooFewDocuments(documentCount: documentCount, clusterCount: options.clusterCount)
    }
  }

  init(
    fittingValidated rows: UnitRows, options: SphericalKMeansOptions,
    using generator: inout some RandomNumberGenerator
  ) {
    var best: Run?
    for _ in 0..<options.restarts {
      let run = Run(
        rows: rows, clusterCount: options.clusterCount,
        maximumIterations: options.maximumIterations, using: &generator)
      if best.map({ run.objective > $0.objective }) ?? true { best = run }
    }
    guard let best else { preconditionFailure("restarts must be positive") }
    let (labels, mapping) = relabelledByFirstAppearance(best.labels)
    let k = options.clusterCount
    let d = rows.dimension
    var centroids = Matrix(rowCount: k, columnCount: d)
    var order = [Int](repeating: -1, count: k)
    for (old, new) in mapping { order[new] = old }
    // Clusters that never occur (possible only with zero vectors) keep their relative order.
    var next = mapping.count
    for old in 0..<k where mapping[old] == nil {
      order[next] = old
      next += 1
    }
    for new in 0..<k {
      for j in 0..<d { centroids[new, j] = best.centroids[order[new] * d + j] }
    }
    self.options = options
    self.labels = labels
    self.centroids = centroids
    self.objective = best.objective
    self.iterations = best.iterations
  }

  /// Number of clusters.
  public var clusterCount: Int { options.clusterCount }
}

/// One k-means++ start followed by Lloyd iterations.
private struct Run {
  var labels: [Int]
  var centroids: [Double]
  var objective: Double
  var iterations: Int

  init(
    rows: UnitRows, clusterCount k: Int, maximumIterations: Int,
    using generator: inout some RandomNumberGenerator
  ) {
    let n = rows.count
    var centroids = Self.seed(rows: rows, clusterCount: k, using: &generator)
    var labels = [Int](repeating: -1, count: n)
    var iterations = 0
    var similarities = [Double](repeating: 0, count: n)
    let d = rows.dimension
    while iterations < maximumIterations {
      iterations += 1
      var changed = false
      // The same sums as `rows.dot`, in the same order, without bounds checks: this loop is most
      // of a consensus's time.
      rows.values.withUnsafeBufferPointer { x in
        centroids.withUnsafeBufferPointer { centres in
          for i in 0..<n {
            var bestCluster = 0
            var bestSimilarity = -Double.infinity
            let a = i * d
            for c in 0..<k {
              var s = 0.0
              let b = c * d
              for j in 0..<d { s += x[a + j] * centres[b + j] }
              if s > bestSimilarity {
                bestSimilarity = s
                bestCluster = c
              }
            }
            similarities[i] = bestSimilarity
            if labels[i] != bestCluster {
              labels[i] = bestCluster
              changed = true
            }
          }
        }
      }
      if !changed { break }
      Self.refillEmptyClusters(&labels, similarities: similarities, clusterCount: k)
      centroids = Self.centroids(rows: rows, labels: labels, clusterCount: k, previous: centroids)
    }
    (self.centroids, self.labels, self.iterations) = (centroids, labels, iterations)
    objective = 0
    for i in 0..<n { objective += rows.dot(i, centroids, labels[i]) }
  }

  /// k-means++: the first centre uniformly, each next one with probability ∝ D(x)², D the distance
  /// to the nearest chosen centre.
  ///
  /// When every remaining D is 0 (duplicates), the lowest-index document not yet chosen is taken.
  static func seed(
    rows: UnitRows, clusterCount k: Int, using generator: inout some RandomNumberGenerator
  )
    -> [Double]
  {
    let n = rows.count
    let d = rows.dimension
    var centres = [Double](repeating: 0, count: k * d)
    var chosen = [Bool](repeating: false, count: n)
    var first = Int.random(in: 0..<n, using: &generator)
    chosen[first] = true
    var squaredDistance = [Double](repeating: .infinity, count: n)
    let squaredNorms = (0..<n).map { i in (0..<d).reduce(0.0) { $0 + rows.values[i * d + $1] * rows.values[i * d + $1] }
    }
    for c in 0..<k {
      if c > 0 {
        let total = squaredDistance.enumerated().reduce(0) {
          $0 + (chosen[$1.offset] ? 0 : $1.element)
        }
        if total > 0, total.isFinite {
          let target = Double.random(in: 0..<total, using: &generator)
          var cumulative = 0.0
          var pick = -1
          for i in 0..<n where !chosen[i] && squaredDistance[i] > 0 {
            cumulative += squaredDistance[i]
            pick = i
            if cumulative > target { break }
          }
          first = pick
        } else {
          first = chosen.firstIndex(of: false) ?? 0
        }
        chosen[first] = true
      }
      for j in 0..<d { centres[c * d + j] = rows.values[first * d + j] }
      let selfNorm = (0..<d).reduce(0.0) {
        $0 + rows.values[first * d + $1] * rows.values[first * d + $1]
      }
      for i in 0..<n {
        let distance = max(0, squaredNorms[i] + selfNorm - 2 * rows.dot(i, centres, c))
        squaredDistance[i] = min(squaredDistance[i], distance)
      }
    }
    return centres
  }

  static func refillEmptyClusters(
    _ labels: inout [Int], similarities: [Double], clusterCount k: Int
  ) {
    var sizes = [Int](repeating: 0, count: k)
    for label in labels { sizes[label] += 1 }
    var taken = [Bool](repeating: false, count: labels.count)
    for c in 0..<k where sizes[c] == 0 {
      var candidate = -1
      for i in labels.indices where !taken[i] && sizes[labels[i]] > 1 {
        if candidate < 0 || similarities[i] < similarities[candidate] { candidate = i }
      }
      guard candidate >= 0 else { return }
      sizes[labels[candidate]] -= 1
      labels[candidate] = c
      sizes[c] = 1
      taken[candidate] = true
    }
  }

  static func centroids(rows: UnitRows, labels: [Int], clusterCount k: Int, previous: [Double])
    -> [Double]
  {
    let d = rows.dimension
    var sums = [Double](repeating: 0, count: k * d)
    for (i, label) in labels.enumerated() {
      for j in 0..<d { sums[label * d + j] += rows.values[i * d + j] }
    }
    for c in 0..<k {
      let norm = l2Norm(sums[(c * d)..<((c + 1) * d)])
      if norm > 0 {
        for j in 0..<d { sums[c * d + j] /= norm }
      } else {
        for j in 0..<d { sums[c * d + j] = previous[c * d + j] }
      }
    }
    return sums
  }
}
