import FileIntegrity
import Foundation
import Ingest
import LinearAlgebra
import Synchronization
import TextAnalysis
@testable import PolicyLensKit
import Testing
import TestSupport

@Suite("Fold-in (policylens add)")
struct FoldInTests {
  @Test(
    "segmenting any number of articles keeps their order and gives the terms of their analysis text",
    arguments: [0, 1, 2, 3, 7, 9, 13, 33, 250])
  func segmentationKeepsOrder(count: Int) async throws {
    let analyzer = try TextAnalyzerFixture.analyzer()
    let seeds = SeedModel.model.articles
    let articles = (0..<count).map { index in
      var article = seeds[index % seeds.count]
      article.title = "第\(index)篇：上海发布低空经济行动方案" + String(repeating: "绿色金融", count: index % 3)
      return article
    }
    let events = Mutex<[ProgressEvent]>([])
    for repetitions in [0, 1, 3] {
      events.withLock { $0 = [] }
      let segmented = await Pipeline.segment(articles, titleRepetitions: repetitions, with: analyzer) { event in
        events.withLock { $0.append(event) }
      }
      #expect(
        segmented
          == articles.map { analyzer.terms(in: Pipeline.analysisText(of: $0, titleRepetitions: repetitions)) },
        "title ×\(repetitions)")
      let counts = events.withLock { $0 }.compactMap { event -> Int? in
        if case .advanced(_, let completed, _) = event { return completed }
        return nil
      }
      #expect(counts == counts.sorted() && counts.last == (count > 0 ? count : nil), "progress: \(counts)")
    }
  }

  @Test("added articles get the fold-in of their weights, and a second add skips them")
  func addsAndSkips() async throws {
    let model = SeedModel.model
    var article = model.articles[0]
    article.id = "test#1"
    article.body = article.body.reversed()
    let first = try await Pipeline.add(
      articles: [article], to: model, cacheDirectory: TextAnalyzerFixture.cache, progress: { _ in })
    #expect(first.added.map(\.id) == ["test#1"])
    #expect(first.model.articles.count == model.articles.count + 1)
    let row = model.articles.count
    let weights = first.model.weights
    let folded = first.model.lsa.transform(
      SparseMatrix(
        rowCount: 1, columnCount: weights.columnCount,
        rowStarts: [0, weights.rowStarts[row + 1] - weights.rowStarts[row]],
        columnIndices: Array(weights.columnIndices[weights.rowStarts[row]..<weights.rowStarts[row + 1]]),
        values: Array(weights.values[weights.rowStarts[row]..<weights.rowStarts[row + 1]])))
    expectClose(first.model.lsa.documentCoordinates.row(row), folded.row(0), tolerance: .decomposition)
    // The same words in another order land where the original lies.
    expectClose(
      first.model.lsa.documentCoordinates.row(row), model.lsa.documentCoordinates.row(0), tolerance: .decomposition)
    #expect(first.added[0].unknownShare < 0.01)
    // n stays the training documents' count: idf and the weighting learned at the fit do not move.
    #expect(first.model.tfidf.documentCount == model.tfidf.documentCount)
    #expect(first.model.tfidf.weighting == model.tfidf.weighting)
    let second = try await Pipeline.add(
      articles: [article], to: first.model, cacheDirectory: TextAnalyzerFixture.cache, progress: { _ in })
    #expect(second.added.isEmpty)
    #expect(second.skipped == ["test#1"])
  }

  @Test("content keys are the checksum of the normalised text without whitespace")
  func contentKeys() {
    var articles = Array(SeedModel.model.articles.prefix(40))
    var mixed = articles[0]
    mixed.title = "Ａ\u{3000}b\tc\u{85}d\u{2028}é 低空 经济\u{A0}!"
    mixed.body = ["  line one\r\n", "\u{1F600} x\u{0B}y\u{0C}z"]
    articles.append(mixed)
    for article in articles {
      // The definition, spelled the slow way.
      let text = TextNormalizer.normalize(([article.title] + article.body).joined(separator: "\n"))
      let compact = text.unicodeScalars.filter { !$0.properties.isWhitespace }
      let expected = Checksum.hex(of: Array(compact.map { String($0) }.joined().utf8))
      #expect(Pipeline.contentKey(of: article) == expected, "\(article.id)")
    }
  }

  @Test("the listed whitespace is Unicode's White_Space property, for every non-ASCII scalar")
  func whitespaceList() {
    var mismatches: [UInt32] = []
    for value in UInt32(0x80)...0x10FFFF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      if Pipeline.isNonASCIIWhitespace(value) != scalar.properties.isWhitespace { mismatches.append(value) }
    }
    #expect(mismatches.isEmpty)
  }

  @Test("an article in words the model never saw is flagged for a refit")
  func poorlyRepresented() async throws {
    var article = SeedModel.model.articles[0]
    article.id = "foreign#1"
    article.title = "Quarterly notes"
    article.body = ["Lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt"]
    let result = try await Pipeline.add(
      articles: [article], to: SeedModel.model, cacheDirectory: TextAnalyzerFixture.cache, progress: { _ in })
    #expect(result.added.first?.isPoorlyRepresented == true)
  }
}

enum TextAnalyzerFixture {
  /// A lexicon cache shared by the tests, so the dictionary is compiled once per machine.
  static let cache = FileManager.default.temporaryDirectory.appendingPathComponent("policylens-test-lexicon-cache")

  static func analyzer() throws -> TextAnalyzer {
    try TextAnalyzer(options: SeedModel.model.textAnalysis, cacheDirectory: TextAnalyzerFixture.cache)
  }
}
