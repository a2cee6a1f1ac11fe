import Foundation
import Testing

@testable import Ingest
import TestSupport

@Suite("ChineseScriptFolding")
struct ChineseScriptFoldingTests {
  @Test("Taiwan and Hong Kong text folds to mainland simplified, line breaks kept")
  func folds() throws {
    let folding = try #require(ChineseScriptFolding.shared, "OpenCC (libopencc) is not installed: run scripts/setup.sh")
    #expect(folding.fold("長三角加速低空經濟產業佈局\n軟體與資訊服務") == "长三角加速低空经济产业布局\n软件与信息服务")
    // Hong Kong variant forms (裏, 綫) fold too.
    #expect(folding.fold("港鐵沿綫") == "港铁沿线")
    #expect(folding.fold("裏面") == "里面")
  }

  @Test("only text that folding changes substantially counts as traditional")
  func detection() throws {
    let folding = try #require(ChineseScriptFolding.shared)
    #expect(ChineseScriptFolding.foldIfTraditional("長三角加速低空經濟產業佈局") == "长三角加速低空经济产业布局")
    let seed = try String(
      contentsOf: RepositoryPaths.seeds.appendingPathComponent("000_01685ed864da3128.txt"), encoding: .utf8)
    #expect(ChineseScriptFolding.foldIfTraditional(seed) == nil)
    #expect(ChineseScriptFolding.changedShare(from: seed, to: folding.fold(seed)) < 0.01)
    #expect(ChineseScriptFolding.foldIfTraditional("ESG 2024") == nil)
  }
}

extension ChineseScriptFoldingTests {
  @Test("a text is judged first by the characters folding changes on their own, without converting it")
  func estimate() throws {
    let simplified = String(repeating: "低空经济产业发展很快。\n", count: 2_000)
    let traditional = String(repeating: "低空經濟產業發展很快。\n", count: 2_000)
    #expect(ChineseScriptFolding.estimatedShare(of: simplified) == 0)
    // 經 濟 產 業 發 change, 低 空 展 很 快 do not.
    #expect(abs(ChineseScriptFolding.estimatedShare(of: traditional) - 0.5) < 1e-12)
    #expect(ChineseScriptFolding.foldIfTraditional(simplified) == nil)
    #expect(ChineseScriptFolding.foldIfTraditional(traditional) == simplified)
    // Traditional text only at the end of a long file is still found.
    #expect(ChineseScriptFolding.foldIfTraditional(simplified + traditional.prefix(30_000)) != nil)
    // The seeds, in simplified characters, are far below the share; their folding changes
    // under 1 % of their characters, phrases included.
    for name in try FileManager.default.contentsOfDirectory(atPath: RepositoryPaths.seeds.path) {
      let text = try String(contentsOf: RepositoryPaths.seeds.appendingPathComponent(name), encoding: .utf8)
      #expect(ChineseScriptFolding.estimatedShare(of: text) < 0.01, "\(name)")
    }
  }
}

extension ChineseScriptFoldingTests {
  @Test("the estimate decodes UTF-8 as the scalars read it: one, two, three and four-byte scalars")
  func estimateDecodesEveryWidth() {
    // ASCII, Latin-1, Han that folds and that does not, compatibility ideographs, Extension A
    // and B (four bytes), punctuation and an emoji.
    let alphabet: [Unicode.Scalar] = [
      "a", "\n", "é", "ß", "經", "经", "濟", "空", "豈", "\u{3400}", "\u{4DB5}", "\u{20000}", "\u{2A6D6}", "。", "😀",
      "\u{9FFF}", "\u{A000}",
    ]
    var generator = SplitMix64(seed: 61)
    for trial in 0..<300 {
      var text = String.UnicodeScalarView()
      for _ in 0..<Int(generator.next() % 40) { text.append(alphabet[Int(generator.next() % UInt64(alphabet.count))]) }
      let scalars = Array(text)
      let han = scalars.count(where: ChineseScriptFolding.isHan)
      let changing = scalars.count { ChineseScriptFolding.isHan($0) && TraditionalIdeographs.changesAlone($0) }
      let expected = han == 0 ? 0 : Double(changing) / Double(han)
      #expect(ChineseScriptFolding.estimatedShare(of: String(text)) == expected, "trial \(trial): \(String(text))")
    }
  }
}

extension ChineseScriptFoldingTests {
  /// The committed table is what OpenCC does to each ideograph on its own.
  ///
  /// The whole block is folded one character per line and compared with
  /// ``TraditionalIdeographs``, bit for bit. `RECORD_GOLDEN=1` rewrites the table from this
  /// machine's OpenCC (the run then fails on purpose, so a recording is never mistaken for a
  /// pass).
  @Test("the table of ideographs that fold on their own is OpenCC's")
  func table() throws {
    let folding = try #require(ChineseScriptFolding.shared)
    let range = TraditionalIdeographs.range
    let ideographs = range.compactMap(Unicode.Scalar.init)
    try #require(ideographs.count == range.count)
    let folded = folding.fold(ideographs.map { String($0) }.joined(separator: "\n"))
      .split(separator: "\n", omittingEmptySubsequences: false)
    try #require(folded.count == ideographs.count)
    let changes = zip(ideographs, folded).map { String($0) != $1 }
    if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
      try Self.record(changes)
      Issue.record("recorded Sources/Ingest/Documents/TraditionalIdeographs.swift; run again without RECORD_GOLDEN")
      return
    }
    let mismatches = zip(ideographs, changes).filter { TraditionalIdeographs.changesAlone($0) != $1 }
    #expect(
      mismatches.isEmpty,
      "\(mismatches.count) ideographs differ, e.g. \(mismatches.prefix(5).map { String($0.0) }.joined()): run RECORD_GOLDEN=1 swift test --filter ChineseScriptFoldingTests"
    )
    // Simplified characters stay, traditional ones fold (a check on the check).
    #expect(!TraditionalIdeographs.changesAlone("经") && TraditionalIdeographs.changesAlone("經"))
    #expect(changes.count { $0 } > 2_000)
  }

  private static func record(_ changes: [Bool]) throws {
    var words = [UInt64](repeating: 0, count: (changes.count + 63) / 64)
    for (offset, changes) in changes.enumerated() where changes { words[offset >> 6] |= 1 << UInt64(offset & 63) }
    let lines = stride(from: 0, to: words.count, by: 4).map { start in
      "    "
        + words[start..<min(words.count, start + 4)].map { String(format: "0x%016llx,", $0) }.joined(separator: " ")
    }
    let url = RepositoryPaths.root.appendingPathComponent("Sources/Ingest/Documents/TraditionalIdeographs.swift")
    let source = try String(contentsOf: url, encoding: .utf8)
    guard let start = source.range(of: "static let bits: [UInt64] = [") else { return }
    let table = "static let bits: [UInt64] = [\n" + lines.joined(separator: "\n") + "\n  ]\n}\n"
    try (String(source[..<start.lowerBound]) + table).write(to: url, atomically: true, encoding: .utf8)
  }
}
