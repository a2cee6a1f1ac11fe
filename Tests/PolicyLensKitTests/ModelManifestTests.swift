import FileIntegrity
import Foundation
import Ingest
import PolicyLensKit
import Testing
import TestSupport

@Suite("ModelManifest")
struct ModelManifestTests {
  @Test("the corpus summary records each file as ingest read it, even two with the same name")
  func corpusSummary() async throws {
    try await SeedModel.withTemporaryDirectory { folder in
      let seeds = try RepositoryPaths.seedFiles()
      let first = folder.appendingPathComponent("a")
      let second = folder.appendingPathComponent("b")
      for (directory, seed) in [(first, seeds[0]), (second, seeds[1])] {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: seed, to: directory.appendingPathComponent("issue.txt"))
      }
      let corpus = try await CorpusLoader.load(paths: [first.path, second.path])
      let summary = ModelManifest.CorpusSummary(corpus)
      #expect(summary.files.map(\.name) == ["issue.txt", "issue.txt"])
      let expected = try seeds.prefix(2).map { try Data(contentsOf: $0) }
      #expect(summary.files.map(\.checksum) == expected.map { Checksum.hex(of: $0) })
      #expect(summary.files.map(\.bytes) == expected.map(\.count))
      #expect(summary.files[0].checksum != summary.files[1].checksum)
    }
  }

  @Test("the committed model's corpus summary matches the seeds as read today")
  func committedCorpus() async throws {
    let corpus = try await CorpusLoader.load(paths: [RepositoryPaths.seeds.path])
    let manifest = try ModelManifest.load(from: SeedModel.directory)
    #expect(ModelManifest.CorpusSummary(corpus) == manifest.corpus)
  }
}
