import Foundation
import Testing
import TestSupport

@testable import TextAnalysis

/// The segmenter's exact output, frozen: every token boundary and every term of the seeds,
/// the text fixtures of all test targets and a seeded corpus of spliced seed fragments, under
/// four analyzer configurations, compared with `Fixtures/segmentation_frozen.json`.
///
/// The fixture was recorded from the segmenter before its lexicon layout was optimised
/// (commit df6dee4, the hash-table lexicon), so any change to the DAG, the route, the HMM,
/// protected words or term filtering that moves a single boundary fails here. A deliberate
/// change of output re-records it with `RECORD_GOLDEN=1` (the run then fails on purpose, and
/// the diff is reviewed).
@Suite struct SegmenterFrozenOutputTests {
  struct Fixture: Codable {
    struct Input: Codable {
      var name: String
      /// Token lengths in base 36, `(n)` for 36 or more (as in `jieba_seeds.json`).
      var tokenLengths: String
      var termCount: Int
      /// FNV-1a 64 of the terms' UTF-8, each followed by a NUL byte.
      var termDigest: String
    }
    struct Configuration: Codable {
      var name: String
      var inputs: [Input]
    }
    var recordedFrom: String
    var configurations: [Configuration]
  }

  static let fixtureURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/segmentation_frozen.json")

  /// Phrases standing in for discovered ones: some overlap (`未来产业`, `产业集群`), some
  /// contain lexicon words, one is a numeral (`十五五`).
  static let phrases = [
    "低空经济", "新质生产力", "数据要素", "未来产业", "产业集群", "绿色金融服务", "营商环境优化", "十五五", "人工智能+",
    "长三角一体化",
  ]

  /// The four analyzers whose output is frozen, by name.
  static func configurations() throws -> [(String, TextAnalyzer)] {
    let dictionary = try UserDictionary(contentsOf: TestAnalyzers.userDictionaryURL)
    let lexicon = TestAnalyzers.lexiconPath
    let cache = TestAnalyzers.cacheDirectory
    return [
      ("jieba", try TextAnalyzer(options: TextAnalysisOptions(lexiconPath: lexicon), cacheDirectory: cache)),
      (
        "jieba-without-hmm",
        try TextAnalyzer(
          options: TextAnalysisOptions(lexiconPath: lexicon, usesHiddenMarkovModel: false), cacheDirectory: cache)
      ),
      (
        "userdict-phrases-subwords",
        try TextAnalyzer(
          options: TextAnalysisOptions(
            lexiconPath: lexicon, userDictionary: dictionary, discoveredPhrases: phrases, indexesSubwords: true),
          cacheDirectory: cache)
      ),
      (
        "userdict-keeping-everything",
        try TextAnalyzer(
          options: TextAnalysisOptions(
            lexiconPath: lexicon, userDictionary: dictionary, stopWords: [], keepsSingleCharacterTerms: true,
            keepsNumbers: true),
          cacheDirectory: cache)
      ),
    ]
  }

  /// The seeds, every `.txt` and `.html` fixture of the test targets, hand cases and 400
  /// spliced texts from `SplitMix64(seed: 17)`.
  static func inputs() throws -> [(name: String, text: String)] {
    var inputs = try TestAnalyzers.seedTexts().map { ("seeds/" + $0.name, $0.text) }
    let tests = RepositoryPaths.root.appendingPathComponent("Tests", isDirectory: true)
    let files = FileManager.default.enumerator(at: tests, includingPropertiesForKeys: nil)?
      .compactMap { $0 as? URL }
      .filter { ["txt", "html"].contains($0.pathExtension) && $0.path.contains("/Fixtures/") }
      .map { String($0.path.dropFirst(RepositoryPaths.root.path.count + 1)) }
      .sorted()
    for path in files ?? [] {
      let data = try Data(contentsOf: RepositoryPaths.root.appendingPathComponent(path))
      inputs.append((path, String(decoding: data, as: UTF8.self)))
    }
    let hand = [
      "", "，。！", "ＡＢＣ股份有限公司2024年第21期", "e\u{301}te\u{301} café", "a\r\nb\n\r", "😀低空经济🚁",
      "绿色金融服务体系", "未来产业集群", "增长3.5%。c919和5g-a.b_c#d&e+f", "十五五规划", "人工智能+行动",
    ]
    for (index, text) in hand.enumerated() { inputs.append(("hand/\(index)", text)) }
    let seedScalars = Array(try TestAnalyzers.seedTexts().map(\.text).joined().unicodeScalars)
    let extra = Array("abcXYZ0123456789.%-+#&_ \r\n\t，。、😀\u{301}ａ１〇零")
    var generator = SplitMix64(seed: 17)
    for index in 0..<400 {
      var text = String.UnicodeScalarView()
      for _ in 0..<(1 + Int(generator.next() % 6)) {
        if generator.next() % 4 == 0 {
          text.append(contentsOf: String(extra[Int(generator.next() % UInt64(extra.count))]).unicodeScalars)
        } else {
          let length = 1 + Int(generator.next() % 12)
          let start = Int(generator.next() % UInt64(seedScalars.count - length))
          text.append(contentsOf: seedScalars[start..<(start + length)])
        }
      }
      inputs.append(("spliced/\(index)", String(text)))
    }
    return inputs
  }

  static func encode(_ tokens: [Token]) -> String {
    var encoded = ""
    for token in tokens {
      let length = token.range.count
      encoded += length < 36 ? String(length, radix: 36) : "(\(length))"
    }
    return encoded
  }

  static func digest(_ terms: [String]) -> String {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for term in terms {
      for byte in term.utf8 + [0] { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
    }
    return String(hash, radix: 16)
  }

  static func record(_ analyzer: TextAnalyzer, _ input: (name: String, text: String)) -> Fixture.Input {
    let terms = analyzer.terms(in: input.text)
    return Fixture.Input(
      name: input.name, tokenLengths: encode(analyzer.tokens(in: input.text)), termCount: terms.count,
      termDigest: digest(terms))
  }

  @Test(
    "tokens and terms equal the frozen output on seeds, fixtures and spliced texts, the word filter built when due or at once",
    arguments: [false, true])
  func frozenOutput(withWordFilter: Bool) throws {
    let inputs = try Self.inputs()
    let configurations = try Self.configurations()
    if withWordFilter {
      // Built at once, not after the first megabytes of these inputs as when due: it may only
      // skip probes that would find nothing.
      for (_, analyzer) in configurations {
        let filter = analyzer.segmenter.wordFilter.filter(afterSegmenting: Segmenter.WordFilter.threshold)
        #expect(filter.words.count == Segmenter.WordFilter.bitCount / 64)
      }
    }
    if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" && !withWordFilter {
      let fixture = Fixture(
        recordedFrom: "SegmenterFrozenOutputTests with RECORD_GOLDEN=1",
        configurations: configurations.map { name, analyzer in
          Fixture.Configuration(name: name, inputs: inputs.map { Self.record(analyzer, $0) })
        })
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      try encoder.encode(fixture).write(to: Self.fixtureURL)
      Issue.record("recorded \(Self.fixtureURL.lastPathComponent); unset RECORD_GOLDEN and review the diff")
      return
    }
    let fixture = try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: Self.fixtureURL))
    #expect(fixture.configurations.map(\.name) == configurations.map(\.0))
    for (configuration, (name, analyzer)) in zip(fixture.configurations, configurations) {
      #expect(configuration.inputs.map(\.name) == inputs.map(\.name), "\(name): the inputs changed")
      for (expected, input) in zip(configuration.inputs, inputs) {
        let actual = Self.record(analyzer, input)
        if actual.tokenLengths != expected.tokenLengths {
          let got = SegmenterTests.ends(actual.tokenLengths)
          let want = SegmenterTests.ends(expected.tokenLengths)
          let index = Array(zip(got, want)).firstIndex { $0 != $1 } ?? min(got.count, want.count)
          let scalars = Array(TextNormalizer.normalize(input.text).unicodeScalars)
          let from = index > 0 ? want[index - 1] : 0
          let context = String(String.UnicodeScalarView(scalars[from..<min(scalars.count, from + 12)]))
          let message =
            "\(name), \(input.name): token \(index) ends at \(index < got.count ? got[index] : -1), "
            + "expected \(index < want.count ? want[index] : -1) (text from \(from): \(context))"
          Issue.record(Comment(rawValue: message))
        }
        #expect(
          actual.termCount == expected.termCount && actual.termDigest == expected.termDigest,
          "\(name), \(input.name): terms differ")
      }
    }
  }
}
