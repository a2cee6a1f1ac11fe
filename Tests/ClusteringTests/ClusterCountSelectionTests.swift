import LinearAlgebra
import TestSupport
import Testing

@testable import Clustering

@Suite struct ClusterCountSelectionTests {
  @Test("the planted number of clusters has the highest silhouette", arguments: [3, 4, 5])
  func plantedCount(planted: Int) throws {
    var data = SplitMix64(seed: UInt64(planted))
    let matrix = plantedClusters(
      clusterCount: planted, perCluster: 8, dimension: 10, noise: 0.25, using: &data)
    var generator = SplitMix64(seed: 1)
    let selection = try ClusterCountSelection(
      fitting: matrix, clusterCounts: 2...8, restarts: 5, using: &generator)
    #expect(selection.clusterCount == planted)
    #expect(selection.candidates.map(\.clusterCount) == Array(2...8))
    let best = try #require(selection.candidates.map(\.silhouette).max())
    #expect(selection.candidates.first { $0.clusterCount == planted }?.silhouette == best)
    #expect(samePartition(selection.model.labels, (0..<matrix.rowCount).map { $0 % planted }))
  }

  @Test("each curve point is the silhouette of that k-means partition")
  func curveIsSilhouette() throws {
    let reference = try ClusteringReference.load()
    var generator = SplitMix64(seed: 4)
    let selection = try ClusterCountSelection(fitting: reference.matrix, using: &generator)
    #expect(selection.candidates.map(\.clusterCount) == [2, 3, 4])
    #expect(selection.clusterCount == 3)
    let labels = try #require(reference.cuts["3"])
    expectClose(
      try #require(selection.candidates.first { $0.clusterCount == 3 }).silhouette,
      try Silhouette.score(of: reference.matrix, labels: labels),
      tolerance: Tolerance(relative: 1e-12, absolute: 1e-12))
  }

  @Test("the plateau rule prefers the smallest near-best k")
  func plateau() throws {
    var data = SplitMix64(seed: 3)
    let matrix = plantedClusters(
      clusterCount: 4, perCluster: 8, dimension: 10, noise: 0.25, using: &data)
    var generator = SplitMix64(seed: 1)
    let wide = try ClusterCountSelection(
      fitting: matrix, clusterCounts: 2...8, restarts: 3, plateauTolerance: 2, using: &generator)
    #expect(wide.clusterCount == 2)
  }

  @Test("too few documents for automatic choice is a typed error")
  func tooFew() {
    var generator = SplitMix64(seed: 1)
    #expect(
      throws: ClusteringError.tooFewDocumentsToChooseClusterCount(documentCount: 5, minimum: 6)
    ) {
      try ClusterCountSelection(
        fitting: Matrix(rows: Array(repeating: [1.0, 0.0], count: 5)), using: &generator)
    }
  }
}

@Suite struct ClusterCountSelectionDeterminismTests {
  @Test("the same seed gives the same curve and choice")
  func deterministic() throws {
    var data = SplitMix64(seed: 21)
    let matrix = plantedClusters(clusterCount: 3, perCluster: 7, dimension: 6, noise: 0.8, using: &data)
    var first = SplitMix64(seed: 5)
    var second = SplitMix64(seed: 5)
    let a = try ClusterCountSelection(fitting: matrix, restarts: 3, using: &first)
    let b = try ClusterCountSelection(fitting: matrix, restarts: 3, using: &second)
    #expect(a == b)
    #expect(a.candidates.map(\.clusterCount) == Array(2...7))
    #expect(a.candidates.allSatisfy { (-1...1).contains($0.silhouette) })
  }
}
