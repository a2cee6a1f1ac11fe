import LinearAlgebra
import TestSupport
import Testing

@testable import ThemeTagging

@Suite struct PhraseCounterTests {
  /// Greedy left-to-right longest match, written directly on Characters (the oracle).
  static func reference(_ text: String, _ phrases: [String]) -> [Int] {
    let characters = Array(text)
    var counts = [Int](repeating: 0, count: phrases.count)
    let order = phrases.indices.sorted { phrases[$0].count > phrases[$1].count }
    var position = 0
    while position < characters.count {
      var advance = 1
      for index in order where !phrases[index].isEmpty {
        let phrase = Array(phrases[index])
        if position + phrase.count <= characters.count
          && Array(characters[position..<position + phrase.count]) == phrase
        {
          counts[index] += 1
          advance = phrase.count
          break
        }
      }
      position += advance
    }
    return counts
  }

  @Test("counts equal a direct greedy longest-match scan on random Han texts")
  func matchesOracle() {
    let alphabet: [Character] = ["低", "空", "经", "济"]
    for seed in UInt64(0)..<300 {
      var generator = SplitMix64(seed: seed)
      let text = String(
        (0..<Int.random(in: 0...12, using: &generator)).map { _ in alphabet.randomElement(using: &generator) ?? "低" })
      var phrases: [String] = []
      for _ in 0..<Int.random(in: 1...4, using: &generator) {
        let phrase = String(
          (0..<Int.random(in: 1...3, using: &generator)).map { _ in alphabet.randomElement(using: &generator) ?? "空" })
        if !phrases.contains(phrase) { phrases.append(phrase) }
      }
      #expect(
        PhraseCounter(phrases).counts(in: text) == Self.reference(text, phrases), "seed \(seed): \(text) \(phrases)")
    }
  }

  @Test("a compound counts once, for its longest phrase; Latin phrases need word boundaries")
  func compoundsAndLatin() {
    let counter = PhraseCounter(["低空", "低空经济", "ai"])
    #expect(counter.counts(in: "低空经济与低空飞行") == [1, 1, 0])
    #expect(counter.counts(in: "said ai, ai大模型 main") == [0, 0, 2])
  }
}

@Suite struct PhraseCountersTests {
  @Test("several lists counted in one pass give each list's own counts")
  func matchesEachCounter() {
    let alphabet: [Character] = ["低", "空", "经", "济", "a", "i", " "]
    for seed in UInt64(0)..<300 {
      var generator = SplitMix64(seed: seed)
      let text = Array(
        String(
          (0..<Int.random(in: 0...16, using: &generator)).map { _ in alphabet.randomElement(using: &generator) ?? "低" }
        ).unicodeScalars)
      let lists = (0..<Int.random(in: 1...4, using: &generator)).map { _ in
        (0..<Int.random(in: 0...4, using: &generator)).map { _ in
          String(
            (0..<Int.random(in: 1...3, using: &generator)).map { _ in alphabet.randomElement(using: &generator) ?? "空" }
          )
        }
      }
      let counters = lists.map(PhraseCounter.init)
      let together = PhraseCounters(counters).counts(in: text, candidatePositions: Array(text.indices))
      #expect(
        counters.indices.map { Array(together.counts(ofCounter: $0)) }
          == counters.map { $0.counts(in: text, candidatePositions: text.indices) }, "seed \(seed)")
    }
  }
}

@Suite struct LogisticRegressionTests {
  @Test("at the optimum the penalised gradient vanishes")
  func stationarity() {
    var generator = SplitMix64(seed: 11)
    let features = (0..<60).map { _ in (0..<3).map { _ in Double.random(in: -2...2, using: &generator) } }
    let labels = features.map { x in x[0] - 0.5 * x[1] + Double.random(in: -1...1, using: &generator) > 0 }
    let c = 2.0
    let model = LogisticRegression(fitting: features, labels: labels, inverseRegularization: c)
    var gradient = model.weights
    var interceptGradient = 0.0
    for (x, y) in zip(features, labels) {
      let residual = c * (model.probability(x) - (y ? 1 : 0))
      for j in 0..<3 { gradient[j] += residual * x[j] }
      interceptGradient += residual
    }
    expectClose(gradient, [0, 0, 0], tolerance: Tolerance(relative: 0, absolute: 1e-8))
    expectClose(interceptGradient, 0, tolerance: Tolerance(relative: 0, absolute: 1e-8))
    #expect(model.weights[0] > 0 && model.weights[1] < 0)
  }

  @Test("probabilities are in (0, 1) and follow the sign of the score")
  func probabilityRange() {
    let model = LogisticRegression(weights: [2, -1], intercept: 0.5)
    #expect(model.probability([0, 0]) > 0.5)
    #expect(model.probability([-10, 10]) > 0 && model.probability([-10, 10]) < 1e-6)
    expectClose(model.probability([1, 2.5]), 0.5, tolerance: .closedForm)
  }
}

@Suite struct ThemeTaggerTests {
  static let themes = [
    ThemeDefinition(key: "ai", name: "人工智能/大模型", description: "算力与生成式应用", seedTerms: ["人工智能", "ai"]),
    ThemeDefinition(key: "low-altitude", name: "低空经济", seedTerms: ["无人机", "起降场"]),
  ]
  static let terms = ["人工智能", "大模型", "无人机", "生成式", "算力", "起降场"]
  static func column(_ term: String) -> Int? { terms.firstIndex(of: term) }

  static func tagger(_ options: ThemeTaggerOptions = ThemeTaggerOptions()) -> ThemeTagger {
    ThemeTagger(
      themes: themes, column: column, documentFrequency: [5, 5, 5, 1, 1, 5], documentCount: 10,
      inverseDocumentFrequency: [1, 1, 1, 2, 2, 1], termLoadings: nil, options: options)
  }

  @Test("evidence counts title, lead and body, and a compound counts for its part")
  func evidence() throws {
    let evidence = Self.tagger().evidence(
      title: "七部门：促进生成式人工智能发展", body: ["生成式人工智能服务，算力先行。", "AI 与大模型应用。"], latentVector: nil)
    let ai = evidence[0]
    #expect(ai.titleCount == 1)
    #expect(ai.leadCount == 1)
    #expect(ai.bodyCount == 3)  // 人工智能, ai, 大模型 (a name part)
    #expect(ai.nameInTitle)
    #expect(ai.distinctPhraseCount == 3)
    #expect(ai.descriptionCount == 3)  // 生成式 twice, 算力 once: distinctive description terms
    #expect(evidence[1].bodyCount == 0 && !evidence[1].hasPhrase)
  }

  @Test("no phrase, no tag, however likely the model finds it")
  func phraseGate() {
    let eager = ThemeTaggerOptions(model: LogisticRegression(weights: [Double](repeating: 0, count: 8), intercept: 10))
    let result = Self.tagger(eager).tagging(articles: [("标题", ["无关的内容"])], documentVectors: nil)
    #expect(result.tags == [[]])
    #expect(result.unmatchedPhrases[1] == ["无人机", "起降场", "低空经济"])
  }

  @Test("tagging many articles gives each the latent similarity and tags it gets alone, to the last bit")
  func batchLatentSimilarityEqualsOneArticle() {
    var generator = SplitMix64(seed: 43)
    let k = 5
    let loadings = Matrix(
      rowCount: Self.terms.count, columnCount: k,
      columnMajor: (0..<(Self.terms.count * k)).map { _ in Double(generator.next() >> 11) * 0x1p-53 - 0.5 })
    let tagger = ThemeTagger(
      themes: Self.themes, column: Self.column, documentFrequency: [5, 5, 5, 1, 1, 5], documentCount: 10,
      inverseDocumentFrequency: [1, 1, 1, 2, 2, 1], termLoadings: loadings)
    let articles = (0..<40).map { index in
      (title: index % 3 == 0 ? "无人机起降场" : "人工智能发展", body: ["生成式人工智能与无人机。", "算力 \(index)"])
    }
    // Row 7 is a zero vector: its similarity is 0, as one article's would be.
    let vectors = Matrix(
      rowCount: articles.count, columnCount: k,
      columnMajor: (0..<(articles.count * k)).map {
        $0 % articles.count == 7 ? 0 : Double(generator.next() >> 11) * 0x1p-53 - 0.5
      })
    let all = tagger.tagging(articles: articles, documentVectors: vectors)
    for (row, article) in articles.enumerated() {
      let alone = tagger.evidence(title: article.title, body: article.body, latentVector: vectors.row(row))
      let batch = tagger.latentSimilarities(documentVectors: vectors)
      #expect(batch.map { matrix in (0..<Self.themes.count).map { matrix[row, $0] } } == alone.map(\.latentSimilarity))
      #expect(all.tags[row].map(\.score) == alone.filter(tagger.carries).map(tagger.probability).sorted(by: >))
    }
  }

  @Test("an article's tags do not depend on the other articles")
  func independentOfCorpus() {
    let tagger = Self.tagger()
    let article = (title: "无人机起降场建设提速", body: ["各地建设无人机起降场，发展低空经济。", "无人机物流试点。"])
    let alone = tagger.tagging(articles: [article], documentVectors: nil).tags[0]
    let inCorpus = tagger.tagging(
      articles: [("人工智能", ["大模型"]), article, ("其他", ["无关"])], documentVectors: nil
    ).tags[1]
    #expect(alone == inCorpus)
    #expect(alone.map(\.key) == ["low-altitude"])
  }

  @Test("the probability rises with title and body evidence")
  func monotone() {
    let tagger = Self.tagger()
    let weak = tagger.evidence(
      title: "通知", body: ["提到一次无人机。" + String(repeating: "其他内容。", count: 40)], latentVector: nil)[1]
    let strong = tagger.evidence(title: "无人机产业发展", body: ["无人机、起降场与无人机物流。"], latentVector: nil)[1]
    #expect(tagger.probability(strong) > tagger.probability(weak))
    #expect(tagger.carries(strong) && !tagger.carries(weak))
  }
}
