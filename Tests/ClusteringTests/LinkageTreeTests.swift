import LinearAlgebra
import TestSupport
import Testing

@testable import Clustering

@Suite struct LinkageTreeTests {
  @Test("merges match SciPy's average/cosine linkage matrix")
  func matchesScipy() throws {
    let reference = try ClusteringReference.load()
    let tree = try LinkageTree(averageLinkageOf: reference.matrix)
    #expect(tree.merges.count == reference.linkage.count)
    for (merge, row) in zip(tree.merges, reference.linkage) {
      #expect(merge.left == Int(row[0]) && merge.right == Int(row[1]) && merge.size == Int(row[3]))
      // 1 − cos from normalized rows versus SciPy's pdist: rounding only.
      expectClose(merge.distance, row[2], tolerance: Tolerance(relative: 1e-10, absolute: 1e-12))
    }
  }

  @Test("cuts match SciPy's cut_tree", arguments: 1...5)
  func cutsMatchScipy(clusterCount: Int) throws {
    let reference = try ClusteringReference.load()
    let tree = try LinkageTree(averageLinkageOf: reference.matrix)
    #expect(try tree.labels(clusterCount: clusterCount) == reference.cuts[String(clusterCount)])
  }

  @Test("merge distances never decrease and sizes add up")
  func monotone() throws {
    for seed in UInt64(0)..<100 {
      var generator = SplitMix64(seed: seed)
      let n = Int.random(in: 1...8, using: &generator)
      let rows = (0..<n).map { _ in
        (0..<3).map { _ in Double.random(in: -1...1, using: &generator) }
      }
      let tree = try LinkageTree(averageLinkageOf: Matrix(rows: rows))
      #expect(tree.merges.count == n - 1)
      var sizes = [Int](repeating: 1, count: n)
      for merge in tree.merges {
        #expect(merge.left < merge.right && merge.right < sizes.count, "seed \(seed)")
        #expect(merge.size == sizes[merge.left] + sizes[merge.right], "seed \(seed)")
        sizes.append(merge.size)
      }
      for (a, b) in zip(tree.merges, tree.merges.dropFirst()) {
        #expect(a.distance <= b.distance + 1e-12, "seed \(seed)")
      }
      for k in 1...n { #expect(Set(try tree.labels(clusterCount: k)).count == k, "seed \(seed)") }
    }
  }

  @Test("cutting into more clusters than documents is a typed error")
  func tooManyClusters() throws {
    let tree = try LinkageTree(averageLinkageOf: Matrix(rows: [[1, 0], [0, 1]]))
    #expect(throws: ClusteringError.tooFewDocuments(documentCount: 2, clusterCount: 3)) {
      try tree.labels(clusterCount: 3)
    }
  }
}

@Suite struct LinkageTreeOracleTests {
  /// Average linkage by its definition: repeatedly merge the pair of clusters whose mean
  /// pairwise distance is smallest (O(n³) per merge; only for tiny inputs).
  static func naiveMergeDistances(_ rows: [[Double]]) -> [Double] {
    func cosineDistance(_ a: [Double], _ b: [Double]) -> Double {
      let dot = zip(a, b).reduce(0) { $0 + $1.0 * $1.1 }
      let na = a.reduce(0) { $0 + $1 * $1 }.squareRoot()
      let nb = b.reduce(0) { $0 + $1 * $1 }.squareRoot()
      return 1 - dot / (na * nb)
    }
    var clusters = rows.indices.map { [$0] }
    var distances: [Double] = []
    while clusters.count > 1 {
      var best = (0, 1, Double.infinity)
      for i in clusters.indices {
        for j in (i + 1)..<clusters.count {
          var sum = 0.0
          for a in clusters[i] { for b in clusters[j] { sum += cosineDistance(rows[a], rows[b]) } }
          let average = sum / Double(clusters[i].count * clusters[j].count)
          if average < best.2 { best = (i, j, average) }
        }
      }
      clusters[best.0] += clusters[best.1]
      clusters.remove(at: best.1)
      distances.append(best.2)
    }
    return distances
  }

  @Test("merge heights equal the naive average-linkage algorithm on random inputs")
  func matchesNaive() throws {
    for seed in UInt64(0)..<100 {
      var generator = SplitMix64(seed: seed)
      let n = Int.random(in: 1...8, using: &generator)
      let rows = (0..<n).map { _ in (0..<3).map { _ in Double.random(in: 0.05...1, using: &generator) } }
      let tree = try LinkageTree(averageLinkageOf: Matrix(rows: rows))
      // Heights are sorted on both sides; summation order differs, so allow rounding.
      expectClose(
        tree.merges.map(\.distance), Self.naiveMergeDistances(rows).sorted(),
        tolerance: Tolerance(relative: 1e-9, absolute: 1e-12))
    }
  }
}
