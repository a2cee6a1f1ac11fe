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
    #expect(samePartition(selection.labels, (0..<matrix.rowCount).map { $0 % planted }))
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

@Suite struct ClusterCountRuleTests {
  static func candidates(_ silhouettes: [Double]) -> [ClusterCountSelection.Candidate] {
    silhouettes.enumerated().map { .init(clusterCount: $0.offset + 2, silhouette: $0.element) }
  }

  @Test("the rule takes the smallest k within the tolerance of the best")
  func rule() {
    let curve = Self.candidates([0.10, 0.30, 0.295, 0.31, 0.2])
    #expect(ClusterCountSelection.chosenIndex(curve, plateauTolerance: 0.01) == 1)
    #expect(ClusterCountSelection.chosenIndex(curve, plateauTolerance: 0) == 3)
    #expect(ClusterCountSelection.chosenIndex(curve, plateauTolerance: 1) == 0)
  }

  @Test("exact ties go to the smaller k with tolerance 0 (exhaustive over 4-point curves of 0, ½, 1)")
  func ties() {
    let values = [0.0, 0.5, 1.0]
    for a in values {
      for b in values {
        for c in values {
          for d in values {
            let curve = Self.candidates([a, b, c, d])
            let chosen = ClusterCountSelection.chosenIndex(curve, plateauTolerance: 0)
            let best = [a, b, c, d].max() ?? 0
            #expect(curve[chosen].silhouette == best)
            #expect(curve[..<chosen].allSatisfy { $0.silhouette < best })
          }
        }
      }
    }
  }
}

@Suite struct TreeCutSelectionTests {
  @Test("cutting a tree finds the planted number of clusters", arguments: [3, 4, 5])
  func plantedCount(planted: Int) throws {
    var data = SplitMix64(seed: UInt64(planted))
    let matrix = plantedClusters(
      clusterCount: planted, perCluster: 8, dimension: 10, noise: 0.25, using: &data)
    let tree = try LinkageTree(averageLinkageOf: matrix)
    let selection = try ClusterCountSelection(
      cutting: tree, documentVectors: matrix, clusterCounts: 2...8)
    #expect(selection.clusterCount == planted)
    #expect(samePartition(selection.labels, (0..<matrix.rowCount).map { $0 % planted }))
  }

  @Test("each curve point is the silhouette of that cut, and the choice follows the one rule")
  func curveIsSilhouetteOfCut() throws {
    var data = SplitMix64(seed: 8)
    let matrix = plantedClusters(clusterCount: 3, perCluster: 6, dimension: 5, noise: 0.9, using: &data)
    let tree = try LinkageTree(averageLinkageOf: matrix)
    for tolerance in [0, 0.01, 0.05, 2] {
      let selection = try ClusterCountSelection(
        cutting: tree, documentVectors: matrix, plateauTolerance: tolerance)
      #expect(selection.candidates.map(\.clusterCount) == Array(2...6))
      for candidate in selection.candidates {
        let labels = try tree.labels(clusterCount: candidate.clusterCount)
        expectClose(
          candidate.silhouette, try Silhouette.score(of: matrix, labels: labels),
          tolerance: Tolerance(relative: 1e-12, absolute: 1e-12))
      }
      let chosen = ClusterCountSelection.chosenIndex(selection.candidates, plateauTolerance: tolerance)
      #expect(selection.clusterCount == selection.candidates[chosen].clusterCount)
      #expect(selection.labels == (try tree.labels(clusterCount: selection.clusterCount)))
      #expect(selection.silhouette == selection.candidates[chosen].silhouette)
    }
  }

  @Test("the tree and k-means share the candidate range and its errors")
  func sameRange() throws {
    let five = Matrix(rows: (0..<5).map { [Double($0), 1] })
    let tree = try LinkageTree(averageLinkageOf: five)
    #expect(
      throws: ClusteringError.tooFewDocumentsToChooseClusterCount(documentCount: 5, minimum: 6)
    ) {
      try ClusterCountSelection(cutting: tree, documentVectors: five)
    }
    #expect(
      throws: ClusteringError.invalidParameter(
        name: "clusterCounts.upperBound", value: 5, allowed: "at most n − 1 = 4 for 5 documents")
    ) {
      try ClusterCountSelection(cutting: tree, documentVectors: five, clusterCounts: 2...5)
    }
  }
}
