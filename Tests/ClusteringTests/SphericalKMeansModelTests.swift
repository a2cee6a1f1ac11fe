import LinearAlgebra
import TestSupport
import Testing

@testable import Clustering

@Suite struct SphericalKMeansModelTests {
  @Test("the same seed gives the same labels, centroids and objective")
  func deterministic() throws {
    var data = SplitMix64(seed: 1)
    let matrix = plantedClusters(
      clusterCount: 4, perCluster: 10, dimension: 8, noise: 0.6, using: &data)
    var first = SplitMix64(seed: 42)
    var second = SplitMix64(seed: 42)
    let a = try SphericalKMeansModel(
      fitting: matrix, options: .init(clusterCount: 4), using: &first)
    let b = try SphericalKMeansModel(
      fitting: matrix, options: .init(clusterCount: 4), using: &second)
    #expect(a == b)
  }

  @Test("labels are numbered by first appearance")
  func firstAppearance() throws {
    for seed in UInt64(0)..<100 {
      var generator = SplitMix64(seed: seed)
      let n = Int.random(in: 1...8, using: &generator)
      let k = Int.random(in: 1...n, using: &generator)
      var rows: [[Double]] = []
      for _ in 0..<n {
        rows.append((0..<3).map { _ in Double.random(in: -1...1, using: &generator) })
      }
      let model = try SphericalKMeansModel(
        fitting: Matrix(rows: rows), options: .init(clusterCount: k, restarts: 2), using: &generator
      )
      var next = 0
      for label in model.labels {
        #expect(label <= next, "seed \(seed): label \(label) before \(next)")
        if label == next { next += 1 }
      }
      #expect(model.labels.count == n)
      #expect(Set(model.labels).count == k, "seed \(seed): every cluster non-empty")
      // Each document sits with its most similar centroid.
      let unit = UnitRows(Matrix(rows: rows))
      let centres = model.centroids.transposed().elements  // row-major centroids
      for i in 0..<n {
        let own = unit.dot(i, centres, model.labels[i])
        for c in 0..<k { #expect(unit.dot(i, centres, c) <= own + 1e-12, "seed \(seed)") }
      }
    }
  }

  @Test("planted clusters are recovered, whatever the row scaling")
  func plantedRecovered() throws {
    var data = SplitMix64(seed: 5)
    let matrix = plantedClusters(
      clusterCount: 3, perCluster: 12, dimension: 6, noise: 0.3, using: &data)
    var generator = SplitMix64(seed: 9)
    let model = try SphericalKMeansModel(
      fitting: matrix, options: .init(clusterCount: 3), using: &generator)
    #expect(model.labels == (0..<36).map { $0 % 3 })
    #expect(model.objective > 30)
  }

  @Test("objective equals the sum of cosines to the assigned centroids")
  func objectiveDefinition() throws {
    let reference = try ClusteringReference.load()
    var generator = SplitMix64(seed: 3)
    let model = try SphericalKMeansModel(
      fitting: reference.matrix, options: .init(clusterCount: 3), using: &generator)
    let unit = UnitRows(reference.matrix)
    let centres = model.centroids.transposed().elements
    let sum = (0..<unit.count).reduce(0.0) { $0 + unit.dot($1, centres, model.labels[$1]) }
    expectClose(model.objective, sum, tolerance: Tolerance(relative: 1e-12, absolute: 1e-12))
    #expect(samePartition(model.labels, try #require(reference.cuts["3"])))
  }

  @Test("more clusters than documents is a typed error")
  func tooManyClusters() {
    var generator = SplitMix64(seed: 0)
    let matrix = Matrix(rows: [[1, 0], [0, 1]])
    #expect(throws: ClusteringError.tooFewDocuments(documentCount: 2, clusterCount: 3)) {
      try SphericalKMeansModel(fitting: matrix, options: .init(clusterCount: 3), using: &generator)
    }
    #expect(
      throws: ClusteringError.invalidParameter(
        name: "clusterCount", value: 0, allowed: "at least 1")
    ) {
      try SphericalKMeansModel(fitting: matrix, options: .init(clusterCount: 0), using: &generator)
    }
    #expect(
      ClusteringError.tooFewDocuments(documentCount: 2, clusterCount: 3).description.contains(
        "--clusters"))
  }

  @Test("duplicate and zero rows still give k non-empty clusters")
  func degenerateRows() throws {
    var generator = SplitMix64(seed: 8)
    let matrix = Matrix(rows: [[1, 0], [1, 0], [1, 0], [0, 0], [0, 1]])
    let model = try SphericalKMeansModel(
      fitting: matrix, options: .init(clusterCount: 3), using: &generator)
    #expect(model.labels.count == 5)
    #expect(model.labels[0] == model.labels[1])
    #expect(Set(model.labels).count == 3)
  }

  @Test("more restarts never lower the objective")
  func restartsHelp() throws {
    var data = SplitMix64(seed: 12)
    let matrix = plantedClusters(
      clusterCount: 5, perCluster: 6, dimension: 10, noise: 0.9, using: &data)
    for seed in UInt64(0)..<10 {
      var one = SplitMix64(seed: seed)
      var many = SplitMix64(seed: seed)
      let single = try SphericalKMeansModel(
        fitting: matrix, options: .init(clusterCount: 5, restarts: 1), using: &one)
      let best = try SphericalKMeansModel(
        fitting: matrix, options: .init(clusterCount: 5, restarts: 8), using: &many)
      // The first start of both runs draws the same numbers, so the best of eight includes it.
      #expect(best.objective >= single.objective - 1e-12, "seed \(seed)")
    }
  }
}
