import ThemeTagging

extension ThemeCatalog {
  /// The same themes with at most `count` seed terms each (the first ones), as a new user
  /// writes a theme: a name, a description and a few seeds.
  public func keepingFirstSeeds(_ count: Int) -> ThemeCatalog {
    ThemeCatalog(
      themes: themes.map { theme in
        ThemeDefinition(
          key: theme.key, name: theme.name, description: theme.description,
          seedTerms: Array(theme.seedTerms.prefix(count)))
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
  ) -> (model: LogisticRegression, exampleCount: Int, positiveCount: Int) {
    let vectors = model.latentVectors
    var features: [[Double]] = []
    var labels: [Bool] = []
    for variant in [catalog, catalog.keepingFirstSeeds(fewSeedCount)] {
      let tagger = model.themeTagger(for: variant)
      for entry in checkSet.themes where entry.split == split {
        guard let row = model.row(ofArticle: entry.id) else { continue }
        let article = model.articles[row]
        let evidence = tagger.evidence(title: article.title, body: article.body, latentVector: vectors.row(row))
        for (theme, item) in evidence.enumerated() {
          features.append(item.features)
          labels.append(entry.themes.contains(variant.themes[theme].key))
        }
      }
    }
    return (LogisticRegression(fitting: features, labels: labels), features.count, labels.count { $0 })
  }
}
