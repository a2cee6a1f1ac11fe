import Foundation
import Testing

@testable import TextAnalysis

@Suite struct UserDictionaryTests {
  @Test("parses words, frequencies, tags and comments")
  func parsing() throws {
    let dictionary = try UserDictionary(
      parsing: "# comment\n\n低空经济\n新质生产力 1000\n耐心资本 n\n碳足迹 20 nz\n  # indented comment\n", source: "test")
    #expect(
      dictionary.entries == [
        .init(word: "低空经济"), .init(word: "新质生产力", frequency: 1000), .init(word: "耐心资本", tag: "n"),
        .init(word: "碳足迹", frequency: 20, tag: "nz"),
      ])
  }

  @Test(
    "malformed lines name source and line",
    arguments: [("a b c d", 1), ("好\n低空 x1", 2), ("低空，经济", 1), ("低空 -3", 1)])
  func malformed(text: String, line: Int) {
    #expect {
      try UserDictionary(parsing: text, source: "u.txt")
    } throws: { error in
      guard case .malformedUserDictionary(let source, let reported, _, _) = error as? TextAnalysisError else {
        return false
      }
      return source == "u.txt" && reported == line
    }
  }

  @Test("a missing file is a typed error")
  func missing() {
    #expect(throws: TextAnalysisError.userDictionaryNotFound(path: "/nonexistent/userdict.txt")) {
      try UserDictionary(contentsOf: URL(fileURLWithPath: "/nonexistent/userdict.txt"))
    }
  }

  @Test("frequency 0 removes a word; an explicit frequency is used as given")
  func frequencies() throws {
    let base = try #require(TestAnalyzers.plain)
    #expect(base.tokens(in: "清华大学").count == 1)
    let removed = try TextAnalyzer(
      options: TextAnalysisOptions(
        lexiconPath: TestAnalyzers.lexiconPath,
        userDictionary: UserDictionary(entries: [.init(word: "清华大学", frequency: 0)])),
      cacheDirectory: TestAnalyzers.cacheDirectory)
    #expect(removed.tokens(in: "清华大学").count > 1)
    #expect(!removed.containsWord("清华大学"))
  }
}
