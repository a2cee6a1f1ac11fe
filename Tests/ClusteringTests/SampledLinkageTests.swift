import LinearAlgebra
import TestSupport
import Testing

@testable import Clustering

@Suite struct SampledLinkageTests {
  @Test("at or below the sample size: exactly the full tree and its cut, no number drawn")
  func unchangedBelowSampleSize() throws {
    var data = SplitMix64(seed: 3)
    let matrix = plantedClusters(clusterCount: 3, perCluster: 8, dimension: 6, noise: 0.3, using: &data)
    for sampleSize in [24, 2_000, nil] as [Int?] {
      var generator = SplitMix64(seed: 9)
      let sampled = try SampledLinkage(
        averageLinkageOf: matrix, sampleSize: sampleSize, clusterCount: 3, using: &generator)
      let full = try LinkageTree(averageLinkageOf: matrix)
      #expect(sampled.tree == full)
      #expect(sampled.labels == (try full.labels(clusterCount: 3)))
      #expect(!sampled.isSampled && sampled.sampleRows == Array(0..<24))
      var untouched = SplitMix64(seed: 9)
      #expect(generator.next() == untouched.next())
    }
  }

  @Test("above the sample size: a tree on the sample, every document in a cluster, planted groups recovered")
  func plantedAboveSampleSize() throws {
    var data = SplitMix64(seed: 4)
    let matrix = plantedClusters(clusterCount: 4, perCluster: 50, dimension: 10, noise: 0.2, using: &data)
    var generator = SplitMix64(seed: 1)
    let sampled = try SampledLinkage(averageLinkageOf: matrix, sampleSize: 60, clusterCount: 4, using: &generator)
    #expect(sampled.isSampled && sampled.sampleRows.count == 60 && sampled.tree.documentCount == 60)
    #expect(sampled.labels.count == 200)
    #expect(samePartition(sampled.labels, (0..<200).map { $0 % 4 }))
  }
}
