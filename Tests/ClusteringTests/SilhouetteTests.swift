import LinearAlgebra
import TestSupport
import Testing

@testable import Clustering

@Suite struct SilhouetteTests {
  @Test("scores and samples match scikit-learn's cosine silhouette")
  func matchesScikitLearn() throws {
    let reference = try ClusteringReference.load()
    #expect(reference.silhouettes.count >= 4)
    for item in reference.silhouettes {
      // Distances differ from scikit-learn's only by summation order.
      let tolerance = Tolerance(relative: 1e-10, absolute: 1e-12)
      expectClose(
        try Silhouette.score(of: reference.matrix, labels: item.labels), item.score,
        tolerance: tolerance)
      expectClose(
        try Silhouette.samples(of: reference.matrix, labels: item.labels), item.samples,
        tolerance: tolerance)
    }
  }

  @Test("renaming labels does not change the silhouette")
  func labelNamesIrrelevant() throws {
    let reference = try ClusteringReference.load()
    let labels = try #require(reference.cuts["3"])
    let renamed = labels.map { [7, 2, 40][$0] }
    #expect(
      try Silhouette.score(of: reference.matrix, labels: labels)
        == Silhouette.score(of: reference.matrix, labels: renamed))
  }

  @Test("one cluster, or one per document, is a typed error", arguments: [1, 4])
  func undefined(distinct: Int) {
    let matrix = Matrix(rows: [[1, 0], [0, 1], [1, 1], [1, 2]])
    let labels = distinct == 1 ? [0, 0, 0, 0] : [0, 1, 2, 3]
    #expect(throws: ClusteringError.silhouetteUndefined(documentCount: 4, clusterCount: distinct)) {
      try Silhouette.score(of: matrix, labels: labels)
    }
  }

  @Test("a label per document is required")
  func mismatch() {
    #expect(throws: ClusteringError.labelCountMismatch(labelCount: 1, documentCount: 2)) {
      try Silhouette.score(of: Matrix(rows: [[1, 0], [0, 1]]), labels: [0])
    }
  }
}
