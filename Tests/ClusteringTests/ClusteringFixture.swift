import Foundation
import LinearAlgebra
import TestSupport

/// `Fixtures/clustering_reference.json`, written by `scripts/clustering_fixtures.py`
/// (SciPy linkage and scikit-learn silhouettes; library versions inside the file).
struct ClusteringReference: Decodable {
  struct SilhouetteCase: Decodable {
    var labels: [Int]
    var score: Double
    var samples: [Double]
  }
  var points: [[Double]]
  var linkage: [[Double]]
  var cuts: [String: [Int]]
  var silhouettes: [SilhouetteCase]

  static func load() throws -> ClusteringReference {
    try loadFixture(ClusteringReference.self, named: "clustering_reference.json", in: Bundle.module)
  }

  var matrix: Matrix { Matrix(rows: points) }
}

/// Points around `clusterCount` well-separated random directions in `dimension` dimensions,
/// `perCluster` each, interleaved (document i belongs to cluster i % clusterCount).
func plantedClusters(
  clusterCount: Int, perCluster: Int, dimension: Int, noise: Double,
  using generator: inout SplitMix64
) -> Matrix {
  let centres = (0..<clusterCount).map { c in
    (0..<dimension).map { j in j % clusterCount == c ? 1.0 : 0.0 }
  }
  var rows: [[Double]] = []
  for i in 0..<(clusterCount * perCluster) {
    let scale = Double.random(in: 0.5...3, using: &generator)
    rows.append(
      centres[i % clusterCount].map {
        (($0 + Double.random(in: -noise...noise, using: &generator))) * scale
      })
  }
  return Matrix(rows: rows)
}

/// Whether two labellings describe the same partition (up to renaming).
func samePartition(_ a: [Int], _ b: [Int]) -> Bool {
  guard a.count == b.count else { return false }
  var forward: [Int: Int] = [:]
  var backward: [Int: Int] = [:]
  for (x, y) in zip(a, b) {
    if forward[x, default: y] != y || backward[y, default: x] != x { return false }
    forward[x] = y
    backward[y] = x
  }
  return true
}
