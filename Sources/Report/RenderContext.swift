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
  /// Theme (or timeline category) name → its colour: the position in ``RegionThemeMatrix/themes``
  /// (the document's theme order), then timeline categories not among them, in ``Palette`` order.
  let themeColors: [String: String]
  /// The clusters the map highlights: the ``maximumHighlightedClusterCount`` largest by article
  /// count (ties: document order), largest first.
  let highlightedClusters: [ReportCluster]
  /// Cluster identifier → colour, for highlighted clusters only; other clusters are grey.
  let clusterColors: [Int: String]
  /// The articles the articles section lists: every article, or those of the document's
  /// ``ReportListing`` in its order.
  let listedArticles: [ReportArticle]
  /// Identifiers of ``listedArticles`` when the document has a listing (`nil`: all are listed).
  let listedIDs: Set<String>?

  /// The most clusters the map (and every cluster colour) distinguishes; ten is the size of the
  /// colour-blind-safe base palette, and more hues stop being told apart.
  static let maximumHighlightedClusterCount = Palette.clusters.count

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
    var themeNames = matrix.themes
    for series in document.timeline?.series ?? [] where !themeNames.contains(series.name) {
      themeNames.append(series.name)
    }
    themeColors = Dictionary(
      themeNames.enumerated().map { ($1, Palette.color($0)) }, uniquingKeysWith: { first, _ in first })
    let known = clusterIndex
    let sizes = Dictionary(grouping: document.articles.compactMap(\.clusterID).filter { known[$0] != nil }, by: { $0 })
      .mapValues(\.count)
    highlightedClusters = Array(
      document.clusters.enumerated()
        .filter { (sizes[$1.id] ?? 0) > 0 && known[$1.id] == $0 }
        .sorted { (sizes[$0.1.id] ?? 0, $1.0) > (sizes[$1.1.id] ?? 0, $0.0) }
        .prefix(Self.maximumHighlightedClusterCount)
        .map(\.1))
    clusterColors = Dictionary(
      highlightedClusters.enumerated().map { ($1.id, Palette.clusters[$0]) }, uniquingKeysWith: { first, _ in first })
    if let listing = document.listing {
      let byID = articlesByID
      listedArticles = listing.articleIDs.compactMap { byID[$0] }
      listedIDs = Set(listing.articleIDs)
    } else {
      listedArticles = document.articles
      listedIDs = nil
    }
  }

  /// Whether the articles section lists `article`.
  func isListed(_ article: ReportArticle) -> Bool { listedIDs?.contains(article.id) ?? true }

  /// The article's title, linked to its entry in the articles section when it is listed there.
  func link(to article: ReportArticle) -> String {
    isListed(article)
      ? "<a href=\"#article-\(HTMLText.escape(article.id))\">\(HTMLText.escape(article.title))</a>"
      : HTMLText.escape(article.title) + " <code class=\"id\">\(HTMLText.escape(article.id))</code>"
  }

  /// The cluster record of an article, if any.
  func cluster(of article: ReportArticle) -> ReportCluster? {
    article.clusterID.flatMap { clusterIndex[$0] }.map { document.clusters[$0] }
  }

  /// The colour of an article's cluster (grey when unassigned, unknown or not highlighted).
  func color(of article: ReportArticle) -> String {
    article.clusterID.flatMap { clusterColors[$0] } ?? Palette.unassigned
  }

  /// The colour of a cluster: its own when highlighted, else grey.
  func color(ofCluster id: Int) -> String { clusterColors[id] ?? Palette.unassigned }

  /// The colour of a theme, the same in every section (grey for a name the document doesn't know).
  func color(ofTheme name: String) -> String { themeColors[name] ?? Palette.unassigned }

  /// "region · city" when the city adds information, else the region.
  static func place(_ article: ReportArticle) -> String {
    if let city = article.city, !city.isEmpty, city != article.region { return article.region + " · " + city }
    return article.region
  }
}
