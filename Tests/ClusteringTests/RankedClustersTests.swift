import LinearAlgebra
import TestSupport
import Testing

@testable import Clustering

@Suite struct RankedClustersTests {
  @Test("clusters are numbered by size, ties by first member (exhaustive over labels of length ≤ 6)")
  func numbering() throws {
    var generator = SplitMix64(seed: 17)
    for labels in RelabellingTests.allLabelArrays() {
      let vectors = Matrix(
        rowCount: labels.count, columnCount: 3,
        columnMajor: (0..<(labels.count * 3)).map { _ in Double.random(in: -1...1, using: &generator) })
      let ranked = try RankedClusters(labels: labels, documentVectors: vectors)
      #expect(samePartition(ranked.labels, labels), "\(labels)")
      let sizes = ranked.members.map(\.count)
      for (a, b) in zip(ranked.members, ranked.members.dropFirst()) {
        #expect(
          a.count > b.count || (a.count == b.count && (b.isEmpty || (a.min() ?? 0) < (b.min() ?? 0))),
          "\(labels) → sizes \(sizes)")
      }
      for (cluster, rows) in ranked.members.enumerated() {
        #expect(rows.allSatisfy { ranked.labels[$0] == cluster })
      }
      #expect(ranked.members.joined().sorted() == Array(labels.indices))
    }
  }

  @Test("members are ordered by cosine to the normalised mean of their unit vectors")
  func centroidsAndOrder() throws {
    var data = SplitMix64(seed: 5)
    let matrix = plantedClusters(clusterCount: 3, perCluster: 5, dimension: 4, noise: 0.6, using: &data)
    let labels = (0..<matrix.rowCount).map { $0 % 3 }
    let ranked = try RankedClusters(labels: labels, documentVectors: matrix)
    let unit = matrix.unitRows()
    expectClose(ranked.centroids.rowNorms(), [1, 1, 1])
    for (cluster, rows) in ranked.members.enumerated() {
      var sum = [Double](repeating: 0, count: 4)
      for row in rows { for j in 0..<4 { sum[j] += unit[row, j] } }
      expectClose(ranked.centroids.row(cluster), sum.map { $0 / l2Norm(sum) })
      let cosines = rows.map { row in (0..<4).reduce(0.0) { $0 + unit[row, $1] * ranked.centroids[cluster, $1] } }
      expectClose(ranked.similarities[cluster], cosines)
      #expect(ranked.similarities[cluster] == ranked.similarities[cluster].sorted(by: >))
    }
  }

  @Test("a label with no documents becomes an empty cluster at the end")
  func gaps() throws {
    let ranked = try RankedClusters(labels: [2, 0, 2], documentVectors: Matrix(rows: [[1, 0], [0, 1], [1, 1]]))
    #expect(ranked.labels == [0, 1, 0])
    #expect(ranked.members.map(\.count) == [2, 1, 0])
    #expect(ranked.centroids.row(2) == [0, 0])
  }

  @Test("label count and sign are checked")
  func errors() {
    let vectors = Matrix(rows: [[1, 0], [0, 1]])
    #expect(throws: ClusteringError.labelCountMismatch(labelCount: 1, documentCount: 2)) {
      try RankedClusters(labels: [0], documentVectors: vectors)
    }
    #expect(throws: ClusteringError.negativeLabel(document: 1, label: -1)) {
      try RankedClusters(labels: [0, -1], documentVectors: vectors)
    }
  }
}
