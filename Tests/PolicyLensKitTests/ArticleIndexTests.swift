import Foundation
import Testing

@testable import PolicyLensKit

@Suite("ArticleIndex")
struct ArticleIndexTests {
  static let summaries = [
    ArticleSummary(id: "2024-1#1", title: "上海：低空经济", region: "上海", city: nil, date: "2024-01-08", issue: "2024年第1期"),
    ArticleSummary(id: "2024-1#12", title: "深圳\t无人机", region: "广东", city: "深圳", date: nil, issue: "2024年第1期"),
    ArticleSummary(id: "2024-1#2", title: "", region: "区域", city: nil, date: nil, issue: ""),
  ]

  static func tsv(_ lines: [String]) -> Data {
    Data(([ArticleSummary.header] + lines).joined(separator: "\n").utf8 + [0x0A])
  }

  @Test("lines decode to the summaries that wrote them; ids are found by their bytes")
  func roundTrip() throws {
    let data = Self.tsv(Self.summaries.map(\.tsvLine))
    let index = try ArticleIndex.parsing(data).get()
    #expect(index.count == 3)
    var expected = Self.summaries
    expected[1].title = "深圳 无人机"  // a tab inside a field is written as a space
    #expect(Array(index) == expected)
    #expect(index.row(ofID: "2024-1#1") == 0)
    #expect(index.row(ofID: "2024-1#12") == 1)  // not a prefix match on "2024-1#1"
    #expect(index.row(ofID: "2024-1#2") == 2)
    #expect(index.row(ofID: "2024-1#") == nil)
    #expect(index.row(ofID: "2024-1#123") == nil)
    #expect(ArticleIndex(expected).row(ofID: "2024-1#12") == 1)
  }

  @Test("empty lines and a missing final newline are accepted")
  func looseLayout() throws {
    let lines = Self.summaries.map(\.tsvLine)
    let text = ([ArticleSummary.header, lines[0], "", lines[1], lines[2]]).joined(separator: "\n")
    let index = try ArticleIndex.parsing(Data(text.utf8)).get()
    #expect(index.map(\.id) == Self.summaries.map(\.id))
    #expect(try ArticleIndex.parsing(Data(ArticleSummary.header.utf8)).get().isEmpty)
  }

  @Test("a line without six fields is reported with its line number, header counted")
  func malformed() {
    let lines = Self.summaries.map(\.tsvLine)
    let data = Self.tsv([lines[0], lines[1], "2024-1#3\t上海\t\t2024-01-08\t2024年第1期", lines[2]])
    guard case .failure(let malformed) = ArticleIndex.parsing(data) else {
      Issue.record("a five-field line was accepted")
      return
    }
    #expect(malformed.number == 4)
  }
}
