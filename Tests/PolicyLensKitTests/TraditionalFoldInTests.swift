import Foundation
import Ingest
import PolicyLensKit
import Testing
import TestSupport
import TextAnalysis

/// An article in traditional characters, added to the seeds model: analysed in simplified
/// characters, it lands on its simplified original.
@Suite("Traditional characters")
struct TraditionalFoldInTests {
  static let fixture = RepositoryPaths.root.appendingPathComponent(
    "Tests/IngestTests/Fixtures/documents/traditional.txt")

  @Test("a traditional copy of a seed article finds the simplified original first")
  func findsOriginal() async throws {
    let corpus = try await CorpusLoader.load(paths: [Self.fixture.path])
    let model = SeedModel.model
    let result = try await Pipeline.add(
      articles: corpus.articles, to: model, cacheDirectory: TextAnalyzerFixture.cache, progress: { _ in })
    let report = try #require(result.added.first)
    #expect(report.unknownShare < 0.1, "unknown share \(report.unknownShare)")
    let row = try #require(result.model.articles.firstIndex { $0.id == report.id })
    #expect(result.model.articles[row].title == "長三角加速低空經濟產業佈局")
    let matches = try QueryModel(model: result.model).similar(toArticle: row, request: SimilarityRequest(count: 3))
    #expect(matches.first?.id == "2024-21#1")
  }

  @Test("without folding, most of its terms are unknown to the model")
  func unfolded() async throws {
    let corpus = try await CorpusLoader.load(
      paths: [Self.fixture.path], options: CorpusLoader.Options(foldsTraditional: false))
    #expect(corpus.articles.first?.simplified == nil)
    let result = try await Pipeline.add(
      articles: corpus.articles, to: SeedModel.model, cacheDirectory: TextAnalyzerFixture.cache, progress: { _ in })
    let report = try #require(result.added.first)
    #expect(report.unknownShare > 0.5, "unknown share \(report.unknownShare)")
  }

  @Test("a query in traditional characters ranks like its simplified form")
  func traditionalQuery() throws {
    let model = SeedModel.model
    let analyzer = try TextAnalyzer(options: model.textAnalysis, cacheDirectory: TextAnalyzerFixture.cache)
    let queries = QueryModel(model: model)
    let request = SimilarityRequest(count: 5)
    let traditional = try queries.similar(toText: "長三角低空經濟 無人機", analyzer: analyzer, request: request)
    let simplified = try queries.similar(toText: "长三角低空经济 无人机", analyzer: analyzer, request: request)
    #expect(traditional.map(\.id) == simplified.map(\.id))
    #expect(traditional.first?.id == "2024-21#1")
  }
}
