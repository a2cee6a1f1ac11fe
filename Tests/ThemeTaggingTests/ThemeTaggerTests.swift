import LinearAlgebra
import TestSupport
import Testing

@testable import ThemeTagging

/// A synthetic corpus with two planted themes and a latent space whose three topics are
/// "theme A terms", "theme B terms" and "everything else".
struct PlantedCorpus {
  static let themeA = ["低空", "无人机", "空域"]
  static let themeB = ["绿色金融", "碳", "ESG"]
  static let fillers = (0..<20).map { "词\($0)" }
  static let terms = themeA + themeB + fillers
  static let themes = [
    ThemeDefinition(key: "low-altitude", name: "低空经济", seedTerms: ["低空", "无人机", "空域", "eVTOL"]),
    ThemeDefinition(key: "green-finance", name: "绿色金融", seedTerms: themeB),
  ]

  var termWeights: SparseMatrix
  var documentVectors: Matrix
  var termLoadings: Matrix
  /// 0 = theme A article, 1 = theme B article, 2 = filler, 3 = B article mentioning 无人机 once.
  var kinds: [Int]

  init(seed: UInt64) {
    var generator = SplitMix64(seed: seed)
    var rows: [[(Int, Double)]] = []
    var kinds: [Int] = []
    func fillers(_ count: Int) -> [(Int, Double)] {
      Array(Set((0..<count).map { _ in 6 + Int.random(in: 0..<20, using: &generator) }))
        .sorted().map { ($0, Double(Int.random(in: 1...2, using: &generator))) }
    }
    for d in 0..<41 {
      let kind = d < 8 ? 0 : d < 16 ? 1 : d < 40 ? 2 : 3
      var row: [(Int, Double)] = []
      switch kind {
      case 0: row = [(0, 3), (1, Double(Int.random(in: 1...4, using: &generator)))] + fillers(3)
      case 1:
        row = [(3, 2), (4, Double(Int.random(in: 1...4, using: &generator))), (5, 1)] + fillers(3)
      case 2: row = fillers(5)
      default: row = [(1, 1), (3, 4), (4, 4), (5, 3)] + fillers(4)
      }
      rows.append(row)
      kinds.append(kind)
    }
    var rowStarts = [0]
    var columns: [Int32] = []
    var values: [Double] = []
    for row in rows {
      let norm = row.reduce(0) { $0 + $1.1 * $1.1 }.squareRoot()
      for (column, value) in row {
        columns.append(Int32(column))
        values.append(value / norm)
      }
      rowStarts.append(columns.count)
    }
    termWeights = SparseMatrix(
      rowCount: rows.count, columnCount: Self.terms.count, rowStarts: rowStarts,
      columnIndices: columns, values: values)
    var loadings = Matrix(rowCount: Self.terms.count, columnCount: 3)
    // Each term loads on its own topic, plus noise so that unrelated articles show the
    // small spread of chance similarity that real LSA loadings have.
    for t in 0..<Self.terms.count {
      for j in 0..<3 { loadings[t, j] = Double.random(in: -0.15...0.15, using: &generator) }
      loadings[t, t < 3 ? 0 : t < 6 ? 1 : 2] = 1
    }
    termLoadings = loadings
    let dense = termWeights.dense()
    var vectors = Matrix(rowCount: rows.count, columnCount: 3)
    for d in 0..<rows.count {
      for t in 0..<Self.terms.count {
        for j in 0..<3 { vectors[d, j] += dense[d, t] * loadings[t, j] }
      }
    }
    documentVectors = vectors
    self.kinds = kinds
  }
}

@Suite struct ThemeTaggerTests {
  @Test(
    "planted themes are recovered; an incidental mention is not enough",
    arguments: [UInt64(1), 2, 3])
  func planted(seed: UInt64) {
    let corpus = PlantedCorpus(seed: seed)
    let tagger = ThemeTagger(themes: PlantedCorpus.themes, terms: PlantedCorpus.terms)
    let tags = tagger.tag(
      termWeights: corpus.termWeights, documentVectors: corpus.documentVectors,
      termLoadings: corpus.termLoadings)
    for (d, kind) in corpus.kinds.enumerated() {
      let keys = tags[d].map(\.key)
      switch kind {
      case 0: #expect(keys == ["low-altitude"], "article \(d), seed \(seed)")
      case 1, 3: #expect(keys == ["green-finance"], "article \(d), seed \(seed)")
      default: #expect(keys.isEmpty, "article \(d), seed \(seed)")
      }
    }
    #expect(tagger.articleCounts(tags) == [8, 9])
    #expect(tagger.unmatchedSeedTerms == [["eVTOL"], []])
    #expect(tagger.seedTermIndices == [[0, 1, 2], [3, 4, 5]])
  }

  @Test("seed-term evidence alone tags only articles with seeds, led by the strongest")
  func lexicalOnly() {
    let corpus = PlantedCorpus(seed: 4)
    let tagger = ThemeTagger(themes: PlantedCorpus.themes, terms: PlantedCorpus.terms)
    let result = tagger.tagging(termWeights: corpus.termWeights)
    for (d, kind) in corpus.kinds.enumerated() {
      let keys = result.tags[d].map(\.key)
      switch kind {
      case 0: #expect(keys.allSatisfy { $0 == "low-altitude" }, "article \(d)")
      case 1: #expect(keys.allSatisfy { $0 == "green-finance" }, "article \(d)")
      case 3: #expect(!keys.contains("low-altitude"), "article \(d): a passing mention")
      default: #expect(keys.isEmpty, "article \(d)")
      }
      #expect(result.tags[d].allSatisfy { $0.latentSimilarity == nil })
    }
    let counts = tagger.articleCounts(result.tags)
    #expect(counts.allSatisfy { $0 >= 4 }, "\(counts)")
    #expect(result.calibrations.map(\.articlesWithSeedTerms) == [9, 9])
    #expect(result.calibrations.map(\.taggedArticles) == counts)
    #expect(result.calibrations.allSatisfy { !$0.isLatent })
    // The most strongly seeded article of each theme is tagged.
    for theme in 0..<2 {
      let masses = (0..<corpus.kinds.count).map { d in
        corpus.termWeights.row(d).filter { tagger.seedTermIndices[theme].contains($0.column) }
          .reduce(0) { $0 + $1.value }
      }
      let strongest = masses.indices.max { masses[$0] < masses[$1] }!
      #expect(result.tags[strongest].contains { $0.theme == theme })
    }
  }

  @Test("a theme seeded in every article tags at most half; no tag without a seed")
  func calibrationBound() {
    for seed in UInt64(0)..<150 {
      var generator = SplitMix64(seed: seed)
      let n = Int.random(in: 1...12, using: &generator)
      let m = Int.random(in: 2...6, using: &generator)
      let k = Int.random(in: 1...3, using: &generator)
      var rowStarts = [0]
      var columns: [Int32] = []
      var values: [Double] = []
      for _ in 0..<n {
        // Term 0 (a seed of theme "common") is in every article.
        var row = [(0, Double.random(in: 0.5...1, using: &generator))]
        for t in 1..<m where Bool.random(using: &generator) {
          row.append((t, Double.random(in: 0.1...1, using: &generator)))
        }
        let norm = row.reduce(0) { $0 + $1.1 * $1.1 }.squareRoot()
        for (t, v) in row {
          columns.append(Int32(t))
          values.append(v / norm)
        }
        rowStarts.append(columns.count)
      }
      let weights = SparseMatrix(
        rowCount: n, columnCount: m, rowStarts: rowStarts, columnIndices: columns, values: values)
      let loadings = Matrix(
        rowCount: m, columnCount: k,
        columnMajor: (0..<(m * k)).map { _ in Double.random(in: -1...1, using: &generator) })
      let dense = weights.dense()
      var vectors = Matrix(rowCount: n, columnCount: k)
      for d in 0..<n {
        for t in 0..<m { for j in 0..<k { vectors[d, j] += dense[d, t] * loadings[t, j] } }
      }
      let terms = (0..<m).map { "t\($0)" }
      let themes = [
        ThemeDefinition(key: "common", name: "C", seedTerms: ["t0"]),
        ThemeDefinition(key: "other", name: "O", seedTerms: ["t1", "t2"]),
      ]
      for threshold in [0.0, 0.5, 3.5] {
        let tagger = ThemeTagger(
          themes: themes, terms: terms, options: ThemeTaggerOptions(threshold: threshold))
        for tags in [
          tagger.tag(termWeights: weights, documentVectors: vectors, termLoadings: loadings),
          threshold > 0 ? tagger.tag(termWeights: weights) : [],
        ] where !tags.isEmpty {
          // The seed of "common" is in every article: the background is the whole corpus.
          #expect(
            tagger.articleCounts(tags)[0] <= n / 2, "seed \(seed), n \(n), threshold \(threshold)")
          for article in tags {
            for score in article {
              #expect(score.seedMass > 0 && !score.matchedSeedTerms.isEmpty, "seed \(seed)")
              #expect(score.score >= threshold, "seed \(seed)")
            }
            for (a, b) in zip(article, article.dropFirst()) { #expect(a.score >= b.score) }
          }
        }
      }
    }
  }

  @Test("tagging is deterministic and independent of theme order")
  func themeOrder() {
    let corpus = PlantedCorpus(seed: 6)
    let forward = ThemeTagger(themes: PlantedCorpus.themes, terms: PlantedCorpus.terms)
    let backward = ThemeTagger(themes: PlantedCorpus.themes.reversed(), terms: PlantedCorpus.terms)
    let a = forward.tag(
      termWeights: corpus.termWeights, documentVectors: corpus.documentVectors,
      termLoadings: corpus.termLoadings)
    let b = backward.tag(
      termWeights: corpus.termWeights, documentVectors: corpus.documentVectors,
      termLoadings: corpus.termLoadings)
    #expect(a.map { $0.map(\.key).sorted() } == b.map { $0.map(\.key).sorted() })
    #expect(a.map { $0.map(\.score).sorted() } == b.map { $0.map(\.score).sorted() })
  }

  @Test("Latin seed terms match case-insensitively")
  func caseFolding() {
    let tagger = ThemeTagger(
      themes: [ThemeDefinition(key: "esg", name: "ESG", seedTerms: ["ESG", "evtol"])],
      terms: ["esg", "eVTOL", "碳"])
    #expect(tagger.seedTermIndices == [[0, 1]])
    #expect(tagger.unmatchedSeedTerms == [[]])
  }
}

@Suite struct ThemeCalibrationTests {
  @Test(
    "a theme seeded by a generic filler term tags few articles", arguments: [UInt64(1), 2, 3, 4, 5])
  func genericSeed(seed: UInt64) {
    let corpus = PlantedCorpus(seed: seed)
    let themes =
      PlantedCorpus.themes + [ThemeDefinition(key: "generic", name: "泛", seedTerms: ["词0", "词1"])]
    let tagger = ThemeTagger(themes: themes, terms: PlantedCorpus.terms)
    let result = tagger.tagging(
      termWeights: corpus.termWeights, documentVectors: corpus.documentVectors,
      termLoadings: corpus.termLoadings)
    let generic = result.calibrations[2]
    #expect(generic.isLatent)
    #expect(generic.articlesWithSeedTerms >= 8, "the filler seeds are common")
    #expect(generic.taggedArticles * 4 <= generic.articlesWithSeedTerms, "seed \(seed): \(generic)")
    // The planted themes are unaffected by the extra theme.
    #expect(Array(tagger.articleCounts(result.tags).prefix(2)) == [8, 9])
  }
}
