import Foundation
import Testing
import TestSupport

@testable import policylens

@Suite("show: one article")
struct ShowTests {
  @Test("--json has every field of the article, its places, themes, cluster and similar articles (shape golden)")
  func jsonShape() async throws {
    let run = await CLIRunner.run(["show", "2024-8#5", "--json"] + CLIRunner.modelArguments())
    #expect(run.exitCode == 0)
    let object = try JSONSerialization.jsonObject(with: Data(run.output.utf8))
    let shape = try JSONSerialization.data(
      withJSONObject: Self.shape(of: object), options: [.sortedKeys, .prettyPrinted])
    expectMatchesGolden(String(decoding: shape, as: UTF8.self), named: "show-shape.json", in: CLIRunner.goldenDirectory)
    let document = try #require(object as? [String: Any])
    #expect(document["id"] as? String == "2024-8#5")
    #expect(document["primaryPlace"] as? String == "广州")
    let similar = try #require(document["similar"] as? [[String: Any]])
    #expect(similar.count == 3)
    #expect(similar.allSatisfy { $0["city"] as? String != "广州" }, "a similar article from the article's own place")
  }

  @Test("the text view fits 80 columns, keeps the id whole and shows the body's paragraphs")
  func textAt80Columns() async throws {
    let run = await CLIRunner.run(["show", "digest-2023-25#28"] + CLIRunner.modelArguments(), width: 80)
    #expect(run.exitCode == 0)
    let lines = run.output.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.first?.hasPrefix("digest-2023-25#28  ") == true)
    for line in lines { #expect(DisplayWidth.of(line) <= 80, "wider than 80 columns: \(line)") }
    #expect(run.output.contains("Similar in other places:"))
    #expect(run.output.contains("\n\n"), "paragraphs are not separated")
  }

  @Test("an unknown id exits 66 with the closest ids")
  func unknownID() async {
    let run = await CLIRunner.run(["show", "2024-21#99", "--model", CLIRunner.seedModel])
    #expect(run.exitCode == 66)
    #expect(run.diagnostics.contains("2024-21#9"))
  }

  @Test("wrapping keeps lines within the width, Latin words whole, and no line starts with closing punctuation")
  func wrapping() {
    let text = "近日，工业和信息化部低空产业发展领导小组成立，并举行第一次全体会议。eVTOL 产业集群已经形成，研发制造类企业约占 10%。"
    for width in 8...40 {
      let lines = TextWrapping.lines(of: text, width: width)
      #expect(lines.joined().filter { !$0.isWhitespace } == text.filter { !$0.isWhitespace })
      for line in lines {
        #expect(DisplayWidth.of(line) <= width, "\(width): \(line)")
        #expect(!TextWrapping.closingPunctuation.contains(line.first ?? "x"), "\(width): \(line)")
      }
      #expect(lines.contains { $0.contains("eVTOL") })
    }
  }

  /// The JSON's structure with every value replaced by its type: `"number"`, or `"text"` for a
  /// string or null (whether an optional field is present is the article's, not the format's);
  /// an array becomes its first element's shape.
  static func shape(of value: Any) -> Any {
    switch value {
    case let object as [String: Any]: object.mapValues(shape(of:))
    case let array as [Any]: array.first.map { [shape(of: $0)] } ?? []
    case is NSNumber: "number"
    default: "text"
    }
  }
}
