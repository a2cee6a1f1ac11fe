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

  @Test("a part of an excluded word does not label the cluster in its place")
  func partsOfExcludedWords() throws {
    let names = ["上海市委", "海市", "科创金融", "其他"]
    let weights = SparseMatrix(
      rowCount: 2, columnCount: 4, rowStarts: [0, 3, 4], columnIndices: [0, 1, 2, 3], values: [6, 3, 5, 1])
    let model = try ClassTFIDF(termWeights: weights, labels: [0, 1])
    #expect(model.labelTerms(count: 3, names: names, isExcluded: { $0 == "上海市委" })[0] == ["科创金融"])
    // Without the exclusion the compound labels the cluster and its part is folded into it.
    #expect(model.labelTerms(count: 3, names: names, isExcluded: { _ in false })[0] == ["上海市委", "科创金融"])
  }
}
