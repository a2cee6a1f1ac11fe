import Foundation
import Testing
import TestSupport

@testable import TextAnalysis

@Suite struct LexiconStoreTests {
  static let smallLexicon = "北京 100 ns\n大学 80 n\n北京大学 50 nt\n清华 30 ns\n清华大学 40 nt\n学 10\n"

  func write(_ text: String, named name: String, in directory: URL) throws -> URL {
    let url = directory.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url
  }

  @Test("the cache is written, reused, and rebuilt when the source changes")
  func cacheLifecycle() throws {
    let directory = try TestAnalyzers.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let source = try write(Self.smallLexicon, named: "dict.txt", in: directory)
    let cache = directory.appendingPathComponent("cache")
    let options = TextAnalysisOptions(lexiconPath: source.path)
    let first = try TextAnalyzer(options: options, cacheDirectory: cache)
    #expect(first.lexiconReport.cacheStatus == .rebuilt)
    let second = try TextAnalyzer(options: options, cacheDirectory: cache)
    #expect(second.lexiconReport.cacheStatus == .hit)
    #expect(second.lexiconReport.checksum == first.lexiconReport.checksum)
    #expect(second.lexiconReport.wordCount == 6)
    #expect(second.tokens(in: "北京大学清华大学").map(\.text) == first.tokens(in: "北京大学清华大学").map(\.text))
    _ = try write(Self.smallLexicon + "大学生 5\n", named: "dict.txt", in: directory)
    let third = try TextAnalyzer(options: options, cacheDirectory: cache)
    #expect(third.lexiconReport.cacheStatus == .rebuilt)
    #expect(third.lexiconReport.checksum != first.lexiconReport.checksum)
    #expect(third.lexiconReport.wordCount == 7)
  }

  @Test("the full jieba lexicon loads from cache, and compiles to the same table")
  func jiebaLexicon() throws {
    let cached = try #require(TestAnalyzers.plain)
    let again = try TextAnalyzer(
      options: TextAnalysisOptions(lexiconPath: TestAnalyzers.lexiconPath), cacheDirectory: TestAnalyzers.cacheDirectory
    )
    #expect(again.lexiconReport.cacheStatus == .hit)
    #expect(again.lexiconReport.wordCount > 340_000)
    let compiled = try TextAnalyzer(
      options: TextAnalysisOptions(lexiconPath: TestAnalyzers.lexiconPath), cacheDirectory: nil)
    #expect(compiled.lexiconReport.cacheStatus == .uncached)
    #expect(compiled.segmenter.lexicon.slots == cached.segmenter.lexicon.slots)
    #expect(compiled.segmenter.lexicon.singles.map(\.bitPattern) == cached.segmenter.lexicon.singles.map(\.bitPattern))
    #expect(compiled.lexiconReport.checksum == cached.lexiconReport.checksum)
  }

  @Test("a missing lexicon names the path")
  func missing() throws {
    let path = "/nonexistent/policylens/dict.txt"
    #expect(throws: TextAnalysisError.lexiconNotFound(path: path)) {
      try TextAnalyzer(options: TextAnalysisOptions(lexiconPath: path), cacheDirectory: nil)
    }
  }

  @Test("a malformed lexicon line is reported with its number")
  func malformed() throws {
    let directory = try TestAnalyzers.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let source = try write("北京 100 ns\n大学 many n\n", named: "bad.txt", in: directory)
    #expect(throws: TextAnalysisError.malformedLexicon(path: source.path, line: 2, content: "大学 many n")) {
      try TextAnalyzer(options: TextAnalysisOptions(lexiconPath: source.path), cacheDirectory: nil)
    }
    let empty = try write("\n\n", named: "empty.txt", in: directory)
    #expect(throws: TextAnalysisError.emptyLexicon(path: empty.path)) {
      try TextAnalyzer(options: TextAnalysisOptions(lexiconPath: empty.path), cacheDirectory: nil)
    }
  }

  @Test("error descriptions say what to do")
  func descriptions() {
    let error = TextAnalysisError.malformedLexicon(path: "d.txt", line: 7, content: "x y")
    #expect(error.description.contains("d.txt:7") && error.description.contains("fix or delete"))
  }
}
