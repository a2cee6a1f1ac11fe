import LinearAlgebra
import ThemeTagging

extension ThemeCatalog {
  /// The same themes with at most `count` seed terms each (the first ones), as a new user
  /// writes a theme: a name, a description and a few seeds.
  public func keepingFirstSeeds(_ count: Int) -> ThemeCatalog {
    ThemeCatalog(
      themes: themes.map { theme in
        ThemeDefinition(
          key: theme.key, name: theme.name, description: theme.description,
          seedTerms: Array(theme.seedTerms.prefix(count)), examples: theme.examples,
          counterExamples: theme.counterExamples)
      })
  }

  /// The same themes with the given examples (article ids per theme key; others keep none).
  public func withExamples(_ examples: [String: [String]]) -> ThemeCatalog {
    ThemeCatalog(
      themes: themes.map { theme in
        ThemeDefinition(
          key: theme.key, name: theme.name, description: theme.description, seedTerms: theme.seedTerms,
          examples: examples[theme.key] ?? [], counterExamples: [])
      })
  }
}

extension Evaluation {
  /// How many seeds a theme keeps in the "few seeds" variant used for calibration and
  /// reporting: a new user's theme has a name, a description and about three seeds.
  public static let fewSeedCount = 3

  /// Fits the tagger's logistic model (``ThemeTaggerOptions/model``) to the judged themes of
  /// one split: every (article, theme) pair is an example, with each theme both as written
  /// and cut to its first ``fewSeedCount`` seeds, so the weights hold for short theme
  /// definitions too.
  ///
  /// - Parameters:
  ///   - checkSet: Judged themes (its `themes` section).
  ///   - model: The model whose articles and latent space give the evidence.
  ///   - catalog: The themes the judgements use.
  ///   - split: Which half to fit on (default `tuning`).
  /// - Returns: The fitted model, and the number of examples and positives it saw.
  public static func calibrateThemes(
    _ checkSet: CheckSet, model: PolicyModel, catalog: ThemeCatalog, split: String = "tuning"
  ) -> (
    model: LogisticRegression, exampleModel: LogisticRegression, exampleThreshold: Double, exampleCount: Int,
    positiveCount: Int
  ) {
    let vectors = model.latentVectors
    let judged = checkSet.themes.filter { $0.split == split }.compactMap { entry in
      model.row(ofArticle: entry.id).map { (row: $0, themes: Set(entry.themes)) }
    }
    let variants = [catalog, catalog.keepingFirstSeeds(fewSeedCount)]
    var features: [[Double]] = []
    var labels: [Bool] = []
    var evidenceByVariant: [[[ThemeEvidence]]] = []
    for variant in variants {
      let tagger = model.themeTagger(for: variant)
      var perArticle: [[ThemeEvidence]] = []
      for (row, themes) in judged {
        let article = model.articles[row]
        let evidence = tagger.evidence(
          title: article.analysisTitle, body: article.analysisBody, latentVector: vectors.row(row))
        perArticle.append(evidence)
        for (theme, item) in evidence.enumerated() {
          features.append(item.features)
          labels.append(themes.contains(variant.themes[theme].key))
        }
      }
      evidenceByVariant.append(perArticle)
    }
    let evidenceModel = LogisticRegression(fitting: features, labels: labels)

    // Examples: draw 3 or 5 of each theme's judged articles, and 2 counter-examples among
    // those that mention the theme without carrying it; every other judged article is a
    // labelled case for the second model.
    let unitRows = vectors.unitRows()
    let means = ThemeExamples.CorpusMeans(unitLatentRows: unitRows, termWeights: model.weights)
    var exampleFeatures: [[Double]] = []
    var exampleLabels: [Bool] = []
    var exampleGates: [Bool] = []
    var generator = SplitMix64(seed: 7)
    for (variant, perArticle) in zip(variants, evidenceByVariant) {
      let positives = variant.themes.map { definition in
        judged.indices.filter { judged[$0].themes.contains(definition.key) }
      }
      let mentions = variant.themes.enumerated().map { theme, definition in
        judged.indices.filter { !judged[$0].themes.contains(definition.key) && perArticle[$0][theme].hasPhrase }
      }
      for count in [3, 5] {
        for draw in 0..<4 {
          // One draw marks every theme with more than `count` judged articles at once, as an
          // analyst would; half the draws add two counter-examples per theme, half none.
          var marked: [(examples: [Int], counters: [Int])?] = []
          for theme in variant.themes.indices {
            guard positives[theme].count > count else {
              marked.append(nil)
              continue
            }
            let examples = Array(positives[theme].shuffled(using: &generator).prefix(count))
            let counters = Array(mentions[theme].shuffled(using: &generator).prefix(draw.isMultiple(of: 2) ? 2 : 0))
            marked.append((examples, counters))
          }
          let learned = marked.map { marks in
            marks.map {
              ThemeExamples(
                examples: $0.examples.map { judged[$0].row }, counterExamples: $0.counters.map { judged[$0].row },
                unitLatentRows: unitRows, termWeights: model.weights, corpusMeans: means)
            }
          }
          for index in judged.indices {
            let similarities = ExampleSimilarity.contrasting(
              learned.map {
                $0?.similarity(ofRow: judged[index].row, unitLatentRows: unitRows, termWeights: model.weights)
              }, keys: variant.themes.map(\.key))
            for (theme, definition) in variant.themes.enumerated() {
              guard let marks = marked[theme], let similarity = similarities[theme],
                !marks.examples.contains(index), !marks.counters.contains(index)
              else { continue }
              let base = evidenceModel.probability(perArticle[index][theme].features)
              exampleFeatures.append(ThemeTagger.exampleFeatures(base: base, similarity))
              exampleLabels.append(judged[index].themes.contains(definition.key))
              exampleGates.append(perArticle[index][theme].hasPhrase)
            }
          }
        }
      }
    }
    let exampleModel = LogisticRegression(fitting: exampleFeatures, labels: exampleLabels)
    // The threshold for themes with examples: the best F1 over the drawn cases.
    var best = (threshold: 0.5, f1: -1.0)
    for step in 2...18 {
      let threshold = Double(step) * 0.05
      let predicted = zip(exampleFeatures, exampleGates).map { $1 && exampleModel.probability($0) >= threshold }
      let f1 = TagAgreement(
        predicted: predicted.map { $0 ? ["x"] : [] }, judged: exampleLabels.map { $0 ? ["x"] : [] }
      ).microF1
      if f1 > best.f1 { best = (threshold, f1) }
    }
    return (evidenceModel, exampleModel, best.threshold, features.count, labels.count { $0 })
  }
}
