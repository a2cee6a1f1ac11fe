import LinearAlgebra
import SimilaritySearch

/// One latent topic described for people: its strength, the terms at both ends of its
/// axis, and the articles that lie furthest along it.
public struct TopicSummary: Sendable, Hashable, Codable {
  /// A term and its loading V[t, j].
  public struct WeightedTerm: Sendable, Hashable, Codable {
    public var term: String
    public var loading: Double
  }

  /// An article and its coordinate U[i, j].
  public struct RepresentativeArticle: Sendable, Hashable, Codable {
    public var id: String
    public var title: String
    public var region: String
    public var coordinate: Double
  }

  /// 1-based topic number (topic 1 has the largest singular value).
  public var index: Int
  public var singularValue: Double
  /// σⱼ² / ‖A‖²_F.
  public var varianceShare: Double
  /// Terms with the largest positive loadings, largest first.
  public var positiveTerms: [WeightedTerm]
  /// Terms with the most negative loadings, most negative first.
  public var negativeTerms: [WeightedTerm]
  /// Articles with the largest coordinates, largest first.
  public var articles: [RepresentativeArticle]

  /// Summaries of every topic of `model`.
  ///
  /// - Complexity: O(*k* (*V* log *n* + *D* log *m*)) for *V* terms, *D* articles, *n* terms and
  ///   *m* articles shown per topic.
  public static func topics(of model: PolicyModel, termCount: Int, articleCount: Int) -> [TopicSummary] {
    let loadings = model.lsa.termLoadings
    let coordinates = model.lsa.documentCoordinates
    let terms = model.tfidf.terms
    return (0..<model.lsa.dimensionCount).map { j in
      // The best few of each column in O(n log count), in the order a full sort would give:
      // largest first, ties by lower index; the negative end smallest first, ties by higher index.
      let column = loadings.column(j)
      let positive = RankedIndices(column, batch: termCount).prefix(termCount).filter { column[$0] > 0 }
      let last = column.count - 1
      let negative = RankedIndices(column.reversed().map { -$0 }, batch: termCount).prefix(termCount)
        .map { last - $0 }.filter { column[$0] < 0 }
      let documents = coordinates.column(j)
      let top = RankedIndices(documents, batch: max(1, articleCount)).prefix(articleCount)
      return TopicSummary(
        index: j + 1, singularValue: model.lsa.singularValues[j],
        varianceShare: model.lsa.varianceShares[j],
        positiveTerms: positive.map { WeightedTerm(term: terms[$0], loading: column[$0]) },
        negativeTerms: negative.map { WeightedTerm(term: terms[$0], loading: column[$0]) },
        articles: top.map {
          let article = model.articles[$0]
          return RepresentativeArticle(
            id: article.id, title: article.title, region: article.region, coordinate: documents[$0])
        })
    }
  }
}
