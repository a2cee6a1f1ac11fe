import Foundation
import Testing
import TestSupport

@testable import TextAnalysis

/// Token-boundary agreement with jieba, invariants, and linear work on long runs.
@Suite struct SegmenterTests {
  struct JiebaFixture: Decodable {
    struct File: Decodable {
      var file: String
      var scalarCount: Int
      var tokenCount: Int
      var tokenLengths: String
    }
    var library: String
    var dictionary: String
    var files: [File]
  }

  /// Decodes the fixture's base-36 lengths (with `(n)` for long tokens) into end offsets.
  static func ends(_ encoded: String) -> [Int] {
    var ends: [Int] = []
    var position = 0
    var iterator = encoded.makeIterator()
    while let character = iterator.next() {
      if character == "(" {
        var digits = ""
        while let next = iterator.next(), next != ")" { digits.append(next) }
        position += Int(digits) ?? 0
      } else {
        position += Int(String(character), radix: 36) ?? 0
      }
      ends.append(position)
    }
    return ends
  }

  /// Precision, recall and F1 of predicted token ends against reference ends.
  static func boundaryScores(predicted: [Int], reference: [Int]) -> (precision: Double, recall: Double, f1: Double) {
    let shared = Set(predicted).intersection(reference).count
    let precision = Double(shared) / Double(max(predicted.count, 1))
    let recall = Double(shared) / Double(max(reference.count, 1))
    return (precision, recall, precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall))
  }

  @Test("agrees with jieba's default mode on the seeds (token-boundary F1 ≥ 0.97)")
  func jiebaAgreement() throws {
    let analyzer = try #require(TestAnalyzers.plain)
    let fixture = try loadFixture(JiebaFixture.self, named: "jieba_seeds.json", in: Bundle.module)
    let texts = Dictionary(uniqueKeysWithValues: try TestAnalyzers.seedTexts().map { ($0.name, $0.text) })
    #expect(fixture.files.count == texts.count)
    #expect(
      fixture.dictionary.contains(analyzer.lexiconReport.checksum),
      "the fixture was made with another dictionary than \(analyzer.lexiconReport.path)")
    var predictedAll: [Int] = []
    var referenceAll: [Int] = []
    var offset = 0
    for file in fixture.files {
      let text = try #require(texts[file.file], "fixture names a seed that is missing: \(file.file)")
      let tokens = analyzer.tokens(in: text)
      let normalizedCount = TextNormalizer.normalize(text).unicodeScalars.count
      #expect(normalizedCount == file.scalarCount, "\(file.file): scalar counts differ, NFKC mismatch")
      let reference = Self.ends(file.tokenLengths)
      #expect(reference.count == file.tokenCount)
      let scores = Self.boundaryScores(predicted: tokens.map(\.range.upperBound), reference: reference)
      #expect(scores.f1 >= 0.97, "\(file.file): F1 \(scores.f1) (P \(scores.precision), R \(scores.recall))")
      predictedAll += tokens.map { $0.range.upperBound + offset }
      referenceAll += reference.map { $0 + offset }
      offset += normalizedCount + 1
    }
    let overall = Self.boundaryScores(predicted: predictedAll, reference: referenceAll)
    #expect(overall.f1 >= 0.97, "overall F1 \(overall.f1) against \(fixture.library)")
  }

  @Test("tokens concatenate back to the normalised input and tile it")
  func reconstruction() throws {
    let analyzer = try #require(TestAnalyzers.default)
    var samples = try TestAnalyzers.seedTexts().map(\.text)
    samples += ["", "，。！", "ＡＢＣ股份有限公司2024年第21期", "e\u{301}te\u{301} café", "a\r\nb\n\r", "😀低空经济🚁"]
    for text in samples {
      let tokens = analyzer.tokens(in: text)
      #expect(tokens.map(\.text).joined() == TextNormalizer.normalize(text))
      var position = 0
      for token in tokens {
        #expect(token.range.lowerBound == position && !token.range.isEmpty)
        #expect(token.text.unicodeScalars.count == token.range.count)
        position = token.range.upperBound
      }
      #expect(position == TextNormalizer.normalize(text).unicodeScalars.count)
    }
  }

  @Test("random strings over a small alphabet keep the invariants", arguments: [UInt64(1), 2, 3])
  func randomStrings(seed: UInt64) throws {
    let analyzer = try #require(TestAnalyzers.default)
    let alphabet = Array("低空经济发展的了和A5g.%-，。 \n😀\u{301}ａ１十五")
    var generator = SplitMix64(seed: seed)
    for _ in 0..<300 {
      let length = Int(generator.next() % 12)
      let text = String((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
      let tokens = analyzer.tokens(in: text)
      #expect(tokens.map(\.text).joined() == TextNormalizer.normalize(text), "seed \(seed): \(text)")
    }
  }

  @Test("hand cases follow jieba's handling of blocks, whitespace and unknown runs")
  func handCases() throws {
    let analyzer = try #require(TestAnalyzers.plain)
    func cut(_ text: String) -> [String] { analyzer.tokens(in: text).map(\.text) }
    #expect(cut("我来到北京清华大学") == ["我", "来到", "北京", "清华大学"])
    #expect(cut("他来到了网易杭研大厦") == ["他", "来到", "了", "网易", "杭研", "大厦"])
    #expect(cut("a\r\nb  c") == ["a", "\r\n", "b", " ", " ", "c"])
    #expect(cut("增长3.5%。") == ["增长", "3.5%", "。"])
    #expect(cut("ＥＳＧ投资") == ["esg", "投资"])
  }

  @Test("a 200,000-character Han run does linear work (probes ≤ n × (longest word + 1))")
  func longRunIsLinear() throws {
    let analyzer = try #require(TestAnalyzers.plain)
    let pattern = Array("中华人民共和国国务院关于加快发展低空经济的若干意见")
    var generator = SplitMix64(seed: 42)
    let characters = (0..<200_000).map { _ in pattern[Int(generator.next() % UInt64(pattern.count))] }
    let text = String(characters)
    var scalars: [UInt32] = []
    TextNormalizer.normalize(text, into: &scalars)
    var ends: [Int] = []
    var workspace = Segmenter.Workspace()
    analyzer.segmenter.segment(scalars, ends: &ends, workspace: &workspace)
    let bound = scalars.count * (analyzer.segmenter.lexicon.maxWordLength + 1)
    #expect(workspace.probeCount <= bound, "probes \(workspace.probeCount) > \(bound)")
    #expect(workspace.probeCount >= scalars.count)
    #expect(ends.last == scalars.count)
  }
}

extension SegmenterTests {
  @Test("token kinds agree with the Unicode general category of single scalars")
  func kinds() throws {
    let analyzer = try #require(TestAnalyzers.plain)
    for value in UInt32(0x21)..<0x7F where !ScalarClass.isBlock(value) {
      let scalar = try #require(Unicode.Scalar(value))
      let token = try #require(analyzer.tokens(in: String(Character(scalar))).first)
      let isPunctuation: Bool
      switch scalar.properties.generalCategory {
      case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
        .finalPunctuation, .otherPunctuation:
        isPunctuation = true
      default: isPunctuation = false
      }
      #expect((token.kind == .punctuation) == isPunctuation, "U+\(String(value, radix: 16))")
    }
    #expect(analyzer.tokens(in: "、。《》“”—…").allSatisfy { $0.kind == .punctuation })
    #expect(analyzer.tokens(in: "5g").first?.kind == .latin)
    #expect(analyzer.tokens(in: "2024").first?.kind == .number)
    #expect(analyzer.tokens(in: "😀").first?.kind == .symbol)
  }
}

extension SegmenterTests {
  @Test("the 1,000 most frequent multi-character Han words of the lexicon are never split on their own")
  func frequentLexiconWordsStayWhole() throws {
    let analyzer = try #require(TestAnalyzers.plain)
    let text = try String(contentsOfFile: TestAnalyzers.lexiconPath, encoding: .utf8)
    var words: [(word: String, frequency: Int)] = []
    for line in text.split(separator: "\n") {
      let fields = line.split(separator: " ")
      guard fields.count >= 2, let frequency = Int(fields[1]), fields[0].unicodeScalars.count > 1,
        fields[0].unicodeScalars.allSatisfy({ ScalarClass.isHan($0.value) })
      else { continue }
      words.append((String(fields[0]), frequency))
    }
    words.sort { $0.frequency != $1.frequency ? $0.frequency > $1.frequency : $0.word < $1.word }
    #expect(words.count > 1_000)
    for (word, _) in words.prefix(1_000) {
      #expect(analyzer.tokens(in: word).map(\.text) == [word])
    }
  }
}

@Suite struct WordFilterTests {
  @Test("the lexicon's key filter holds every key: words, prefixes and user words")
  func noFalseNegatives() throws {
    let analyzer = try #require(TestAnalyzers.default)
    let lexicon = analyzer.segmenter.lexicon
    let filter = lexicon.keyFilter(bitCount: Segmenter.WordFilter.bitCount)
    var keys = 0
    var setBits = 0
    filter.words.withUnsafeBufferPointer { bits in
      setBits = bits.reduce(0) { $0 + $1.nonzeroBitCount }
      lexicon.withTables { slots, _ in
        for slot in stride(from: 0, to: slots.count, by: 2) where slots[slot] != 0 {
          keys += 1
          #expect(filter.mayContain(hash: slots[slot], in: bits), "key \(slots[slot])")
        }
      }
    }
    #expect(keys == lexicon.count)
    // It filters: at jieba's size, well under a tenth of the bits are set.
    #expect(setBits > 0 && setBits < Segmenter.WordFilter.bitCount / 10, "\(setBits) bits set")
    // A fragment that is not a key (三个不在词典里的字 is not a word or prefix) is mostly refused.
    let unknown = (0..<1_000).filter { index in
      let hash = ScalarHash.hash([0x4E00 + UInt32(index % 97), 0x9F00 + UInt32(index / 97), 0x9FA0])
      return filter.words.withUnsafeBufferPointer { filter.mayContain(hash: hash, in: $0) }
    }
    #expect(unknown.count < 200, "\(unknown.count) of 1,000 absent fragments pass")
  }

  @Test("the filter is built only once enough text has been segmented")
  func builtAfterThreshold() throws {
    let analyzer = try #require(TestAnalyzers.plain)
    let filter = Segmenter.WordFilter(lexicon: analyzer.segmenter.lexicon, threshold: 1_000)
    #expect(filter.filter(afterSegmenting: 600).words.count == 1, "a query's few words never build it")
    #expect(filter.filter(afterSegmenting: 400).words.count == Segmenter.WordFilter.bitCount / 64)
    #expect(filter.filter(afterSegmenting: 1).words.count == Segmenter.WordFilter.bitCount / 64)
  }
}
