import ThemeTagging

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
    ThemeTagger(
      themes: catalog.themes, terms: tfidf.terms, documentFrequency: tfidf.documentFrequency,
      documentCount: manifest.counts.articles, inverseDocumentFrequency: tfidf.inverseDocumentFrequency,
      termLoadings: lsa.termLoadings, options: options)
  }

  /// Tags every article with the catalog's themes (method: `ThemeTagger`).
  public func themes(
    from catalog: ThemeCatalog, options: ThemeTaggerOptions = ThemeTaggerOptions()
  ) -> (articles: [ArticleThemes], counts: [ThemeCount]) {
    let tagger = themeTagger(for: catalog, options: options)
    let result = tagger.tagging(articles: articles.map { ($0.title, $0.body) }, documentVectors: latentVectors)
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

  /// Every theme's probability and evidence for article `row`, most probable first.
  public func themeExplanations(
    ofArticle row: Int, catalog: ThemeCatalog, options: ThemeTaggerOptions = ThemeTaggerOptions()
  ) -> [ThemeExplanation] {
    let tagger = themeTagger(for: catalog, options: options)
    let article = articles[row]
    let evidence = tagger.evidence(title: article.title, body: article.body, latentVector: latentVectors.row(row))
    return zip(catalog.themes.indices, evidence).map { theme, evidence in
      ThemeExplanation(
        key: catalog.themes[theme].key, name: catalog.themes[theme].name, probability: tagger.probability(evidence),
        isTagged: tagger.carries(evidence), evidence: evidence, descriptionTerms: tagger.descriptionTerms[theme])
    }.sorted { $0.probability > $1.probability || ($0.probability == $1.probability && $0.key < $1.key) }
  }
}
