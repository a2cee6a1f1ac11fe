import Foundation
import LinearAlgebra
import TestSupport
import Testing

@testable import Clustering

@Suite struct ClassTFIDFTests {
  /// Terms: 0 "低空" (cluster 0 only), 1 "金融" (cluster 1 only), 2 "发展" (everywhere).
  let counts = SparseMatrix(
    rowCount: 4, columnCount: 3, rowStarts: [0, 2, 4, 6, 8],
    columnIndices: [0, 2, 0, 2, 1, 2, 1, 2], values: [3, 1, 1, 1, 2, 1, 2, 1])
  let labels = [0, 0, 1, 1]

  @Test("weights follow the formula on a hand-computed case")
  func handComputed() throws {
    let model = try ClassTFIDF(termWeights: counts, labels: labels)
    // tf(·,0) = [4, 0, 2] (total 6), tf(·,1) = [0, 4, 2] (total 6); A = 6; f = [4, 4, 4].
    let idf = log(1 + 6.0 / 4.0)
    expectClose(model.weights[0, 0], 4.0 / 6.0 * idf)
    expectClose(model.weights[0, 2], 2.0 / 6.0 * idf)
    #expect(model.weights[0, 1] == 0)
    let top = model.topTerms(count: 5)
    #expect(top.map { $0.map(\.term) } == [[0, 2], [1, 2]])
  }

  @Test("a term spread evenly over all clusters ranks below cluster-specific terms")
  func distinctiveBeatsCommon() throws {
    var generator = SplitMix64(seed: 2)
    // 3 clusters × 5 documents; term c is specific to cluster c, term 3 is everywhere, more often.
    var rowStarts = [0]
    var columns: [Int32] = []
    var values: [Double] = []
    var labels: [Int] = []
    for d in 0..<15 {
      let c = d % 3
      columns += [Int32(c), 3]
      values += [
        Double(Int.random(in: 1...3, using: &generator)),
        Double(Int.random(in: 4...6, using: &generator)),
      ]
      rowStarts.append(columns.count)
      labels.append(c)
    }
    let matrix = SparseMatrix(
      rowCount: 15, columnCount: 4, rowStarts: rowStarts, columnIndices: columns, values: values)
    let top = try ClassTFIDF(termWeights: matrix, labels: labels).topTerms(count: 1)
    #expect(top.map { $0.map(\.term) } == [[0], [1], [2]])
  }

  @Test("an empty cluster has no terms and labels must match the rows")
  func edges() throws {
    let model = try ClassTFIDF(termWeights: counts, labels: [0, 0, 2, 2])
    #expect(model.clusterCount == 3)
    #expect(model.topTerms(count: 3)[1].isEmpty)
    #expect(throws: ClusteringError.labelCountMismatch(labelCount: 2, documentCount: 4)) {
      try ClassTFIDF(termWeights: counts, labels: [0, 1])
    }
  }
}
