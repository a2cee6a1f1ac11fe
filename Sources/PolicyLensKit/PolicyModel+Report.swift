import Foundation
import Ingest
import LinearAlgebra
import Reduction
import Report
import ThemeTagging
import Timelines

extension PolicyModel {
  /// Everything the HTML report shows, computed from the model: themes, clusters (the k-means
  /// consensus, unclustered articles in their own card), a timeline of themes by issue, a 2-D map, and for each article its most
  /// similar policies in other regions.
  ///
  /// Above ``reportListingThreshold`` articles the document is a summary view
  /// (``ReportDocument/listing``): every article is counted and placed, but only the
  /// ``reportArticlesPerCluster`` articles closest to each cluster's centre (and as many
  /// unclustered ones), plus those `isFocus` selects (at most ``reportFocusLimit``), are listed
  /// with their text and similar policies, so that the page stays a few megabytes and the
  /// similarity searches few. The articles' text is then read only for those (``hasArticleText``
  /// may be false; the listed articles' text comes from `articleText`).
  ///
  /// - Parameters:
  ///   - isFocus: Articles a focused report (`--region`, `--theme`) opens on, listed first.
  ///   - articleText: The full articles of the listed rows, when ``hasArticleText`` is false.
  public func reportDocument(
    catalog: ThemeCatalog, seed: UInt64, similarCount: Int = 3,
    isFocus: ((_ row: Int, _ themes: [String]) -> Bool)? = nil,
    articleText: ((_ rows: [Int]) throws -> [Article])? = nil
  ) throws -> ReportDocument {
    let tagged = try themes(from: catalog).articles
    let clustering = try clusters(ClusterRequest(seed: seed))
    let positions = try mapPositions()
    let queries = QueryModel(model: self)
    let request = SimilarityRequest(count: similarCount, excludesOwnRegion: true, explanationTermCount: 0)
    var listedRows = Array(articles.indices)
    var listing: ReportListing?
    if articles.count > Self.reportListingThreshold {
      let names = { (row: Int) in tagged[row].themes.map(\.name) }
      let focus = isFocus.map { isFocus in articles.indices.filter { isFocus($0, names($0)) } } ?? []
      let rowByID = Dictionary(articles.indices.map { (articles[$0].id, $0) }, uniquingKeysWith: { first, _ in first })
      let central =
        clustering.clusters.flatMap { $0.articles.prefix(Self.reportArticlesPerCluster) }
        + clustering.unclustered.prefix(Self.reportArticlesPerCluster)
      var seen = Set<Int>()
      listedRows = (focus.prefix(Self.reportFocusLimit) + central.compactMap { rowByID[$0.id] }).filter {
        seen.insert($0).inserted
      }
      let focusNote =
        isFocus == nil
        ? ""
        : "\(min(focus.count, Self.reportFocusLimit)) of the \(focus.count) articles in focus, then "
      listing = ReportListing(
        articleIDs: listedRows.map { articles[$0].id },
        note:
          "Summary of \(articles.count) articles: listed here are \(focusNote)the \(Self.reportArticlesPerCluster) "
          + "closest to the centre of each cluster (\(listedRows.count) in all). Every chart and count covers all "
          + "articles. Read any article with policylens show ID; list others with report --region or --theme.")
    }
    let read = hasArticleText ? nil : try articleText?(listedRows)
    let fullArticles = Dictionary(
      zip(listedRows, read ?? listedRows.map { articles[$0] }).map { $0 }, uniquingKeysWith: { first, _ in first })
    var reportArticles: [ReportArticle] = []
    reportArticles.reserveCapacity(articles.count)
    for row in articles.indices {
      let article = fullArticles[row] ?? articles[row]
      let isListed = fullArticles[row] != nil
      let neighbours = isListed ? (try? queries.similar(toArticle: row, request: request)) ?? [] : []
      var reportArticle = ReportArticle(
        id: article.id, title: article.title, region: article.region, city: article.city,
        date: article.date ?? "", issue: article.issue, themes: tagged[row].themes.map(\.name),
        clusterID: clustering.labels[row], position: positions[row],
        similar: neighbours.map { ReportNeighbour(articleID: $0.id, score: $0.score) })
      reportArticle.themeScores = tagged[row].themes.map(\.score)
      reportArticle.source = article.source
      reportArticle.sourceDate = article.sourceDate
      reportArticle.urls = article.urls
      if isListed { reportArticle.body = article.body }
      reportArticles.append(reportArticle)
    }
    var reportTimeline: ReportTimeline?
    if let (timeline, trends) = try? timeline(
      categories: .themes, granularity: .issue, region: nil, themes: tagged, clusters: nil)
    {
      reportTimeline = ReportTimeline(timeline, trends: trends, categoryKind: "themes", includesEmptySeries: false)
    }
    let issues = Set(articles.map(\.issue)).count
    var document = ReportDocument(
      title: "PolicyLens report",
      subtitle: "\(articles.count) articles from \(issues) newsletter issues",
      generatedNote:
        "Model fitted \(manifest.createdAt) by \(manifest.generator); \(lsa.dimensionCount) latent dimensions, \(clustering.clusters.count) clusters (silhouette \(String(format: "%.2f", clustering.silhouette ?? 0))\(clustering.silhouetteArticleCount.map { " estimated on \($0) articles" } ?? "")), \(clustering.unclustered.count) articles unclustered.",
      articles: reportArticles,
      clusters: Self.reportClusters(clustering),
      themes: catalog.themes.map(\.name), timeline: reportTimeline)
    document.listing = listing
    return document
  }

  /// Above this many articles a report is a summary view (see ``reportDocument(catalog:seed:similarCount:isFocus:articleText:)``).
  public static let reportListingThreshold = 2_000
  /// Articles listed in full per cluster in a summary view.
  public static let reportArticlesPerCluster = 10
  /// The most focus articles (`report --region`, `--theme`) a summary view lists.
  public static let reportFocusLimit = 1_000

  /// The report's clusters and timeline views without the map and the neighbours (cheap enough
  /// for a live page: `policylens serve`'s clusters and timeline pages render it with the
  /// report's own sections).
  ///
  /// - Parameters:
  ///   - clustering: The clustering to show, if any.
  ///   - tagged: Every article's themes, in article order.
  ///   - timeline: The timeline to show, if any.
  public func reportDocument(
    clustering: ClusteringResult?, themes tagged: [ArticleThemes], catalog: ThemeCatalog, timeline: ReportTimeline?
  ) -> ReportDocument {
    let reportArticles = articles.indices.map { row in
      let article = articles[row]
      return ReportArticle(
        id: article.id, title: article.title, region: article.region, city: article.city,
        date: article.date ?? "", issue: article.issue, themes: tagged[row].themes.map(\.name),
        clusterID: clustering?.labels[row] ?? nil)
    }
    return ReportDocument(
      title: "PolicyLens", articles: reportArticles, clusters: clustering.map(Self.reportClusters) ?? [],
      themes: catalog.themes.map(\.name), timeline: timeline)
  }

  /// A clustering's clusters as the report shows them: the number, and the first three label
  /// terms as the label.
  static func reportClusters(_ clustering: ClusteringResult) -> [ReportCluster] {
    clustering.clusters.map {
      ReportCluster(id: $0.number, label: $0.terms.prefix(3).joined(separator: " "), terms: $0.terms)
    }
  }

  /// A 2-D map of the articles: the first two principal components of their unit latent
  /// vectors (`PrincipalComponents.scores(of:count:)`), so that cosine neighbours sit close
  /// together.
  ///
  /// - Throws: `ReductionError.linearAlgebra` when the SVD does not converge.
  public func mapPositions() throws -> [ReportPoint] {
    let scores = try PrincipalComponents.scores(of: latentVectors.unitRows(), count: 2)
    return (0..<scores.rowCount).map { ReportPoint(x: scores[$0, 0], y: scores[$0, 1]) }
  }
}
