/// Lookups shared by the report's sections, computed once per render.
struct RenderContext: Sendable {
  /// Corpus figures for the page header.
  struct Summary: Sendable {
    var issueCount: Int
    var firstDate: String?
    var lastDate: String?
    /// Regions by article count (descending), then name.
    var regions: [String]
  }

  let document: ReportDocument
  let articlesByID: [String: ReportArticle]
  /// Cluster identifier → position in ``ReportDocument/clusters`` (the colour index).
  let clusterIndex: [Int: Int]
  let matrix: RegionThemeMatrix
  let summary: Summary

  init(_ document: ReportDocument) {
    self.document = document
    articlesByID = Dictionary(document.articles.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    clusterIndex = Dictionary(
      document.clusters.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    matrix = RegionThemeMatrix(document)
    let dates = document.articles.map(\.date).filter { !$0.isEmpty }.sorted()
    let regionCounts = Dictionary(grouping: document.articles, by: \.region).mapValues(\.count)
    summary = Summary(
      issueCount: Set(document.articles.map(\.issue)).count, firstDate: dates.first, lastDate: dates.last,
      regions: regionCounts.keys.sorted { (regionCounts[$0] ?? 0, $1) > (regionCounts[$1] ?? 0, $0) })
  }

  /// The cluster record of an article, if any.
  func cluster(of article: ReportArticle) -> ReportCluster? {
    article.clusterID.flatMap { clusterIndex[$0] }.map { document.clusters[$0] }
  }

  /// The colour of an article's cluster (grey when unassigned or unknown).
  func color(of article: ReportArticle) -> String {
    article.clusterID.flatMap { clusterIndex[$0] }.map(Palette.color) ?? Palette.unassigned
  }

  /// "region · city" when the city adds information, else the region.
  static func place(_ article: ReportArticle) -> String {
    if let city = article.city, !city.isEmpty, city != article.region { return article.region + " · " + city }
    return article.region
  }
}
