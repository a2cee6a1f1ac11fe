import LinearAlgebra
import Testing

@testable import Clustering

@Suite struct ClassTFIDFLabelsTests {
  @Test("labels skip excluded terms and keep a compound instead of its parts")
  func compoundsAndExclusions() throws {
    let names = ["低空", "低空经济", "经济", "深圳", "无人机", "措施"]
    // One cluster (documents 0, 1) uses every term; the other (document 2) only 经济.
    let weights = SparseMatrix(
      rowCount: 3, columnCount: 6, rowStarts: [0, 6, 7, 8], columnIndices: [0, 1, 2, 3, 4, 5, 0, 2],
      values: [5, 4, 3, 6, 2, 7, 1, 1])
    let model = try ClassTFIDF(termWeights: weights, labels: [0, 0, 1])
    let labels = model.labelTerms(count: 3, names: names, isExcluded: { ["深圳", "措施"].contains($0) })
    #expect(labels[0] == ["低空经济", "无人机"])
    #expect(!labels[0].contains("深圳") && !labels[0].contains("经济"))
  }
}
