import PolicyLensKit

/// A search as the API and the search page read it: `q`, `region`, `theme`, `since`, `until`, `n`.
struct SearchParameters: Sendable, Hashable {
  var text: String?
  var region: String?
  var theme: String?
  var since: String?
  var until: String?
  var count: Int

  init(text: String?, region: String?, theme: String?, since: String?, until: String?, count: Int) {
    self.text = text
    self.region = region
    self.theme = theme
    self.since = since
    self.until = until
    self.count = count
  }

  /// Reads and checks the parameters: dates through ``PolicyLensKit/DateBound`` (as `--since`
  /// and `--until` are), lengths and counts against `limits`.
  ///
  /// - Throws: 400 naming the parameter.
  init(_ parameters: QueryParameters, limits: RequestLimits, defaultCount: Int = 10) throws(ServerError) {
    text = try parameters.text("q", maximumLength: limits.maximumQueryLength)
    region = try parameters.text("region", maximumLength: 40)
    theme = try parameters.text("theme", maximumLength: 80)
    since = try parameters.text("since", maximumLength: 10)
    until = try parameters.text("until", maximumLength: 10)
    count = try parameters.integer("n", in: 1...limits.maximumResultCount, default: defaultCount)
    for (name, value) in [("since", since), ("until", until)] {
      guard let value else { continue }
      do {
        _ = try DateBound.lower(value, flag: name)
      } catch {
        throw .badParameter(name, error.description)
      }
    }
  }

  /// The library request: filters, count, and the theme as the set of its articles.
  func request(in snapshot: ModelSnapshot, excludesOwnRegion: Bool = false) throws(ServerError)
    -> SimilarityRequest
  {
    var articleIDs: Set<String>?
    if let theme {
      guard let index = snapshot.catalog.themes.firstIndex(where: { $0.key == theme || $0.name == theme }) else {
        throw .badParameter(
          "theme",
          "theme must be a theme key or name (\(snapshot.catalog.themes.map(\.key).joined(separator: ", "))); got \"\(theme)\"."
        )
      }
      let key = snapshot.catalog.themes[index].key
      articleIDs = Set(try snapshot.tagging.articles.filter { $0.themes.contains { $0.key == key } }.map(\.id))
    }
    return SimilarityRequest(
      count: count, excludesOwnRegion: excludesOwnRegion, region: region, since: since, until: until,
      articleIDs: articleIDs)
  }
}
