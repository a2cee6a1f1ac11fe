import LinearAlgebra

/// A partition arranged for reading: clusters numbered by size, each with its centroid and its
/// members ordered by closeness to it.
///
/// Given labels from any method (k-means, a tree cut), clusters are renumbered so that label 0
/// is the largest cluster; equal sizes are ordered by their first member (lowest document
/// index). Each cluster's centroid is the normalised sum of its members' unit vectors,
///
///     c = Σ_{i ∈ C} x̂ᵢ / ‖Σ_{i ∈ C} x̂ᵢ‖,   x̂ᵢ = xᵢ / ‖xᵢ‖
///
/// (the spherical k-means centroid), and members are listed by cos(xᵢ, c) descending, ties by
/// document index. This is the one numbering of clusters the composition layer shows (the
/// report, the timeline and the `clusters` command number cluster *j* as *j* + 1), so the same
/// partition always prints the same way.
///
/// A label that has no document (possible when the input labels skip a value) becomes an
/// empty cluster after the non-empty ones, with a zero centroid.
///
/// - Complexity: O(*n*·*d* + *k* log *k* + *n* log *n*) for *n* documents of dimension *d*.
public struct RankedClusters: Sendable, Hashable {
  /// Cluster of each document, in 0..<clusterCount, largest cluster first.
  public let labels: [Int]
  /// Unit centroids, *clusters × dimensions*, row *j* for label *j* (a zero row for an empty
  /// cluster or one whose members are all zero vectors).
  public let centroids: Matrix
  /// The documents of each cluster, by cosine to the centroid descending, ties by index.
  public let members: [[Int]]
  /// cos(xᵢ, c) for each entry of ``members``, in the same order.
  public let similarities: [[Double]]

  /// Number of clusters, `max(labels) + 1` of the input.
  public var clusterCount: Int { members.count }

  /// Renumbers `labels` by cluster size and orders each cluster's members.
  ///
  /// - Parameters:
  ///   - labels: One non-negative label per document.
  ///   - documentVectors: *documents × dimensions*, any row scaling.
  /// - Throws: ``ClusteringError/labelCountMismatch(labelCount:documentCount:)``,
  ///   ``ClusteringError/negativeLabel(document:label:)``.
  public init(labels rawLabels: [Int], documentVectors: Matrix) throws(ClusteringError) {
    guard rawLabels.count == documentVectors.rowCount else {
      throw .labelCountMismatch(labelCount: rawLabels.count, documentCount: documentVectors.rowCount)
    }
    if let bad = rawLabels.firstIndex(where: { $0 < 0 }) {
      throw .negativeLabel(document: bad, label: rawLabels[bad])
    }
    let k = (rawLabels.max() ?? -1) + 1
    var groups = [[Int]](repeating: [], count: k)
    for (row, label) in rawLabels.enumerated() { groups[label].append(row) }
    let order = groups.indices.sorted {
      groups[$0].count > groups[$1].count
        || (groups[$0].count == groups[$1].count && (groups[$0].first ?? 0) < (groups[$1].first ?? 0))
    }
    var renumber = [Int](repeating: 0, count: k)
    for (position, label) in order.enumerated() { renumber[label] = position }

    let unit = documentVectors.unitRows()
    let d = documentVectors.columnCount
    var centroids = Matrix(rowCount: k, columnCount: d)
    var members: [[Int]] = []
    var similarities: [[Double]] = []
    for (position, label) in order.enumerated() {
      let rows = groups[label]
      var centroid = [Double](repeating: 0, count: d)
      for row in rows { for j in 0..<d { centroid[j] += unit[row, j] } }
      let norm = l2Norm(centroid)
      if norm > 0 { centroid = centroid.map { $0 / norm } }
      for j in 0..<d { centroids[position, j] = centroid[j] }
      var scored: [(row: Int, similarity: Double)] = []
      for row in rows {
        var dot = 0.0
        for j in 0..<d { dot += unit[row, j] * centroid[j] }
        scored.append((row, dot))
      }
      scored.sort { $0.similarity > $1.similarity || ($0.similarity == $1.similarity && $0.row < $1.row) }
      members.append(scored.map(\.row))
      similarities.append(scored.map(\.similarity))
    }
    self.labels = rawLabels.map { renumber[$0] }
    self.centroids = centroids
    self.members = members
    self.similarities = similarities
  }
}
