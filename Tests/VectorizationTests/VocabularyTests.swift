import Foundation
import TestSupport
import Testing

@testable import Vectorization

@Suite struct VocabularyTests {
  /// Terms of several scripts and lengths, so code-point order differs from `String`'s `<`
  /// and from length order somewhere.
  static let terms = [
    "2024", "esg", "eVTOL", "ｅｓｇ", "低空", "低空经济", "低空经济产业", "人工智能", "生成式人工智能", "经济", "é", "e\u{301}",
    "a", "ab", "b", "🚀", "数据要素", "新质生产力",
  ]

  @Test("a vocabulary without its table finds every column by binary search, as the table does")
  func binarySearchMatchesTable() {
    let indexed = Vocabulary(Self.terms)
    let searched = Vocabulary(sortedUniqueTerms: indexed.terms, indexed: false)
    for (column, term) in indexed.terms.enumerated() {
      #expect(indexed.index(of: term) == column)
      #expect(searched.index(of: term) == column, "\(term)")
    }
    for absent in ["", "低", "低空经", "经济学", "z", "\u{10FFFF}", "数据", "e"] {
      #expect(indexed.index(of: absent) == nil)
      #expect(searched.index(of: absent) == nil, "\(absent)")
    }
  }

  @Test("a query weighted through a searched vocabulary gets the indexed vocabulary's weights")
  func sameWeights() {
    let terms = Vocabulary(Self.terms).terms
    let frequencies = terms.indices.map { $0 % 5 + 1 }
    let idf = frequencies.map { 1 + log(20.0 / Double($0)) }
    let make = { (indexed: Bool) in
      TFIDFWeighting(
        options: TFIDFOptions(), terms: terms, trainingDocumentCount: 20, documentFrequency: frequencies,
        inverseDocumentFrequency: idf, indexesTerms: indexed)
    }
    let query = [["低空经济", "低空经济", "esg", "未知", "🚀", "e\u{301}"]]
    let indexed = make(true).transform(query).row(0)
    let searched = make(false).transform(query).row(0)
    #expect(indexed.map(\.column) == searched.map(\.column))
    #expect(indexed.map(\.value) == searched.map(\.value))
    #expect(indexed.count == 4)
  }
}
