import Foundation
import Ingest
import LinearAlgebra
import ModelStore
import ThemeTagging
import Vectorization

/// An article's themes.
public struct ArticleThemes: Sendable, Hashable, Codable {
  /// One theme the article carries.
  public struct Theme: Sendable, Hashable, Codable {
    public var key: String
    public var name: String
    /// P(theme | article), from ``ThemeTaggerOptions/model``.
    public var score: Double
    /// The theme's phrases found in the article, most frequent first.
    public var evidence: [String]
  }

  public var id: String
  public var title: String
  public var region: String
  public var themes: [Theme]
}

/// A theme with the number of articles that carry it.
public struct ThemeCount: Sendable, Hashable, Codable {
  public var key: String
  public var name: String
  public var description: String
  public var articleCount: Int
  /// Articles containing at least one of the theme's phrases (seed terms or name parts).
  public var articlesWithSeedTerms: Int
  /// Seed terms and name parts that occur in no article (check their spelling).
  public var unmatchedSeedTerms: [String]
}

/// Why an article does or does not carry one theme (`tag --explain`).
public struct ThemeExplanation: Sendable, Hashable, Codable {
  public var key: String
  public var name: String
  /// P(theme | article).
  public var probability: Double
  /// Whether the article carries the theme.
  public var isTagged: Bool
  /// The evidence the probability was computed from.
  public var evidence: ThemeEvidence
  /// The description terms the tagger looks for.
  public var descriptionTerms: [String]
}

extension PolicyModel {
  /// The tagger for a catalog on this model's vocabulary and latent space.
  public func themeTagger(
    for catalog: ThemeCatalog, options: ThemeTaggerOptions = ThemeTaggerOptions()
  ) -> ThemeTagger {
    Self.themeTagger(
      for: catalog, weighting: tfidf.weighting, documentCount: manifest.counts.articles,
      termLoadings: mappedTermLoadings.map(MappedTermLoadings.init) ?? lsa.termLoadings,
      options: options)
  }

  /// The tagger for a catalog on a model's vocabulary (`weighting`), training document count and
  /// term loadings: what ``themeTagger(for:options:)`` builds, for a model not loaded whole.
  static func themeTagger(
    for catalog: ThemeCatalog, weighting: TFIDFWeighting, documentCount: Int, termLoadings: (any TermLoadingTable)?,
    options: ThemeTaggerOptions = ThemeTaggerOptions()
  ) -> ThemeTagger {
    ThemeTagger(
      themes: catalog.themes, column: weighting.vocabulary.index(of:), documentFrequency: weighting.documentFrequency,
      documentCount: documentCount, inverseDocumentFrequency: weighting.inverseDocumentFrequency,
      termLoadings: termLoadings, options: options)
  }

  /// What the catalog's themes learn from their examples, or `nil` when no theme has any.
  ///
  /// A theme whose examples `tagger`'s evidence already tags learns nothing beyond labelling
  /// them (``ThemeExamples/extendsEvidence``).
  ///
  /// - Parameter tagger: ``themeTagger(for:options:)`` for `catalog`.
  /// - Throws: ``ThemeTaggingError/unknownExamples(themeKey:articles:suggestions:)`` naming
  ///   the examples that are neither an id nor an exact title of the model's articles.
  public func exampleContext(for catalog: ThemeCatalog, tagger: ThemeTagger) throws(ThemeTaggingError)
    -> ThemeTagger.ExampleContext?
  {
    guard catalog.themes.contains(where: { !$0.examples.isEmpty }) else { return nil }
    var rowByName: [String: Int] = [:]
    for (row, article) in articles.enumerated().reversed() {
      rowByName[article.title] = row
      rowByName[article.id] = row
    }
    let unitRows = latentVectors.unitRows()
    let means = ThemeExamples.CorpusMeans(unitLatentRows: unitRows, termWeights: weights)
    let textEvidence = textEvidence(for: tagger)
    var learned: [ThemeExamples?] = []
    for theme in catalog.themes {
      let named = theme.examples + theme.counterExamples
      let unknown = named.filter { rowByName[$0] == nil }
      guard unknown.isEmpty else {
        throw .unknownExamples(
          themeKey: theme.key, articles: unknown,
          suggestions: ArticleSuggestions.ids(closestTo: unknown[0], in: articles))
      }
      guard !theme.examples.isEmpty else {
        learned.append(nil)
        continue
      }
      let exampleRows = theme.examples.compactMap { rowByName[$0] }
      var examples = ThemeExamples(
        examples: exampleRows, counterExamples: theme.counterExamples.compactMap { rowByName[$0] },
        unitLatentRows: unitRows, termWeights: weights, corpusMeans: means)
      examples.extendsEvidence = !tagger.findsAll(exampleRows, ofTheme: learned.count) { row in
        tagger.withLatentSimilarity(textEvidence(row), latentVector: latentVectors.row(row))
      }
      learned.append(examples)
    }
    return ThemeTagger.ExampleContext(themes: learned, unitLatentRows: unitRows, termWeights: weights)
  }

  /// Tags every article with the catalog's themes (method: `ThemeTagger`; themes with
  /// examples learn from them, see `ThemeExamples`).
  ///
  /// The text evidence comes from ``themeEvidence`` when it was stored for the catalog's themes
  /// as they read now (``storesThemeEvidence(for:)``), so no text is read; otherwise it is
  /// counted in every article's text, which must then be loaded.
  ///
  /// - Throws: ``ThemeTaggingError/unknownExamples(themeKey:articles:suggestions:)``.
  public func themes(
    from catalog: ThemeCatalog, options: ThemeTaggerOptions = ThemeTaggerOptions()
  ) throws(ThemeTaggingError) -> (articles: [ArticleThemes], counts: [ThemeCount]) {
    let tagger = themeTagger(for: catalog, options: options)
    let result = tagger.tagging(
      articleCount: articles.count, latentSimilarities: latentSimilarities(for: tagger),
      examples: try exampleContext(for: catalog, tagger: tagger), textEvidence: textEvidence(for: tagger))
    let tagged = zip(articles, result.tags).map { article, scores in
      ArticleThemes(
        id: article.id, title: article.title, region: article.region,
        themes: scores.map { score in
          ArticleThemes.Theme(
            key: score.key, name: catalog.themes[score.theme].name, score: score.score,
            evidence: score.evidence.matchedPhrases.map(\.phrase))
        })
    }
    let counts = tagger.articleCounts(result.tags)
    let summary = catalog.themes.indices.map { index in
      ThemeCount(
        key: catalog.themes[index].key, name: catalog.themes[index].name,
        description: catalog.themes[index].description, articleCount: counts[index],
        articlesWithSeedTerms: result.articlesWithPhrases[index], unmatchedSeedTerms: result.unmatchedPhrases[index])
    }
    return (tagged, summary)
  }

  /// Every article's latent similarity with every theme of `tagger`: from the mapped unit latent
  /// rows when the model was loaded without its coordinates, else from ``latentVectors`` (the
  /// same bits either way).
  func latentSimilarities(for tagger: ThemeTagger) -> Matrix? {
    guard let rows = mappedUnitLatentRows else { return tagger.latentSimilarities(documentVectors: latentVectors) }
    return rows.withUnsafeBufferPointer { tagger.latentSimilarities(unitLatentRows: $0) }
  }

  /// Every theme's probability and evidence for article `row`, most probable first.
  public func themeExplanations(
    ofArticle row: Int, catalog: ThemeCatalog, options: ThemeTaggerOptions = ThemeTaggerOptions()
  ) throws(ThemeTaggingError) -> [ThemeExplanation] {
    let tagger = themeTagger(for: catalog, options: options)
    return themeExplanations(
      ofArticle: row, catalog: catalog, tagger: tagger, examples: try exampleContext(for: catalog, tagger: tagger))
  }

  /// Every theme's probability and evidence for article `row`, with a tagger and example context
  /// built once for many questions (building the tagger is most of the work: the server keeps one
  /// per loaded model).
  ///
  /// - Parameters:
  ///   - tagger: ``themeTagger(for:options:)`` for `catalog`.
  ///   - examples: ``exampleContext(for:tagger:)`` for `catalog`.
  public func themeExplanations(
    ofArticle row: Int, catalog: ThemeCatalog, tagger: ThemeTagger, examples: ThemeTagger.ExampleContext?
  ) -> [ThemeExplanation] {
    let article = articles[row]
    // From the text when it is loaded, so that themes without evidence show the body's real length.
    let text =
      hasArticleText
      ? tagger.textEvidence(title: article.analysisTitle, body: article.analysisBody) : textEvidence(for: tagger)(row)
    let evidence = tagger.evidence(ofRow: row, textEvidence: text, documentVectors: latentVectors, examples: examples)
    return zip(catalog.themes.indices, evidence).map { theme, evidence in
      ThemeExplanation(
        key: catalog.themes[theme].key, name: catalog.themes[theme].name, probability: tagger.probability(evidence),
        isTagged: tagger.carries(evidence), evidence: evidence, descriptionTerms: tagger.descriptionTerms[theme])
    }.sorted { $0.probability > $1.probability || ($0.probability == $1.probability && $0.key < $1.key) }
  }
}

extension PolicyModel {
  /// Reads the articles' text into a model loaded without it when tagging with `catalog` needs
  /// it (the stored theme evidence does not cover the catalog's themes as they read now).
  ///
  /// - Returns: Whether the text was read.
  public mutating func loadArticleTextIfNeeded(toTagWith catalog: ThemeCatalog, from directory: URL)
    throws(ModelStoreError) -> Bool
  {
    guard !hasArticleText, !storesThemeEvidence(for: themeTagger(for: catalog)) else { return false }
    try loadArticleText(from: directory)
    return true
  }

  /// Reads the TF-IDF rows and the coordinates into a model loaded without them when tagging
  /// with `catalog` needs them: a theme has examples (``ThemeExamples`` compares articles' words
  /// and latent vectors with theirs).
  ///
  /// - Returns: Whether anything was read.
  @discardableResult
  public mutating func loadExampleDataIfNeeded(toTagWith catalog: ThemeCatalog, from directory: URL)
    throws(ModelStoreError) -> Bool
  {
    guard !(hasTermWeights && hasDocumentCoordinates), catalog.themes.contains(where: { !$0.examples.isEmpty })
    else { return false }
    try loadTermWeights(from: directory)
    try loadDocumentCoordinates(from: directory)
    return true
  }

  /// The themes of article `row` alone, as ``themes(from:options:)`` gives them for it.
  ///
  /// - Parameter article: The full article, to count in its text when the stored evidence does
  ///   not cover the catalog and the model was loaded without text.
  public func articleThemes(
    ofRow row: Int, catalog: ThemeCatalog, article: Article? = nil, options: ThemeTaggerOptions = ThemeTaggerOptions()
  ) throws(ThemeTaggingError) -> ArticleThemes {
    let tagger = themeTagger(for: catalog, options: options)
    let text =
      storesThemeEvidence(for: tagger) || article == nil
      ? textEvidence(for: tagger)(row)
      : tagger.textEvidence(title: article?.title ?? "", body: article?.body ?? [])
    let examples = try exampleContext(for: catalog, tagger: tagger)
    let evidence: [ThemeEvidence]
    if let rows = mappedUnitLatentRows {
      // Loaded without the coordinates: the article's unit latent row, mapped, gives the same
      // similarities (see `latentSimilarities(for:)`).
      let dimension = lsa.dimensionCount
      let similarities = rows.withUnsafeBufferPointer { values in
        tagger.latentSimilarities(
          unitLatentRows: UnsafeBufferPointer(rebasing: values[(row * dimension)..<((row + 1) * dimension)]))
      }
      var filled = text
      if let similarities {
        for theme in filled.indices { filled[theme].latentSimilarity = similarities[0, theme] }
      }
      evidence = tagger.evidence(ofRow: row, textEvidence: filled, documentVectors: nil, examples: examples)
    } else {
      evidence = tagger.evidence(ofRow: row, textEvidence: text, documentVectors: latentVectors, examples: examples)
    }
    var scores: [ThemeScore] = []
    for (theme, item) in evidence.enumerated() where tagger.carries(item) {
      scores.append(
        ThemeScore(theme: theme, key: tagger.themes[theme].key, score: tagger.probability(item), evidence: item))
    }
    scores.sort { $0.score > $1.score || ($0.score == $1.score && $0.theme < $1.theme) }
    let summary = articles[row]
    return ArticleThemes(
      id: summary.id, title: summary.title, region: summary.region,
      themes: scores.map { score in
        ArticleThemes.Theme(
          key: score.key, name: catalog.themes[score.theme].name, score: score.score,
          evidence: score.evidence.matchedPhrases.map(\.phrase))
      })
  }
}

/// An article worth labelling for a theme: the tagger is least sure about it.
public struct ThemeSuggestion: Sendable, Hashable, Codable {
  public var id: String
  public var title: String
  public var region: String
  /// P(theme | article).
  public var probability: Double
  /// Whether the article carries the theme now.
  public var isTagged: Bool
  /// The theme's phrases found in it, most frequent first.
  public var evidence: [String]
}

extension PolicyModel {
  /// The articles most worth marking as examples or counter-examples of a theme: those whose
  /// probability is closest to the threshold (uncertainty sampling), among the articles that
  /// mention the theme or have P ≥ 0.05 and are not marked yet.
  ///
  /// - Throws: ``ThemeTaggingError/unknownExamples(themeKey:articles:suggestions:)``.
  public func themeSuggestions(
    forTheme theme: Int, catalog: ThemeCatalog, count: Int, options: ThemeTaggerOptions = ThemeTaggerOptions()
  ) throws(ThemeTaggingError) -> [ThemeSuggestion] {
    let tagger = themeTagger(for: catalog, options: options)
    let examples = try exampleContext(for: catalog, tagger: tagger)
    let vectors = latentVectors
    let textEvidence = textEvidence(for: tagger)
    var candidates: [ThemeSuggestion] = []
    for (row, article) in articles.enumerated() {
      let evidence = tagger.evidence(
        ofRow: row, textEvidence: textEvidence(row), documentVectors: vectors, examples: examples)[theme]
      guard evidence.examples?.label == nil else { continue }
      let probability = tagger.probability(evidence)
      guard evidence.hasPhrase || probability >= 0.05 else { continue }
      candidates.append(
        ThemeSuggestion(
          id: article.id, title: article.title, region: article.region, probability: probability,
          isTagged: tagger.carries(evidence), evidence: evidence.matchedPhrases.map(\.phrase)))
    }
    // The probability an unmarked article is tagged at: P' for a theme that learns from its examples.
    let threshold =
      examples?.themes[theme]?.extendsEvidence == true ? options.exampleThreshold : options.threshold
    return Array(
      candidates.sorted {
        abs($0.probability - threshold) < abs($1.probability - threshold)
          || (abs($0.probability - threshold) == abs($1.probability - threshold) && $0.id < $1.id)
      }.prefix(count))
  }
}
