import Foundation
import Ingest
import LinearAlgebra
import Report
import ThemeTagging
import Timelines

extension PolicyModel {
  /// Everything the HTML report shows, computed from the model: themes, clusters (k chosen
  /// by silhouette), a timeline of themes by issue, a 2-D map, and for each article its most
  /// similar policies in other regions.
  public func reportDocument(catalog: ThemeCatalog, seed: UInt64, similarCount: Int = 3) throws -> ReportDocument {
    let tagged = themes(from: catalog).articles
    let clustering = try clusters(ClusterRequest(seed: seed))
    let positions = mapPositions()
    let queries = QueryModel(model: self)
    let request = SimilarityRequest(count: similarCount, excludesOwnRegion: true, explanationTermCount: 0)
    var reportArticles: [ReportArticle] = []
    for row in articles.indices {
      let article = articles[row]
      let neighbours = (try? queries.similar(toArticle: row, request: request)) ?? []
      reportArticles.append(
        ReportArticle(
          id: article.id, title: article.title, region: article.region, city: article.city,
          date: article.date ?? "", issue: article.issue, themes: tagged[row].themes.map(\.name),
          clusterID: clustering.labels[row], position: positions[row],
          similar: neighbours.map { ReportNeighbour(articleID: $0.id, score: $0.score) }))
    }
    var reportTimeline: ReportTimeline?
    if let (timeline, trends) = try? timeline(
      categories: .themes, granularity: .issue, region: nil, themes: tagged, clusters: nil)
    {
      let markers = Dictionary(uniqueKeysWithValues: trends.map { ($0.category, $0.marker.rawValue) })
      reportTimeline = ReportTimeline(
        categoryKind: "themes", periods: timeline.periods.map(\.label),
        periodArticleCounts: timeline.periods.map(\.articleCount),
        series: timeline.series.filter { $0.totalCount > 0 }.map {
          ReportSeries(name: $0.category, counts: $0.counts, shares: $0.shares, trend: markers[$0.category])
        })
    }
    let issues = Set(articles.map(\.issue)).count
    return ReportDocument(
      title: "PolicyLens report",
      subtitle: "\(articles.count) articles from \(issues) newsletter issues",
      generatedNote: "Model fitted \(manifest.createdAt) by \(manifest.generator); \(lsa.dimensionCount) topics, \(clustering.clusters.count) clusters (silhouette \(String(format: "%.2f", clustering.silhouette ?? 0))).",
      articles: reportArticles,
      clusters: clustering.clusters.map {
        ReportCluster(id: $0.number, label: $0.terms.prefix(3).joined(separator: " "), terms: $0.terms)
      },
      themes: catalog.themes.map(\.name), timeline: reportTimeline)
  }

  /// A 2-D map of the articles: the first two principal components of their unit latent
  /// vectors (centred), so that cosine neighbours sit close together. PCA on the unit
  /// vectors, rather than the raw first two LSA dimensions, removes the "mean article"
  /// direction that LSA's first dimension mostly is.
  public func mapPositions() -> [ReportPoint] {
    let vectors = latentVectors
    let n = vectors.rowCount
    let k = vectors.columnCount
    guard n >= 2, k >= 2 else { return Array(repeating: ReportPoint(x: 0, y: 0), count: n) }
    var unit = Matrix(rowCount: n, columnCount: k)
    for i in 0..<n {
      let row = vectors.row(i)
      let norm = row.reduce(0) { $0 + $1 * $1 }.squareRoot()
      for j in 0..<k { unit[i, j] = norm > 0 ? row[j] / norm : 0 }
    }
    for j in 0..<k {
      let mean = (0..<n).reduce(0) { $0 + unit[$1, j] } / Double(n)
      for i in 0..<n { unit[i, j] -= mean }
    }
    guard let svd = try? SingularValueDecomposition(unit) else {
      return (0..<n).map { ReportPoint(x: unit[$0, 0], y: unit[$0, 1]) }
    }
    let sigma = svd.singularValues
    return (0..<n).map { i in
      ReportPoint(
        x: svd.leftSingularVectors[i, 0] * sigma[0],
        y: sigma.count > 1 ? svd.leftSingularVectors[i, 1] * sigma[1] : 0)
    }
  }
}
