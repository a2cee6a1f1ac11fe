import LinearAlgebra
import TestSupport
import Testing

@testable import ThemeTagging

@Suite struct ThemeEvidenceTableTests {
  static let tagger = ThemeTaggerTests.tagger()

  /// The evidence as the tagger counted it before text evidence was shared: each counter on its
  /// own normalised string (the oracle).
  static func separateCounts(title: String, body: [String]) -> [ThemeEvidence] {
    let tagger = Self.tagger
    let title = ThemeTagger.normalize(title)
    let lead = ThemeTagger.normalize(body.first ?? "")
    let text = ThemeTagger.normalize(body.joined(separator: "\n"))
    return tagger.themes.indices.map { theme in
      let counter = PhraseCounter(tagger.phrases[theme])
      let (inTitle, inText) = (counter.counts(in: title), counter.counts(in: text))
      var matched: [ThemeEvidence.PhraseCount] = []
      for (index, phrase) in counter.phrases.enumerated() where inTitle[index] + inText[index] > 0 {
        matched.append(.init(phrase: phrase, count: inTitle[index] + inText[index]))
      }
      matched.sort { $0.count > $1.count || ($0.count == $1.count && $0.phrase < $1.phrase) }
      let names = PhraseCounter(ThemeTagger.nameParts(of: tagger.themes[theme].name).map(ThemeTagger.normalize))
      return ThemeEvidence(
        titleCount: inTitle.reduce(0, +), leadCount: counter.counts(in: lead).reduce(0, +),
        bodyCount: inText.reduce(0, +), bodyLength: text.unicodeScalars.count, distinctPhraseCount: matched.count,
        nameInTitle: names.counts(in: title).contains { $0 > 0 },
        descriptionCount: PhraseCounter(tagger.descriptionTerms[theme]).counts(in: title + "\n" + text).reduce(0, +),
        latentSimilarity: 0, matchedPhrases: matched)
    }
  }

  @Test("text evidence from one scan equals each counter on its own string, on random texts")
  func oneScanMatchesSeparateCounts() {
    let pieces = [
      "人工智能", "生成式", "算力", "无人机", "起降场", "低空经济", "大模型", "AI", "ai", "said", "ＡＩ", "，", "。", " ", "人工", "经济",
    ]
    for seed in UInt64(0)..<300 {
      var generator = SplitMix64(seed: seed)
      func text() -> String {
        (0..<Int.random(in: 0...10, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }
          .joined()
      }
      let title = text()
      let body = (0..<Int.random(in: 0...3, using: &generator)).map { _ in text() }
      #expect(
        Self.tagger.textEvidence(title: title, body: body) == Self.separateCounts(title: title, body: body),
        "seed \(seed): \(title) | \(body)")
    }
  }

  @Test("evidence completed from stored text evidence equals evidence from the text")
  func storedEqualsText() {
    let loadings = Matrix(rowCount: 6, columnCount: 2, columnMajor: [1, 0, 1, 0, 1, 0, 0, 1, 0, 1, 0, 1])
    let tagger = ThemeTagger(
      themes: ThemeTaggerTests.themes, column: ThemeTaggerTests.column, documentFrequency: [5, 5, 5, 1, 1, 5],
      documentCount: 10, inverseDocumentFrequency: [1, 1, 1, 2, 2, 1], termLoadings: loadings)
    let articles: [(title: String, body: [String])] = [
      ("无人机起降场建设提速", ["各地建设无人机起降场。"]), ("无关标题", ["无关内容"]), ("生成式人工智能", ["算力与大模型。", "AI 应用"]),
    ]
    let vectors = Matrix(rowCount: 3, columnCount: 2, columnMajor: [0.2, 1, 0.9, 1, 0.1, 0.4])
    var table = ThemeEvidenceTable(signatures: ["a", "b"])
    for article in articles { table.append(tagger.textEvidence(title: article.title, body: article.body)) }
    #expect(table.articles[1].isEmpty)
    let filled = table
    let stored = tagger.tagging(articleCount: 3, documentVectors: vectors) { row in
      (0..<2).map { filled.evidence(ofArticle: row, column: $0) }
    }
    let counted = tagger.tagging(articles: articles, documentVectors: vectors)
    #expect(stored.tags.map { $0.map(\.key) } == counted.tags.map { $0.map(\.key) })
    #expect(stored.tags.map { $0.map(\.score) } == counted.tags.map { $0.map(\.score) })
    #expect(stored.articlesWithPhrases == counted.articlesWithPhrases)
    #expect(stored.unmatchedPhrases == counted.unmatchedPhrases)
  }

  @Test("a column is used only while its theme's signature is unchanged")
  func columnsFollowSignatures() {
    let tagger = Self.tagger
    let signatures = tagger.themes.indices.map { tagger.textSignature(ofTheme: $0) }
    let table = ThemeEvidenceTable(signatures: [signatures[1], "an edited theme"])
    #expect(table.columns(for: tagger, signature: { $0 }) == [nil, 0])
    let edited = ThemeTagger(
      themes: [ThemeTaggerTests.themes[0], ThemeDefinition(key: "low-altitude", name: "低空经济", seedTerms: ["无人机"])],
      column: ThemeTaggerTests.column, documentFrequency: [5, 5, 5, 1, 1, 5], documentCount: 10,
      inverseDocumentFrequency: [1, 1, 1, 2, 2, 1], termLoadings: nil)
    #expect(edited.textSignature(ofTheme: 1) != signatures[1])
    #expect(edited.textSignature(ofTheme: 0) == signatures[0])
  }

  @Test("zero evidence is not stored and reads back as zero")
  func zeroEvidence() {
    var table = ThemeEvidenceTable(signatures: ["x", "y"])
    table.append([ThemeEvidenceTable.zero, ThemeEvidenceTable.zero])
    #expect(table.articles == [[]])
    #expect(table.evidence(ofArticle: 0, column: 1) == ThemeEvidenceTable.zero)
    #expect(ThemeEvidenceTable.zero.features == [0, 0, 0, 0, 0, 0, 0, 0])
  }

  @Test("the fast normalisation equals NFKC and lower case, with or without scalars it does not know")
  func fastNormalization() {
    let alphabet: [String] = [
      "A", "z", "9", " ", "\n", "低", "㐀", "龥", "、", "。", "《", "】", "〔", "—", "–", "‐", "‘", "”", "·", "•",
      "Ｅ", "ｓ", "１", "，", "（", "～", "\u{3000}", "\u{A0}", "…", "é", "e\u{301}", "℃", "①", "Σ", "İ", "ﬁ", "가",
      "𠀀", "😀", "ß", "\u{7F}", "\u{80}", "\u{7FF}", "\u{800}", "\u{FFFD}",
    ]
    for seed in UInt64(0)..<1000 {
      var generator = SplitMix64(seed: seed)
      let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in
        alphabet.randomElement(using: &generator) ?? ""
      }.joined()
      let expected = Array(ThemeTagger.normalize(text).unicodeScalars)
      #expect(ThemeTagger.normalizedScalars(text) == expected, "seed \(seed): \(text)")
    }
  }

  @Test("the bitmap finds exactly the positions of its scalars")
  func bitmapPositions() {
    let bitmap = ScalarBitmap(firstScalarsOf: [PhraseCounter(["低空", "ai"]), PhraseCounter(["𠀀x"])])
    let scalars = Array("a低b𠀀低ai".unicodeScalars)
    #expect(bitmap.positions(in: scalars) == [0, 1, 3, 4, 5])
  }
}
