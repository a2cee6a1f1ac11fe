import LinearAlgebra
import TestSupport
import Testing

@testable import Clustering

@Suite struct ConsensusClusteringSampleTests {
  @Test(
    "above the sample size, planted groups give back their partition (a few members past the edge unclustered)",
    arguments: [3, 5])
  func plantedAboveSampleSize(planted: Int) throws {
    var data = SplitMix64(seed: UInt64(planted))
    let matrix = plantedClusters(
      clusterCount: planted, perCluster: 60, dimension: 12, noise: 0.25, using: &data)
    var generator = SplitMix64(seed: 1)
    let consensus = try ConsensusClustering(
      fitting: matrix, options: ConsensusOptions(sampleSize: 90), using: &generator)
    #expect(consensus.isSampled && consensus.sampleRows.count == 90)
    #expect(consensus.tree.documentCount == 90)
    #expect(consensus.clusterCount == planted)
    let sample = Set(consensus.sampleRows)
    let clustered = consensus.labels.indices.filter { consensus.labels[$0] != nil }
    #expect(samePartition(clustered.map { consensus.labels[$0] ?? -1 }, clustered.map { $0 % planted }))
    #expect(sample.allSatisfy { consensus.labels[$0] != nil })
    // A new member falls below the lowest cosine of a cluster's m sample members with
    // probability 1 / (m + 1): here m ≈ 90 / planted, so about planted / 91 of the others.
    let lost = consensus.labels.indices.filter { consensus.labels[$0] == nil }.count
    let others = Double(matrix.rowCount - sample.count)
    #expect(Double(lost) <= 3 * others * Double(planted) / 91, "\(lost) of \(Int(others)) unclustered")
    #expect(consensus.agreement.indices.allSatisfy { (consensus.agreement[$0] != nil) == sample.contains($0) })
  }

  @Test("at or below the sample size nothing is sampled: the labels equal an unsampled run's")
  func unchangedBelowSampleSize() throws {
    var data = SplitMix64(seed: 5)
    let matrix = plantedClusters(clusterCount: 4, perCluster: 10, dimension: 9, noise: 0.4, using: &data)
    for sampleSize in [40, 2_000] {
      var sampled = SplitMix64(seed: 7)
      var unsampled = SplitMix64(seed: 7)
      let a = try ConsensusClustering(
        fitting: matrix, options: ConsensusOptions(sampleSize: sampleSize), using: &sampled)
      let b = try ConsensusClustering(fitting: matrix, options: ConsensusOptions(sampleSize: nil), using: &unsampled)
      #expect(a.labels == b.labels && a.agreement == b.agreement && a.tree == b.tree)
      #expect(!a.isSampled && a.sampleRows == Array(0..<40))
    }
  }

  @Test("a document outside the sample far from every centroid is unclustered")
  func farDocumentUnclustered() {
    // Two tight groups on the first two axes, sample = the first 6 rows; rows 6 and 7 are
    // assigned: one near group 0, one along the third axis.
    let rows = UnitRows(
      Matrix(rows: [
        [1, 0.1, 0], [1, -0.1, 0], [1, 0, 0.1], [0.1, 1, 0], [-0.1, 1, 0], [0, 1, 0.1],
        [1, 0.05, 0], [0.2, 0.2, 1],
      ]))
    let assigned = ConsensusClustering.assign(
      rows, sample: Array(0..<6), sampleLabels: [0, 0, 0, 1, 1, 1], clusterCount: 2)
    #expect(assigned.labels == [0, 0, 0, 1, 1, 1, 0, nil])
    #expect(assigned.clusterCount == 2)
  }

  @Test(
    "the sample takes one document from each equal stratum, in order",
    arguments: [(1, 1), (3, 10), (7, 7), (10, 1_003)])
  func evenlySpread(count: Int, n: Int) {
    var generator = SplitMix64(seed: 3)
    let sample = evenlySpreadSample(count: count, of: n, using: &generator)
    #expect(sample.count == count)
    for (i, row) in sample.enumerated() { #expect(((i * n / count)..<((i + 1) * n / count)).contains(row)) }
  }

  @Test("a sample size under 6 is an error, not a trap")
  func invalidSampleSize() {
    var generator = SplitMix64(seed: 1)
    let matrix = Matrix(rows: (0..<12).map { i in [Double(i % 3), 1, Double(i % 2)] })
    #expect(throws: ClusteringError.invalidParameter(name: "sampleSize", value: 5, allowed: "at least 6")) {
      try ConsensusClustering(fitting: matrix, options: ConsensusOptions(sampleSize: 5), using: &generator)
    }
  }
}
