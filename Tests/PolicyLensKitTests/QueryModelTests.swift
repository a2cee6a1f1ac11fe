import Foundation
import LinearAlgebra
import ModelStore
@testable import PolicyLensKit
import Testing
import TestSupport

@Suite("QueryModel")
struct QueryModelTests {
  static let mapped: QueryModel = {
    do {
      return try QueryModel(directory: SeedModel.directory)
    } catch {
      fatalError("models/seeds does not open for queries: \(error)")
    }
  }()

  @Test("the memory-mapped view answers exactly like the in-memory model")
  func mappedEqualsInMemory() throws {
    let memory = QueryModel(model: SeedModel.model)
    let mapped = Self.mapped
    #expect(Array(mapped.articles) == Array(memory.articles))
    for row in stride(from: 0, to: memory.articles.count, by: 7) {
      let request = SimilarityRequest(count: 5, excludesOwnRegion: true)
      #expect(try mapped.similar(toArticle: row, request: request) == memory.similar(toArticle: row, request: request))
    }
  }

  @Test("opened without the text-analysis parameters, a model answers queries by id exactly as with them")
  func withoutTextAnalysis() throws {
    let lean = try QueryModel(directory: SeedModel.directory, withTextAnalysis: false)
    #expect(!lean.hasTextAnalysis && Self.mapped.hasTextAnalysis)
    #expect(lean.manifest.parameters.textAnalysis.stopWords.isEmpty)
    #expect(!Self.mapped.manifest.parameters.textAnalysis.stopWords.isEmpty)
    #expect(lean.manifest.parameters.tfidf == Self.mapped.manifest.parameters.tfidf)
    for row in stride(from: 0, to: lean.articles.count, by: 9) {
      let request = SimilarityRequest(count: 5)
      #expect(
        try lean.similar(toArticle: row, request: request) == Self.mapped.similar(toArticle: row, request: request))
    }
  }

  @Test("a column index out of range is found in any stretch of a large index (checked on every core)")
  func columnCheckCoversEveryStretch() throws {
    let count = 3 << 20
    let starts = NumPyArray<Int32>([0, Int32(count / 2), Int32(count)])
    let valid = [Int32](repeating: 9, count: count)
    try QueryModel.checkRows(rowStarts: starts, columns: NumPyArray(valid), columnCount: 10, path: "tfidf_indptr.npy")
    for position in [0, count / 2 + 1, count - 1] {
      var damaged = valid
      damaged[position] = position == 0 ? -1 : 10
      #expect(throws: ModelStoreError.self, "column \(position)") {
        try QueryModel.checkRows(
          rowStarts: starts, columns: NumPyArray(damaged), columnCount: 10, path: "tfidf_indptr.npy")
      }
    }
  }

  @Test("every stored latent row has unit length, and every score lies in [−1, 1]")
  func unitRowsAndScoreRange() throws {
    let model = Self.mapped
    for row in model.articles.indices {
      expectClose(l2Norm(model.unitVector(row)), 1, tolerance: .decomposition)
    }
    let results = try model.similar(toArticle: 0, request: SimilarityRequest(count: model.articles.count))
    #expect(results.allSatisfy { (-1 - 1e-12...1 + 1e-12).contains($0.score) })
    #expect(results.allSatisfy { (0...1 + 1e-12).contains($0.lexicalScore) })
  }

  @Test("--other-regions keeps other roundups: the low-altitude roundup still finds the other roundups")
  func roundupsAreNotOneRegion() throws {
    let model = Self.mapped
    let row = try #require(model.row(ofArticle: "2024-21#1"))
    #expect(model.articles[row].region == "区域")
    let results = try model.similar(toArticle: row, request: SimilarityRequest(count: 200, excludesOwnRegion: true))
    #expect(results.contains { $0.region == "区域" }, "roundups were dropped as if they were one region")
    let shanghai = try #require(model.row(ofArticle: "2024-21#4"))
    let others = try model.similar(toArticle: shanghai, request: SimilarityRequest(count: 200, excludesOwnRegion: true))
    #expect(!others.contains { $0.region == "上海" })
  }

  @Test("results are ordered, exclude the query, and respect the filters")
  func filters() throws {
    let model = Self.mapped
    let row = try #require(model.row(ofArticle: "2024-21#4"))
    let own = model.articles[row].region
    let results = try model.similar(
      toArticle: row, request: SimilarityRequest(count: 8, excludesOwnRegion: true, keepsOnePerRegion: true))
    #expect(results.count == 8)
    #expect(results.map(\.score) == results.map(\.score).sorted(by: >))
    #expect(!results.contains { $0.id == "2024-21#4" || $0.region == own })
    #expect(Set(results.map(\.region)).count == results.count)
    let dated = try model.similar(
      toArticle: row, request: SimilarityRequest(count: 50, since: "2024-03", until: "2024-04"))
    #expect(!dated.isEmpty)
    #expect(dated.allSatisfy { ($0.date ?? "") >= "2024-03-01" && ($0.date ?? "") <= "2024-04-30" })
    let guangdong = try model.similar(toArticle: row, request: SimilarityRequest(count: 50, region: "深圳"))
    #expect(!guangdong.isEmpty && guangdong.allSatisfy { $0.city == "深圳" })
  }

  @Test("a truncated mapped file is reported, not read past its end")
  func truncatedMappedFile() async throws {
    try await SeedModel.withTemporaryDirectory { folder in
      let directory = folder.appendingPathComponent("m")
      try await SeedModel.model.save(to: directory)
      let file = directory.appendingPathComponent(ModelFile.tfidfValues.name)
      let data = try Data(contentsOf: file)
      try data.prefix(data.count - 8).write(to: file)
      #expect(throws: ModelStoreError.self) { try QueryModel(directory: directory) }
    }
  }
}
