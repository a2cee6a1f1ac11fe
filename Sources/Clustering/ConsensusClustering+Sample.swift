import LinearAlgebra

extension ConsensusClustering {
  /// Every document outside `sample` to the nearest centroid of the sample's clusters, or
  /// unclustered below that cluster's acceptance cosine; labels numbered by first appearance.
  ///
  /// A cluster's centroid is the normalised sum of its sample members' unit vectors (as in
  /// ``RankedClusters``) and its acceptance cosine is the lowest cosine of those members to it.
  /// Ties between centroids go to the lower label. Sample documents keep their consensus label.
  /// With `acceptsEveryDocument`, every document joins its nearest centroid (a tree cut, see
  /// ``SampledLinkage``).
  ///
  /// - Complexity: O(*n*·*k*·*d*) time, O(*k*·*d*) memory beyond the labels.
  static func assign(
    _ rows: UnitRows, sample: [Int], sampleLabels: [Int?], clusterCount k: Int, acceptsEveryDocument: Bool = false
  ) -> (labels: [Int?], clusterCount: Int) {
    let d = rows.dimension
    var centroids = [Double](repeating: 0, count: k * d)
    for (position, row) in sample.enumerated() {
      guard let label = sampleLabels[position] else { continue }
      for j in 0..<d { centroids[label * d + j] += rows.values[row * d + j] }
    }
    for c in 0..<k {
      let norm = l2Norm(centroids[(c * d)..<((c + 1) * d)])
      if norm > 0 { for j in 0..<d { centroids[c * d + j] /= norm } }
    }
    var acceptance = [Double](repeating: .infinity, count: k)
    for (position, row) in sample.enumerated() {
      guard let label = sampleLabels[position] else { continue }
      acceptance[label] = min(acceptance[label], rows.dot(row, centroids, label))
    }
    var labels = [Int?](repeating: nil, count: rows.count)
    var isSample = [Bool](repeating: false, count: rows.count)
    for (position, row) in sample.enumerated() {
      labels[row] = sampleLabels[position]
      isSample[row] = true
    }
    for row in 0..<rows.count where !isSample[row] && k > 0 {
      var best = 0
      var bestSimilarity = -Double.infinity
      for c in 0..<k {
        let similarity = rows.dot(row, centroids, c)
        if similarity > bestSimilarity { (best, bestSimilarity) = (c, similarity) }
      }
      labels[row] = acceptsEveryDocument || bestSimilarity >= acceptance[best] ? best : nil
    }
    return numberedByFirstAppearance(labels)
  }
}

/// `count` of the indices 0..<n, evenly spread: one drawn uniformly from each of `count` equal
/// consecutive strata (⌊i·n / count⌋ ..< ⌊(i + 1)·n / count⌋), in increasing order.
///
/// Every stretch of the document order (an issue, a month) is represented in proportion to its
/// length, which a simple random sample guarantees only on average.
/// - Precondition: 1 ≤ count ≤ n.
/// - Complexity: O(*count*).
func evenlySpreadSample(count: Int, of n: Int, using generator: inout some RandomNumberGenerator) -> [Int] {
  precondition(count >= 1 && count <= n, "a sample of \(count) from \(n) documents")
  return (0..<count).map { i in Int.random(in: (i * n / count)..<((i + 1) * n / count), using: &generator) }
}

extension UnitRows {
  /// The rows at `indices`, in that order.
  func selecting(_ indices: [Int]) -> UnitRows {
    var values: [Double] = []
    values.reserveCapacity(indices.count * dimension)
    for row in indices { values.append(contentsOf: self.values[(row * dimension)..<((row + 1) * dimension)]) }
    return UnitRows(count: indices.count, dimension: dimension, values: values)
  }
}
