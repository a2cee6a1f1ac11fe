import ThemeTagging

/// An article's themes.
public struct ArticleThemes: Sendable, Hashable, Codable {
  public struct Theme: Sendable, Hashable, Codable {
    public var key: String
    public var name: String
    /// Robust z-score of latent similarity against articles without the theme's seed terms.
    public var score: Double
    /// Seed terms found in the article.
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
  /// Articles containing at least one seed term (candidates before calibration).
  public var articlesWithSeedTerms: Int
  /// Seed terms the model's vocabulary lacks (refit to segment them whole).
  public var unmatchedSeedTerms: [String]
}

extension PolicyModel {
  /// Tags every article with the catalog's themes (method: `ThemeTagger`).
  public func themes(
    from catalog: ThemeCatalog, options: ThemeTaggerOptions = ThemeTaggerOptions()
  ) -> (articles: [ArticleThemes], counts: [ThemeCount]) {
    let tagger = ThemeTagger(catalog: catalog, terms: tfidf.terms, options: options)
    let result = tagger.tagging(
      termWeights: weights, documentVectors: latentVectors, termLoadings: lsa.termLoadings)
    let terms = tfidf.terms
    let tagged = zip(articles, result.tags).map { article, scores in
      ArticleThemes(
        id: article.id, title: article.title, region: article.region,
        themes: scores.map { score in
          ArticleThemes.Theme(
            key: score.key, name: catalog.themes[score.theme].name, score: score.score,
            evidence: score.matchedSeedTerms.map { terms[$0] })
        })
    }
    let counts = tagger.articleCounts(result.tags)
    let summary = catalog.themes.indices.map { index in
      ThemeCount(
        key: catalog.themes[index].key, name: catalog.themes[index].name,
        description: catalog.themes[index].description, articleCount: counts[index],
        articlesWithSeedTerms: result.calibrations[index].articlesWithSeedTerms,
        unmatchedSeedTerms: tagger.unmatchedSeedTerms[index])
    }
    return (tagged, summary)
  }
}
