import LinearAlgebra
import TestSupport
import Testing

@testable import Clustering

@Suite struct ConsensusClusteringTests {
  @Test("well-separated planted groups give back their number and partition", arguments: [2, 3, 4, 5, 6])
  func plantedCount(planted: Int) throws {
    var data = SplitMix64(seed: UInt64(planted))
    let matrix = plantedClusters(
      clusterCount: planted, perCluster: 10, dimension: 12, noise: 0.25, using: &data)
    var generator = SplitMix64(seed: 1)
    let consensus = try ConsensusClustering(fitting: matrix, using: &generator)
    #expect(consensus.clusterCount == planted)
    #expect(consensus.labels.allSatisfy { $0 != nil })
    #expect(samePartition(consensus.labels.map { $0 ?? -1 }, (0..<matrix.rowCount).map { $0 % planted }))
  }

  @Test("a group smaller than the minimum size is unclustered; the other groups stay")
  func smallGroupUnclustered() throws {
    var data = SplitMix64(seed: 9)
    let groups = plantedClusters(clusterCount: 4, perCluster: 10, dimension: 12, noise: 0.2, using: &data)
    // A pair of documents along an axis no group uses: always together, but only two.
    var rows = groups.rows.map { $0 + [0] }
    rows.append((0..<13).map { $0 == 12 ? 1 : 0.1 })
    rows.append((0..<13).map { $0 == 12 ? 1 : 0.12 })
    var generator = SplitMix64(seed: 2)
    let consensus = try ConsensusClustering(fitting: Matrix(rows: rows), using: &generator)
    #expect(consensus.clusterCount == 4)
    #expect(consensus.labels.suffix(2).allSatisfy { $0 == nil })
    #expect(consensus.labels.prefix(40).allSatisfy { $0 != nil })
  }

  @Test("the same seed gives the same labels; another seed the same planted partition")
  func deterministic() throws {
    var data = SplitMix64(seed: 5)
    let matrix = plantedClusters(clusterCount: 3, perCluster: 8, dimension: 9, noise: 0.3, using: &data)
    var first = SplitMix64(seed: 7)
    var again = SplitMix64(seed: 7)
    var other = SplitMix64(seed: 8)
    let a = try ConsensusClustering(fitting: matrix, using: &first)
    let b = try ConsensusClustering(fitting: matrix, using: &again)
    let c = try ConsensusClustering(fitting: matrix, using: &other)
    #expect(a.labels == b.labels)
    #expect(adjustedRandIndex(between: a.labels.map { $0 ?? -1 }, and: c.labels.map { $0 ?? -1 }) == 1)
  }

  @Test("a fixed cluster count cuts the consensus tree into that many groups")
  func fixedCount() throws {
    var data = SplitMix64(seed: 6)
    let matrix = plantedClusters(clusterCount: 4, perCluster: 6, dimension: 8, noise: 0.2, using: &data)
    var generator = SplitMix64(seed: 3)
    let consensus = try ConsensusClustering(
      fitting: matrix, options: ConsensusOptions(minimumClusterSize: 1), clusterCount: 2, using: &generator)
    #expect(consensus.clusterCount == 2)
  }

  @Test("options out of range are errors, not traps")
  func invalid() {
    var generator = SplitMix64(seed: 1)
    let matrix = Matrix(rows: (0..<12).map { i in [Double(i % 3), 1, Double(i % 2)] })
    #expect(throws: ClusteringError.invalidParameter(name: "runCount", value: 0, allowed: "at least 1")) {
      try ConsensusClustering(fitting: matrix, options: ConsensusOptions(runCount: 0), using: &generator)
    }
    #expect(throws: ClusteringError.invalidParameter(name: "clusterCount", value: 13, allowed: "in 1...12")) {
      try ConsensusClustering(fitting: matrix, clusterCount: 13, using: &generator)
    }
  }
}
