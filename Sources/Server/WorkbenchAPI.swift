import Foundation
import Ingest
import PolicyLensKit
import ThemeTagging
import Timelines

/// The answers behind the JSON API and the pages.
///
/// Each reads its parameters, asks `PolicyLensKit`, and returns the document. No arithmetic here.
struct WorkbenchAPI: Sendable {
  let limits: RequestLimits

  /// `/api/search`: the articles most like a free text, with filters.
  func search(_ parameters: SearchParameters, in snapshot: ModelSnapshot) throws(ServerError) -> SimilarDocument {
    guard let text = parameters.text else {
      throw .badParameter("q", "q is required: the words to search for, e.g. ?q=低空经济 起降场.")
    }
    let request = try parameters.request(in: snapshot)
    do {
      let results = try snapshot.query.similar(toText: text, analyzer: snapshot.analyzer, request: request)
      return SimilarDocument(query: text, queryTitle: nil, results: results)
    } catch {
      throw .badParameter("q", error.description)
    }
  }

  /// `/api/articles/{id}/similar`: the articles most like one article.
  func similar(
    toArticle id: String, _ parameters: QueryParameters, in snapshot: ModelSnapshot
  ) throws(ServerError) -> SimilarDocument {
    let row = try snapshot.row(ofArticle: id)
    let search = try SearchParameters(parameters, limits: limits)
    let otherRegions = try parameters.flag("otherRegions", default: false)
    var request = try search.request(in: snapshot, excludesOwnRegion: otherRegions)
    request.keepsOnePerRegion = try parameters.flag("onePerRegion", default: false)
    do {
      let results = try snapshot.query.similar(toArticle: row, request: request)
      return SimilarDocument(query: id, queryTitle: snapshot.model.articles[row].title, results: results)
    } catch {
      throw .badParameter("q", error.description)
    }
  }

  /// `/api/articles/{id}`: the article, its themes with evidence, and similar policies elsewhere.
  func article(_ id: String, in snapshot: ModelSnapshot) throws -> ArticleDetailDocument {
    let row = try snapshot.row(ofArticle: id)
    let explanations = snapshot.model.themeExplanations(
      ofArticle: row, catalog: snapshot.catalog, tagger: snapshot.tagger, examples: snapshot.examples)
    let similar = try snapshot.query.similar(
      toArticle: row, request: SimilarityRequest(count: 5, excludesOwnRegion: true))
    return ArticleDetailDocument(
      article: snapshot.model.articles[row], themes: explanations.filter(\.isTagged), similarInOtherRegions: similar)
  }

  /// `/api/themes`: every theme with its counts.
  func themes(in snapshot: ModelSnapshot) throws(ServerError) -> ThemesDocument {
    ThemesDocument(themes: try snapshot.tagging.counts)
  }

  /// `/api/themes/{key}`: one theme and its articles, most probable first.
  func theme(_ key: String, in snapshot: ModelSnapshot) throws(ServerError) -> ThemeArticlesDocument {
    let index = try snapshot.theme(key)
    let key = snapshot.catalog.themes[index].key
    func probability(_ article: ArticleThemes) -> Double {
      article.themes.first { $0.key == key }?.score ?? 0
    }
    let tagging = try snapshot.tagging
    let articles = tagging.articles.filter { $0.themes.contains { $0.key == key } }
      .sorted { probability($0) > probability($1) || (probability($0) == probability($1) && $0.id < $1.id) }
    return ThemeArticlesDocument(theme: tagging.counts[index], articles: articles)
  }

  /// `/api/tag/{id}`: `tag ID --json`.
  func tag(_ id: String, in snapshot: ModelSnapshot) throws(ServerError) -> TagDocument {
    TagDocument(articles: [try snapshot.tagging.articles[try snapshot.row(ofArticle: id)]])
  }

  /// `/api/clusters`: `clusters --json` (`k`, `method`; the tree's printed lines are not served).
  func clusters(_ parameters: QueryParameters, in snapshot: ModelSnapshot) throws -> ClustersDocument {
    let (method, result) = try clustering(parameters, in: snapshot)
    return ClustersDocument(method: method, result: result, tree: nil)
  }

  /// The clustering `k` and `method` ask for (the clusters page and `/api/clusters`).
  func clustering(
    _ parameters: QueryParameters, in snapshot: ModelSnapshot
  ) throws -> (method: ClusterMethod, result: ClusteringResult) {
    let articleCount = snapshot.model.articles.count
    let upper = max(2, min(limits.maximumResultCount, articleCount))
    let k: Int? =
      try parameters.text("k") == nil ? nil : try parameters.integer("k", in: 2...upper, default: 2)
    let method = try parameters.choice("method", default: ClusterMethod.sphericalKMeans)
    let request = ClusterRequest(clusterCount: k, method: method)
    return (method, try snapshot.clusters(request))
  }

  /// `/api/timeline`: `timeline --json` (`by`, `categories`, `region`).
  func timeline(_ parameters: QueryParameters, in snapshot: ModelSnapshot) throws -> TimelineDocument {
    let view = try timelineView(parameters, in: snapshot)
    return TimelineDocument(
      granularity: view.granularity, categories: view.categories, region: view.region, timeline: view.timeline,
      trends: view.trends)
  }

  /// The timeline `by`, `categories` and `region` ask for (the timeline page and `/api/timeline`).
  func timelineView(
    _ parameters: QueryParameters, in snapshot: ModelSnapshot
  ) throws -> (
    granularity: TimelineGranularity, categories: TimelineCategories, region: String?, timeline: TopicTimeline,
    trends: [CategoryTrend]
  ) {
    let granularity = try parameters.choice("by", default: TimelineGranularity.issue)
    let categories = try parameters.choice("categories", default: TimelineCategories.themes)
    let region = try parameters.text("region", maximumLength: 40)
    let clusters = categories == .clusters ? try snapshot.clusters(ClusterRequest()) : nil
    do {
      let (timeline, trends) = try snapshot.model.timeline(
        categories: categories, granularity: granularity, region: region,
        themes: categories == .themes ? try snapshot.tagging.articles : nil, clusters: clusters)
      return (granularity, categories, region, timeline, trends)
    } catch let error as TimelineError {
      throw ServerError.badParameter(region == nil ? "by" : "region", "\(error)")
    }
  }
}
