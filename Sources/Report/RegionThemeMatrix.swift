/// Article counts per region (and city) and theme, tallied from a ``ReportDocument``.
struct RegionThemeMatrix: Sendable {
  /// One row: a region, or a city inside it.
  struct Row: Sendable {
    var region: String
    /// `nil` for the region's own row, which counts all its articles.
    var city: String?
    var articleCount: Int
    /// Counts aligned with ``RegionThemeMatrix/themes``.
    var counts: [Int]
    /// Titles of the articles behind each cell, for hover text.
    var titles: [[String]]
  }

  var themes: [String]
  var rows: [Row]

  /// The largest cell count, at least 1 (the heatmap scale).
  var maximum: Int { max(1, rows.lazy.flatMap(\.counts).max() ?? 0) }

  /// Regions ordered by article count (descending) then name; each region's cities follow it in the same order.
  ///
  /// Columns are ``ReportDocument/themes`` or, when empty, the occurring themes by frequency then
  /// name.
  init(_ document: ReportDocument) {
    var frequency: [String: Int] = [:]
    for article in document.articles { for theme in Set(article.themes) { frequency[theme, default: 0] += 1 } }
    let themes =
      document.themes.isEmpty
      ? frequency.keys.sorted { (frequency[$0] ?? 0, $1) > (frequency[$1] ?? 0, $0) } : document.themes
    let column = Dictionary(themes.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })

    func tally(_ articles: [ReportArticle], region: String, city: String?) -> Row {
      var row = Row(
        region: region, city: city, articleCount: articles.count, counts: Array(repeating: 0, count: themes.count),
        titles: Array(repeating: [], count: themes.count))
      for article in articles {
        for theme in Set(article.themes) {
          guard let index = column[theme] else { continue }
          row.counts[index] += 1
          row.titles[index].append(article.title)
        }
      }
      return row
    }
    let byRegion = Dictionary(grouping: document.articles, by: \.region)
    let regions = byRegion.keys.sorted { (byRegion[$0]?.count ?? 0, $1) > (byRegion[$1]?.count ?? 0, $0) }
    var rows: [Row] = []
    for region in regions {
      let articles = byRegion[region] ?? []
      rows.append(tally(articles, region: region, city: nil))
      let byCity = Dictionary(
        grouping: articles.filter { ($0.city ?? "").isEmpty == false && $0.city != region }, by: { $0.city ?? "" })
      let cities = byCity.keys.sorted { (byCity[$0]?.count ?? 0, $1) > (byCity[$1]?.count ?? 0, $0) }
      rows += cities.map { tally(byCity[$0] ?? [], region: region, city: $0) }
    }
    self.themes = themes
    self.rows = rows
  }
}
