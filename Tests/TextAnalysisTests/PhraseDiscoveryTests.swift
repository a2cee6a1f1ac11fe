import Foundation
import Testing
import TestSupport

@testable import TextAnalysis

@Suite struct PhraseDiscoveryTests {
  /// A corpus of random characters with planted phrases in random contexts.
  static func syntheticCorpus(planted: [String], seed: UInt64) -> [String] {
    let background = Array(
      "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严"
    )
    var generator = SplitMix64(seed: seed)
    var texts: [String] = []
    for _ in 0..<40 {
      var text = ""
      for _ in 0..<30 {
        for _ in 0..<Int(3 + generator.next() % 10) {
          text.append(background[Int(generator.next() % UInt64(background.count))])
        }
        if generator.next() % 3 == 0 {
          text += planted[Int(generator.next() % UInt64(planted.count))]
        }
        if generator.next() % 4 == 0 { text += "，" }
      }
      texts.append(text + "。")
    }
    return texts
  }

  @Test("finds planted phrases in a synthetic corpus", arguments: [UInt64(7), 8])
  func plantedPhrases(seed: UInt64) {
    let planted = ["鲲鹏翱翔", "麒麟芯片", "饕餮盛宴", "魑魅魍魉"]
    let corpus = Self.syntheticCorpus(planted: planted, seed: seed)
    let candidates = PhraseDiscovery.candidates(in: corpus)
    let top = Set(candidates.prefix(planted.count * 2).map(\.phrase))
    for phrase in planted {
      #expect(top.contains(phrase), "seed \(seed): \(phrase) missing from \(candidates.prefix(8).map(\.phrase))")
    }
    #expect(zip(candidates, candidates.dropFirst()).allSatisfy { $0.score >= $1.score })
    for candidate in candidates {
      #expect(
        candidate.count >= 5 && candidate.cohesion >= 3 && min(candidate.leftEntropy, candidate.rightEntropy) >= 1)
    }
  }

  @Test("fragments of a planted phrase have lower scores than the phrase")
  func fragmentsRankLower() {
    let corpus = Self.syntheticCorpus(planted: ["鲲鹏翱翔"], seed: 9)
    let candidates = PhraseDiscovery.candidates(in: corpus, options: PhraseDiscoveryOptions(minimumBoundaryEntropy: 0))
    let scores = Dictionary(candidates.map { ($0.phrase, $0.score) }, uniquingKeysWith: max)
    let whole = scores["鲲鹏翱翔"] ?? 0
    for fragment in ["鲲鹏翱", "鹏翱翔", "鲲鹏"] { #expect((scores[fragment] ?? 0) < whole, "\(fragment)") }
  }

  @Test("discovered phrases added to the analyzer stay whole")
  func addingPhrases() throws {
    let analyzer = try #require(TestAnalyzers.plain)
    let corpus = Self.syntheticCorpus(planted: ["鲲鹏翱翔", "麒麟芯片"], seed: 11)
    let candidates = PhraseDiscovery.candidates(in: corpus, analyzer: analyzer)
    let options = analyzer.resolvedOptions.addingDiscoveredPhrases(Array(candidates.prefix(2)))
    #expect(Set(options.discoveredPhrases) == ["鲲鹏翱翔", "麒麟芯片"])
    let extended = try TextAnalyzer(options: options, cacheDirectory: TestAnalyzers.cacheDirectory)
    #expect(extended.terms(in: "看鲲鹏翱翔和麒麟芯片") == ["鲲鹏翱翔", "麒麟芯片"])
  }

  @Test(
    "counts, cohesion and boundary entropies equal a direct count of every substring of the seeds",
    arguments: [
      PhraseDiscoveryOptions(maximumCandidateCount: .max),
      PhraseDiscoveryOptions(
        minimumLength: 3, maximumLength: 4, minimumCount: 3, minimumCohesion: 1,
        minimumBoundaryEntropy: 0.5, maximumCandidateCount: .max),
    ])
  func matchesDirectCount(options: PhraseDiscoveryOptions) throws {
    let texts = try RepositoryPaths.seedFiles().map { try String(contentsOf: $0, encoding: .utf8) }
    let expected = DirectPhraseCount(texts: texts, options: options).candidates
    let found = PhraseDiscovery.candidates(in: texts, options: options)
    #expect(found.count > 20)
    #expect(Set(found.map(\.phrase)) == Set(expected.keys))
    for candidate in found {
      guard let reference = expected[candidate.phrase] else { continue }
      #expect(candidate.count == reference.count, "\(candidate.phrase)")
      for (value, referenceValue) in [
        (candidate.cohesion, reference.cohesion),
        (candidate.leftEntropy, reference.leftEntropy),
        (candidate.rightEntropy, reference.rightEntropy),
      ] {
        #expect(abs(value - referenceValue) <= 1e-12 * max(1, abs(referenceValue)), "\(candidate.phrase)")
      }
    }
  }

  @Test("empty and Han-free corpora give no candidates")
  func emptyCorpus() {
    #expect(PhraseDiscovery.candidates(in: []).isEmpty)
    #expect(PhraseDiscovery.candidates(in: ["", "abc 123", "，。"]).isEmpty)
  }
}

/// Phrase scores from the definitions, by brute force: every substring of every Han run counted in
/// a dictionary of strings, neighbours listed per occurrence, entropies summed term by term.
///
/// Slow and simple, the reference for ``PhraseDiscovery``'s pruned counting.
private struct DirectPhraseCount {
  var candidates: [String: (count: Int, cohesion: Double, leftEntropy: Double, rightEntropy: Double)] = [:]

  init(texts: [String], options: PhraseDiscoveryOptions) {
    var runs: [[Character]] = []
    for text in texts {
      var run: [Character] = []
      for scalar in TextNormalizer.normalize(text).unicodeScalars {
        if ScalarClass.isHan(scalar.value) {
          run.append(Character(scalar))
        } else if !run.isEmpty {
          runs.append(run)
          run = []
        }
      }
      if !run.isEmpty { runs.append(run) }
    }
    let total = Double(runs.reduce(0) { $0 + $1.count })
    var counts: [String: Int] = [:]
    var left: [String: [Character?]] = [:]
    var right: [String: [Character?]] = [:]
    for run in runs {
      for start in run.indices {
        for length in 1...options.maximumLength where start + length <= run.count {
          let string = String(run[start..<(start + length)])
          counts[string, default: 0] += 1
          left[string, default: []].append(start > 0 ? run[start - 1] : nil)
          right[string, default: []].append(start + length < run.count ? run[start + length] : nil)
        }
      }
    }
    let functionCharacters = Set("的了和与及在是对将为等也都就而并其之")
    for (string, count) in counts where string.count >= options.minimumLength && count >= options.minimumCount {
      let characters = Array(string)
      if functionCharacters.contains(characters[0]) || functionCharacters.contains(characters[characters.count - 1]) {
        continue
      }
      // Every part of a counted string was counted too; a one-character string has no split
      // point (PhraseDiscovery starts at two characters).
      let cohesions = (1..<characters.count).map { split in
        let head = Double(counts[String(characters[..<split]), default: 0]) / total
        let tail = Double(counts[String(characters[split...]), default: 0]) / total
        return log((Double(count) / total) / (head * tail))
      }
      guard let cohesion = cohesions.min() else { continue }
      let leftEntropy = Self.entropy(left[string, default: []])
      let rightEntropy = Self.entropy(right[string, default: []])
      guard cohesion >= options.minimumCohesion,
        min(leftEntropy, rightEntropy) >= options.minimumBoundaryEntropy
      else { continue }
      candidates[string] = (count, cohesion, leftEntropy, rightEntropy)
    }
  }

  /// −Σ p ln p over the neighbours, each `nil` (a run boundary) an outcome of its own.
  static func entropy(_ neighbours: [Character?]) -> Double {
    var outcomes: [Character: Int] = [:]
    var boundaries = 0
    for neighbour in neighbours {
      if let neighbour { outcomes[neighbour, default: 0] += 1 } else { boundaries += 1 }
    }
    let n = Double(neighbours.count)
    let probabilities = outcomes.values.map { Double($0) / n } + Array(repeating: 1 / n, count: boundaries)
    return -probabilities.reduce(0) { $0 + $1 * log($1) }
  }
}
