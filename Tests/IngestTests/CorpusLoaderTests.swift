import Foundation
import Testing

import FileIntegrity
@testable import Ingest
import TestSupport

@Suite("CorpusLoader")
struct CorpusLoaderTests {
  /// A fresh temporary folder per test.
  func temporaryFolder() throws -> String {
    let path = NSTemporaryDirectory() + "ingest-tests-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  func write(_ bytes: [UInt8], to path: String) throws {
    try Data(bytes).write(to: URL(fileURLWithPath: path))
  }

  @Test("loads the seeds folder in file-name order")
  func seeds() async throws {
    let corpus = try await CorpusLoader.load(paths: [RepositoryPaths.seeds.path])
    #expect(corpus.newsletters.map(\.file) == NewsletterParserSeedTests.files)
    #expect(corpus.articles.count == corpus.newsletters.reduce(0) { $0 + $1.articles.count })
    #expect(corpus.articles.count == 106)
    #expect(corpus.warnings.isEmpty, "\(corpus.warnings)")
  }

  @Test("throws pathNotFound for a missing path")
  func missingPath() async {
    await #expect(throws: IngestError.pathNotFound(path: "/no/such/place")) {
      try await CorpusLoader.load(paths: ["/no/such/place"])
    }
  }

  @Test("throws noTextFiles for a folder without .txt files")
  func noTextFiles() async throws {
    let folder = try temporaryFolder()
    try write(Array("hello".utf8), to: folder + "/readme.md")
    await #expect(throws: IngestError.noTextFiles(directory: folder)) {
      try await CorpusLoader.load(paths: [folder])
    }
  }

  @Test("skips an empty file with a warning")
  func emptyFile() async throws {
    let folder = try temporaryFolder()
    try write([], to: folder + "/a.txt")
    try write(Array(" \n\r\n".utf8), to: folder + "/b.txt")
    let corpus = try await CorpusLoader.load(paths: [folder])
    #expect(corpus.newsletters.isEmpty)
    #expect(corpus.warnings == [.emptyFile(file: "a.txt"), .emptyFile(file: "b.txt")])
  }

  @Test("throws binaryFile naming the line of the first NUL byte")
  func binaryFile() async throws {
    let folder = try temporaryFolder()
    let path = folder + "/image.txt"
    try write(Array("line one\nline two\n".utf8) + [0x89, 0x50, 0x00, 0x01], to: path)
    await #expect(throws: IngestError.binaryFile(path: path, line: 3)) {
      try await CorpusLoader.load(paths: [path])
    }
  }

  @Test("of several bad files, the error names the first in file order, as a serial run would")
  func firstErrorInFileOrder() async throws {
    let folder = try temporaryFolder()
    let seed = try Data(contentsOf: RepositoryPaths.seeds.appendingPathComponent("002_978983cdd4d6daa1.txt"))
    for index in 0..<24 {
      let path = folder + String(format: "/%02d.txt", index)
      if index == 9 || index == 17 {
        try write(Array("line one\n".utf8) + [0x00], to: path)
      } else {
        try seed.write(to: URL(fileURLWithPath: path))
      }
    }
    await #expect(throws: IngestError.binaryFile(path: folder + "/09.txt", line: 2)) {
      try await CorpusLoader.load(paths: [folder])
    }
  }

  @Test("decodes a GB18030 copy of a seed to the same articles, with a warning")
  func gb18030() async throws {
    let path = try #require(Bundle.module.resourceURL?.appendingPathComponent("Fixtures/gb18030/004-gb18030.txt").path)
    let corpus = try await CorpusLoader.load(paths: [path])
    let reference = try SeedFixture.parsedSeed("004_ed97ee6178b6ef7d.txt")
    #expect(corpus.articles.map(\.title) == reference.articles.map(\.title))
    #expect(corpus.articles.map(\.body) == reference.articles.map(\.body))
    #expect(corpus.warnings == [.decoded(file: "004-gb18030.txt", encoding: .gb18030)])
  }

  @Test("reads a UTF-8 file with BOM and CRLF line endings like the plain file")
  func bomAndCRLF() async throws {
    let folder = try temporaryFolder()
    let text = try fixtureText("biweekly-edge.txt")
    try write(
      [0xEF, 0xBB, 0xBF] + Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8), to: folder + "/x.txt")
    let corpus = try await CorpusLoader.load(paths: [folder])
    let reference = NewsletterParser.parse(text, file: "x.txt")
    #expect(corpus.articles == reference.articles)
    #expect(corpus.warnings.isEmpty)
  }

  @Test("warns about the same issue loaded twice")
  func duplicateIDs() async throws {
    let seed = RepositoryPaths.seeds.appendingPathComponent("002_978983cdd4d6daa1.txt").path
    let folder = try temporaryFolder()
    try FileManager.default.copyItem(atPath: seed, toPath: folder + "/copy.txt")
    let corpus = try await CorpusLoader.load(paths: [seed, folder])
    #expect(
      corpus.warnings.first == .duplicateArticleID(id: "2024-8#1", files: ["002_978983cdd4d6daa1.txt", "copy.txt"]))
    #expect(corpus.warnings.count == corpus.newsletters[0].articles.count)
  }

  @Test("error messages name the file and say what to do")
  func messages() {
    let cases: [IngestError] = [
      .pathNotFound(path: "p"), .unreadable(path: "p", reason: "r"), .noTextFiles(directory: "p"),
      .binaryFile(path: "p", line: 3),
    ]
    for error in cases {
      #expect(error.description.contains("p"))
      #expect(error.description.count > 30)
    }
  }

  @Test("records each newsletter's path, size and checksum as read, per folder")
  func sources() async throws {
    let seeds = try RepositoryPaths.seedFiles()
    let first = try temporaryFolder() + "/a"
    let second = try temporaryFolder() + "/b"
    for folder in [first, second] {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }
    // The same file name in two folders, with different newsletters in it.
    try FileManager.default.copyItem(atPath: seeds[0].path, toPath: first + "/issue.txt")
    try FileManager.default.copyItem(atPath: seeds[1].path, toPath: second + "/issue.txt")
    let corpus = try await CorpusLoader.load(paths: [first, second])
    #expect(corpus.newsletters.map(\.file) == ["issue.txt", "issue.txt"])
    #expect(corpus.sources.map(\.path) == [first + "/issue.txt", second + "/issue.txt"])
    for (source, seed) in zip(corpus.sources, seeds) {
      let bytes = try Data(contentsOf: seed)
      #expect(source.byteCount == bytes.count)
      #expect(source.checksum == Checksum.hex(of: bytes))
    }
    #expect(corpus.sources[0].checksum != corpus.sources[1].checksum)
  }

  @Test("an empty file has no source entry, like it has no newsletter")
  func emptyFileHasNoSource() async throws {
    let folder = try temporaryFolder()
    try write([], to: folder + "/a.txt")
    try FileManager.default.copyItem(atPath: try RepositoryPaths.seedFiles()[0].path, toPath: folder + "/b.txt")
    let corpus = try await CorpusLoader.load(paths: [folder])
    #expect(corpus.sources.map(\.path) == [folder + "/b.txt"])
  }
}
