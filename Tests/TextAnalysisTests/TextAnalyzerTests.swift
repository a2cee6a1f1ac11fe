import Foundation
import Testing
import TestSupport

@testable import TextAnalysis

@Suite struct TextAnalyzerTests {
  /// Policy terms from the seeds that must each come out as one term with the default analyzer.
  static let policyTerms = [
    "低空经济", "新质生产力", "专精特新", "五篇大文章", "十五五", "一网通办", "人形机器人", "融资租赁",
    "制度型开放", "未来产业", "绿色金融", "科技金融", "营商环境", "高质量发展", "数字经济", "实体经济",
    "人工智能", "生成式人工智能", "新能源汽车", "新型储能", "商业航天", "集成电路", "工业互联网",
    "数字化转型", "产业集群", "专精特新企业", "科创金融", "碳达峰", "碳中和", "中非经贸", "智能网联汽车",
    "未来产业先导区", "产业转型升级", "国内生产总值", "元宇宙", "全过程创新链",
  ]

  @Test("each hand-listed policy term occurs in the seeds and is never split there")
  func policyTermsStayWhole() throws {
    let analyzer = try #require(TestAnalyzers.default)
    #expect(Self.policyTerms.count >= 30)
    let texts = try TestAnalyzers.seedTexts().map(\.text)
    let tokens = texts.map { analyzer.tokens(in: $0) }
    let normalized = texts.map { Array(TextNormalizer.normalize($0).unicodeScalars) }
    let userWords = Set(
      try UserDictionary(contentsOf: TestAnalyzers.userDictionaryURL).entries.map { TextNormalizer.normalize($0.word) })
    for term in Self.policyTerms {
      let needle = Array(term.unicodeScalars)
      var occurrences = 0
      var split = 0
      var contexts: [String] = []
      for (document, scalars) in normalized.enumerated() {
        let ends = Set(tokens[document].map(\.range.upperBound))
        var index = 0
        while index + needle.count <= scalars.count {
          if scalars[index..<index + needle.count].elementsEqual(needle) {
            occurrences += 1
            let interiorCut = (index + 1..<index + needle.count).contains { ends.contains($0) }
            // Inside a longer token (专精特新 in 专精特新企业) is whole; a cut inside is not,
            // unless an overlapping user word took the characters (未来产业|集群 for 产业集群).
            let occurrence = index..<index + needle.count
            let yieldsToUserWord =
              interiorCut
              && tokens[document].contains {
                $0.range.overlaps(occurrence) && $0.text != term && userWords.contains($0.text)
              }
            if interiorCut && !yieldsToUserWord {
              split += 1
              let context = scalars[max(0, index - 4)..<min(scalars.count, index + needle.count + 4)]
              contexts.append(String(String.UnicodeScalarView(context)))
            }
          }
          index += 1
        }
      }
      #expect(occurrences > 0, "\(term) does not occur in the seeds")
      #expect(split == 0, "\(term) is split in \(split) of \(occurrences) occurrences: \(contexts.prefix(3))")
      #expect(analyzer.terms(in: term) == [term])
    }
  }

  @Test("every user-dictionary word is one token on its own")
  func userWordsStandAlone() throws {
    let analyzer = try #require(TestAnalyzers.default)
    let dictionary = try UserDictionary(contentsOf: TestAnalyzers.userDictionaryURL)
    #expect(dictionary.entries.count >= 80)
    for entry in dictionary.entries {
      let tokens = analyzer.tokens(in: entry.word)
      #expect(tokens.count == 1, "\(entry.word) → \(tokens.map(\.text))")
    }
  }

  @Test("without the user dictionary, jieba's lexicon splits some policy terms")
  func userDictionaryMatters() throws {
    let plain = try #require(TestAnalyzers.plain)
    let split = Self.policyTerms.filter { plain.tokens(in: $0).count > 1 }
    #expect(split.count >= 10, "only \(split) are split without the user dictionary")
  }

  @Test("terms drop punctuation, numbers, dates, stop words and single characters")
  func filtering() throws {
    let analyzer = try #require(TestAnalyzers.default)
    let terms = analyzer.terms(in: "2024年11月7日，ＥＳＧ和5G在上海的增长3.5%。AI！十五五规划、eVTOL😀")
    #expect(terms.contains("esg") && terms.contains("5g") && terms.contains("ai") && terms.contains("evtol"))
    #expect(terms.contains("十五五") && terms.contains("上海"))
    for dropped in ["2024", "3.5%", "年", "和", "的", "在", "，", "😀", "11", "7"] {
      #expect(!terms.contains(dropped), "\(dropped) should be filtered")
    }
    #expect(terms.allSatisfy { $0.unicodeScalars.count > 1 })
  }

  @Test("options to keep numbers and single characters keep them")
  func keepingOptions() throws {
    let options = TextAnalysisOptions(
      lexiconPath: TestAnalyzers.lexiconPath, keepsSingleCharacterTerms: true, keepsNumbers: true)
    let analyzer = try TextAnalyzer(options: options, cacheDirectory: TestAnalyzers.cacheDirectory)
    let terms = analyzer.terms(in: "2024年增长3.5%的省")
    #expect(terms.contains("2024") && terms.contains("3.5%") && terms.contains("省") && terms.contains("年"))
    #expect(!terms.contains("的"))
  }

  @Test("bad input: empty, punctuation only, emoji, control characters, U+FFFD")
  func badInput() throws {
    let analyzer = try #require(TestAnalyzers.default)
    #expect(analyzer.tokens(in: "").isEmpty)
    #expect(analyzer.terms(in: "").isEmpty)
    #expect(analyzer.terms(in: "，。！？、；：“”（）《》——……").isEmpty)
    #expect(analyzer.terms(in: "😀🚀\u{0}\u{7}\u{1B}\u{FFFD}\u{200B}").isEmpty)
    let invalid = String(decoding: [0xE4, 0xBD, 0x0A, 0xFF, 0xE4, 0xBD, 0xA0, 0xE5, 0xA5, 0xBD], as: UTF8.self)
    let tokens = analyzer.tokens(in: invalid)
    #expect(tokens.contains { $0.text == "\u{FFFD}" && $0.kind == .symbol })
    #expect(tokens.map(\.text).joined() == TextNormalizer.normalize(invalid))
  }

  @Test("concurrent use from a task group gives the serial results")
  func concurrentUse() async throws {
    let analyzer = try #require(TestAnalyzers.default)
    let texts = try TestAnalyzers.seedTexts().map(\.text)
    let serial = texts.map { analyzer.terms(in: $0) }
    let parallel = await withTaskGroup(of: (Int, [String]).self) { group in
      for (index, text) in texts.enumerated() { group.addTask { (index, analyzer.terms(in: text)) } }
      var results = [[String]](repeating: [], count: texts.count)
      for await (index, terms) in group { results[index] = terms }
      return results
    }
    #expect(parallel == serial)
  }

  @Test("resolved options round-trip through JSON and rebuild the same analyzer")
  func resolvedOptionsRebuild() throws {
    let analyzer = try #require(TestAnalyzers.default)
    let resolved = analyzer.resolvedOptions
    #expect(resolved.lexiconChecksum == analyzer.lexiconReport.checksum)
    let decoded = try JSONDecoder().decode(TextAnalysisOptions.self, from: JSONEncoder().encode(resolved))
    #expect(decoded == resolved)
    let rebuilt = try TextAnalyzer(options: decoded, cacheDirectory: TestAnalyzers.cacheDirectory)
    let text = try #require(try TestAnalyzers.seedTexts().first?.text)
    #expect(rebuilt.terms(in: text) == analyzer.terms(in: text))
  }

  @Test("a changed lexicon checksum is a typed error")
  func checksumMismatch() throws {
    var options = TextAnalysisOptions(lexiconPath: TestAnalyzers.lexiconPath)
    options.lexiconChecksum = "fnv1a64:0000000000000000"
    #expect(throws: TextAnalysisError.self) {
      try TextAnalyzer(options: options, cacheDirectory: TestAnalyzers.cacheDirectory)
    }
  }
}

extension TextAnalyzerTests {
  @Test(
    "numeral-only Han tokens are recognised; words with other characters are not",
    arguments: [
      ("三年", true), ("十一月", true), ("2024年", true), ("第一", true), ("万亿元", true), ("十五五", true),
      ("一体化", false), ("多次", false), ("一带一路", false), ("年轻", false), ("5g", false),
    ])
  func numerals(token: String, isNumeral: Bool) {
    let scalars = token.unicodeScalars.map(\.value)
    #expect(scalars.withUnsafeBufferPointer { TextAnalyzer.isNumeral($0) } == isNumeral)
  }
}

extension TextAnalyzerTests {
  @Test("the documented examples hold")
  func documentedExamples() throws {
    let plain = try #require(TestAnalyzers.plain)
    let analyzer = try #require(TestAnalyzers.default)
    #expect(plain.terms(in: "长三角加速低空经济产业布局") == ["长三角", "加速", "低空", "经济", "产业布局"])
    #expect(analyzer.terms(in: "长三角加速低空经济产业布局") == ["长三角", "加速", "低空经济", "产业布局"])
    #expect(
      analyzer.terms(in: "做好上海金融“五篇大文章”，推动eVTOL与ESG")
        == ["做好", "上海", "金融", "五篇大文章", "推动", "evtol", "esg"])
  }

  @Test("a user word wins over a lexicon split in context (绿色金融服务体系)")
  func protectedInContext() throws {
    let plain = try #require(TestAnalyzers.plain)
    let analyzer = try #require(TestAnalyzers.default)
    #expect(!plain.tokens(in: "绿色金融服务体系").map(\.text).contains("绿色金融"))
    #expect(analyzer.tokens(in: "绿色金融服务体系").first?.text == "绿色金融")
  }
}
