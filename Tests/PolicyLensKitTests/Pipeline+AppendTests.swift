import Foundation
import Ingest
import ModelStore
import PolicyLensKit
import Testing
import TestSupport

@Suite("add to a model folder: segments")
struct PipelineAppendTests {
  /// Articles new to the seeds model: copies of its articles with one paragraph more, under new ids.
  static func newArticles(_ rows: Range<Int>, tag: String) -> [Article] {
    rows.map { row in
      var article = SeedModel.model.articles[row]
      article.id = "\(tag)#\(row)"
      article.body.append("\(tag)段落\(row)：推进低空经济与绿色金融协同发展。")
      return article
    }
  }

  /// The model as today's `add` leaves it: loaded whole, extended in memory, saved whole.
  static func rewritten(_ directory: URL, adding articles: [Article], into reference: URL) async throws -> PolicyModel {
    let model = try PolicyModel.load(from: directory)
    let result = try await Pipeline.add(
      articles: articles, to: model, cacheDirectory: TextAnalyzerFixture.cache, progress: { _ in })
    try await result.model.save(to: reference)
    return try PolicyModel.load(from: reference)
  }

  static func add(
    _ articles: [Article], to directory: URL, compacting: Bool = false
  ) async throws -> (added: [FoldInReport], skipped: [String], storage: Pipeline.AddStorage?) {
    try await Pipeline.add(
      articles: articles, toModelAt: directory, compacting: compacting, cacheDirectory: TextAnalyzerFixture.cache,
      progress: { _ in })
  }

  /// Everything commands read of two models is equal (whole load and query view).
  static func expectSameModel(_ directory: URL, _ reference: URL) throws {
    let loaded = try PolicyModel.load(from: directory)
    let expected = try PolicyModel.load(from: reference)
    #expect(loaded.articles == expected.articles)
    #expect(loaded.tfidf == expected.tfidf)
    #expect(loaded.lsa == expected.lsa)
    #expect(loaded.latentVectors == expected.latentVectors)
    #expect(loaded.themeEvidence == expected.themeEvidence)
    #expect(loaded.manifest.foldedInArticleCount == expected.manifest.foldedInArticleCount)
    #expect(try PolicyModel.loadArticles(from: directory) == expected.articles)
    var summaries = try PolicyModel.load(from: directory, articleText: false)
    #expect(summaries.articles.map(\.id) == expected.articles.map(\.id))
    let rows = [0, expected.articles.count - 1]
    #expect(try summaries.fullArticles(atRows: rows, from: directory) == rows.map { expected.articles[$0] })
    try summaries.loadArticleText(from: directory)
    #expect(summaries.articles == expected.articles)
    // The light load of tag, themes and timeline (mapped unit rows, no TF-IDF rows or
    // coordinates) joins the segments too, and reads them later on demand.
    var light = try PolicyModel.load(
      from: directory, articleText: false, termWeights: false, documentCoordinates: false)
    if let catalog = expected.fittedThemeCatalog {
      #expect(try light.themes(from: catalog).articles == (try expected.themes(from: catalog).articles))
    }
    try light.loadTermWeights(from: directory)
    try light.loadDocumentCoordinates(from: directory)
    #expect(light.tfidf == expected.tfidf)
    #expect(light.lsa == expected.lsa)

    let query = try QueryModel(directory: directory)
    let expectedQuery = try QueryModel(directory: reference)
    #expect(query.articles.ids == expectedQuery.articles.ids)
    for row in 0..<expected.articles.count {
      #expect(query.unitVector(row) == expectedQuery.unitVector(row), "latent row \(row)")
      #expect(query.weightsRow(row).map(\.column) == expectedQuery.weightsRow(row).map(\.column), "row \(row)")
      #expect(query.weightsRow(row).map(\.value) == expectedQuery.weightsRow(row).map(\.value), "row \(row)")
    }
  }

  /// Turns a model into one written before `content_keys.txt` existed: the file and its
  /// manifest entry removed.
  static func removeContentKeys(from directory: URL) throws {
    let manifestURL = directory.appendingPathComponent(ModelFile.manifest.name)
    var manifest = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: manifestURL)) as? [String: Any])
    var files = try #require(manifest["files"] as? [String: Any])
    files[ModelFile.contentKeys.name] = nil
    manifest["files"] = files
    try JSONSerialization.data(withJSONObject: manifest, options: [.prettyPrinted, .sortedKeys]).write(to: manifestURL)
    try FileManager.default.removeItem(at: directory.appendingPathComponent(ModelFile.contentKeys.name))
  }

  static func names(in directory: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
  }

  @Test("an add writes a segment beside the unchanged files, and loading sees what a rewrite would")
  func addThenLoad() async throws {
    try await SeedModel.withTemporaryDirectory { folder in
      let directory = folder.appendingPathComponent("m")
      let before = try await SeedModel.model.save(to: directory)
      func inode(_ name: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent(name).path)
        return try #require(attributes[.systemFileNumber] as? Int)
      }
      let inodes = try before.files.keys.sorted().map(inode)
      let articles = Self.newArticles(0..<3, tag: "seg")
      let reference = try await Self.rewritten(directory, adding: articles, into: folder.appendingPathComponent("r"))

      let result = try await Self.add(articles, to: directory)
      #expect(result.storage == .segment)
      #expect(result.added.map(\.id) == articles.map(\.id))
      try Self.expectSameModel(directory, folder.appendingPathComponent("r"))
      #expect(reference.articles.count == SeedModel.model.articles.count + 3)

      let manifest = try ModelManifest.load(from: directory)
      #expect(manifest.segments == [3])
      #expect(manifest.formatVersion == ModelManifest.segmentedFormatVersion)
      #expect(try before.files.keys.sorted().map(inode) == inodes, "a base file was rewritten, not linked")
      for (name, entry) in before.files { #expect(manifest.files[name] == entry, "\(name) changed") }
      #expect(try Self.names(in: directory).contains("articles.seg-1.jsonl"))
      #expect(try Self.names(in: folder) == ["m", "r"], "staging left behind")
    }
  }

  @Test("two successive adds append two segments; a text already in a segment is skipped")
  func twoAdds() async throws {
    try await SeedModel.withTemporaryDirectory { folder in
      let directory = folder.appendingPathComponent("m")
      let reference = folder.appendingPathComponent("r")
      try await SeedModel.model.save(to: directory)
      try await SeedModel.model.save(to: reference)
      let first = Self.newArticles(0..<2, tag: "one")
      var second = Self.newArticles(2..<3, tag: "two")
      // An id already taken by the first segment, with new text: renamed as a rewrite renames it.
      var clash = Self.newArticles(3..<4, tag: "two")[0]
      clash.id = first[0].id
      second.append(clash)

      for batch in [first, second] {
        _ = try await Self.rewritten(reference, adding: batch, into: reference)
        let result = try await Self.add(batch, to: directory)
        #expect(result.storage == .segment)
      }
      #expect(try ModelManifest.load(from: directory).segments == [2, 2])
      try Self.expectSameModel(directory, reference)

      let again = try await Self.add(first + second, to: directory)
      #expect(again.added.isEmpty)
      #expect(again.skipped == (first + second).map(\.id))
      #expect(again.storage == nil)
      #expect(try ModelManifest.load(from: directory).segments == [2, 2])
    }
  }

  /// Segment files, and whether a whole load and a query read them.
  static let segmentReaders: [(file: ModelFile, whole: Bool, query: Bool)] = [
    (.tfidfValues, true, true), (.tfidfRowStarts, true, true), (.documentCoordinates, true, false),
    (.articles, true, false), (.latentUnitRows, false, true), (.articleIndex, false, true),
    (.themeEvidence, true, false), (.contentKeys, false, false),
  ]

  @Test("a changed byte in a segment is reported naming the segment", arguments: 0..<8)
  func corruptedSegment(reader: Int) async throws {
    let (file, whole, query) = Self.segmentReaders[reader]
    try await SeedModel.withTemporaryDirectory { folder in
      let directory = folder.appendingPathComponent("m")
      try await SeedModel.model.save(to: directory)
      _ = try await Self.add(Self.newArticles(0..<2, tag: "bad"), to: directory)
      let url = directory.appendingPathComponent(file.segmentName(1))
      var data = try Data(contentsOf: url)
      data[data.count - 3] ^= 0x5A
      try data.write(to: url)
      let mismatch = ModelStoreError.checksumMismatch(path: url.path)
      if whole { #expect(throws: mismatch) { try PolicyModel.load(from: directory) } }
      if query { #expect(throws: mismatch) { try QueryModel(directory: directory) } }
      // The next add reads the content keys and the index: it refuses rather than guess.
      if file == .contentKeys || file == .articleIndex {
        await #expect(throws: mismatch) { try await Self.add(Self.newArticles(2..<3, tag: "bad"), to: directory) }
      }
      try FileManager.default.removeItem(at: url)
      if whole { #expect(throws: ModelStoreError.self) { try PolicyModel.load(from: directory) } }
      if query { #expect(throws: ModelStoreError.self) { try QueryModel(directory: directory) } }
    }
  }

  @Test("a compacting add, or one on a model without content keys, rewrites one base file each")
  func compaction() async throws {
    try await SeedModel.withTemporaryDirectory { folder in
      let directory = folder.appendingPathComponent("m")
      let reference = folder.appendingPathComponent("r")
      // A model written before content_keys.txt existed (the seeds model without it): its
      // first add rewrites it whole.
      try FileManager.default.copyItem(at: SeedModel.directory, to: directory)
      try FileManager.default.copyItem(at: SeedModel.directory, to: reference)
      try Self.removeContentKeys(from: directory)
      #expect(!(try Self.names(in: directory).contains(ModelFile.contentKeys.name)))
      let batches = [
        Self.newArticles(0..<1, tag: "a"), Self.newArticles(1..<3, tag: "b"), Self.newArticles(3..<4, tag: "c"),
      ]
      #expect(try await Self.add(batches[0], to: directory).storage == .rewritten)
      #expect(try Self.names(in: directory).contains(ModelFile.contentKeys.name))
      #expect(try await Self.add(batches[1], to: directory).storage == .segment)
      #expect(try await Self.add(batches[2], to: directory, compacting: true).storage == .rewritten)
      for batch in batches { _ = try await Self.rewritten(reference, adding: batch, into: reference) }

      let manifest = try ModelManifest.load(from: directory)
      #expect(manifest.segments == nil)
      #expect(manifest.formatVersion == ModelManifest.currentFormatVersion)
      #expect(try Self.names(in: directory).allSatisfy { ModelFile.segment(named: $0) == nil })
      try Self.expectSameModel(directory, reference)
    }
  }

  @Test("replacing the theme definitions keeps the segments, and the next add rewrites the evidence whole")
  func replacedThemes() async throws {
    try await SeedModel.withTemporaryDirectory { folder in
      let directory = folder.appendingPathComponent("m")
      try await SeedModel.model.save(to: directory)
      #expect(try await Self.add(Self.newArticles(0..<2, tag: "t"), to: directory).storage == .segment)
      let definitions = Data("version: 1\nthemes:\n  - key: a\n    name: 甲\n    seeds: [低空]\n".utf8)
      let manifest = try PolicyModel.replaceThemeDefinitions(definitions, inModelAt: directory)
      #expect(manifest.segments == [2])
      let loaded = try PolicyModel.load(from: directory)
      #expect(loaded.articles.count == SeedModel.model.articles.count + 2)
      #expect(loaded.themeDefinitions == definitions)
      // The stored evidence was counted for the old themes: a segment could not extend it.
      #expect(try await Self.add(Self.newArticles(2..<3, tag: "t"), to: directory).storage == .rewritten)
      #expect(try PolicyModel.load(from: directory).themeEvidence?.table.articleCount == loaded.articles.count + 1)
    }
  }

  @Test("a model with too many segments is rewritten by the next add")
  func segmentLimit() {
    var manifest = SeedModel.model.manifest
    manifest.foldedInArticleCount = Pipeline.maximumSegmentCount
    manifest.segments = Array(repeating: 1, count: Pipeline.maximumSegmentCount - 1)
    #expect(!Pipeline.needsRewrite(manifest))
    manifest.segments?.append(1)
    #expect(Pipeline.needsRewrite(manifest))
  }
}
