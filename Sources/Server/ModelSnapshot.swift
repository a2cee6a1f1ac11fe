import Foundation
import LinearAlgebra
import PolicyLensKit
import Report
import TextAnalysis
import ThemeTagging

/// One fully loaded model and what the server derives from it, never changed after loading:
/// requests that started on it finish on it even when a newer model replaces it.
final class ModelSnapshot: Sendable {
  /// The whole model (bodies, matrices), every checksum verified.
  let model: PolicyModel
  /// The query view of the same model (search, similar).
  let query: QueryModel
  /// Free-text analysis exactly as the model was fitted.
  let analyzer: TextAnalyzer
  let catalog: ThemeCatalog
  /// Every article's themes, in article order, and the count per theme.
  typealias Tagging = (articles: [ArticleThemes], counts: [ThemeCount])
  /// The tagger and what the themes learn from their examples, built once for the article pages.
  let tagger: ThemeTagger
  let examples: ThemeTagger.ExampleContext?
  /// What the files looked like when this snapshot was read.
  let stamp: SourceStamp
  /// Every region and city that articles name, sorted (the pages' place filters).
  let places: [String]
  /// Every region that articles name, sorted.
  let regions: [String]
  private let rowsByID: [String: Int]
  private let clusterings = Locked<[ClusterRequest: ClusteringResult]>([:])
  private let taggingResult = Locked<Result<Tagging, any Error>?>(nil)
  private let loadedAt = ContinuousClock.now
  private let cachedThemeTimeline = Locked<ReportTimeline??>(nil)
  private let cachedSuggestions = Locked<[String: [ThemeSuggestion]]>([:])

  /// Loads the model and themes named by `configuration`.
  ///
  /// - Throws: `ModelStoreError`, `ThemeTaggingError` or `TextAnalysisError` when any part is
  ///   missing or damaged; nothing is kept from a failed load.
  init(configuration: WorkbenchConfiguration, stamp: SourceStamp) throws {
    let model = try PolicyModel.load(from: configuration.modelDirectory)
    let themesText: String
    do {
      themesText = try String(contentsOf: configuration.themesFile, encoding: .utf8)
    } catch {
      throw WorkbenchError.unreadableThemes(path: configuration.themesFile.path, reason: error.localizedDescription)
    }
    let catalog = try ThemeCatalog(parsing: themesText, fileName: configuration.themesFile.path)
    self.model = model
    self.query = QueryModel(model: model)
    self.analyzer = try TextAnalyzer(options: model.textAnalysis, cacheDirectory: configuration.lexiconCacheDirectory)
    self.catalog = catalog
    self.tagger = model.themeTagger(for: catalog)
    // Checks the themes' examples against the model, so a themes file naming unknown articles
    // fails the load (and a reload keeps the previous model).
    self.examples = try model.exampleContext(for: catalog, tagger: tagger)
    let result = taggingResult
    DispatchQueue.global(qos: .utility).async {
      let tagging = Result { try model.themes(from: catalog) }
      result.withLock { $0 = tagging }
    }
    self.stamp = stamp
    var rows: [String: Int] = [:]
    for (row, article) in model.articles.enumerated() { rows[article.id] = row }
    self.rowsByID = rows
    self.places = Set(model.articles.flatMap { [$0.region] + ($0.city.map { [$0] } ?? []) }).sorted()
    self.regions = Set(model.articles.map(\.region)).sorted()
  }

  /// Every article's themes, in article order, and the count per theme.
  ///
  /// Tagging reads every article's text (seconds for thousands of articles, minutes at 100,000),
  /// so it runs in the background from the load on; search without a theme filter and the article
  /// pages do not need it.
  ///
  /// - Throws: 503 while the tagging is under way (saying so, with the time it has taken), 500
  ///   if it failed.
  var tagging: Tagging {
    get throws(ServerError) {
      switch taggingResult.withLock({ $0 }) {
      case .success(let tagging): return tagging
      case .failure(let error):
        throw ServerError(
          status: .internalServerError, message: "The themes could not be tagged: \(error)", parameter: nil)
      case nil:
        let seconds = Int((ContinuousClock.now - loadedAt).components.seconds)
        throw ServerError(
          status: .serviceUnavailable,
          message:
            "The themes of the \(model.articles.count) articles are still being tagged (\(seconds) s so far). "
            + "Search and article pages work meanwhile; try this again shortly.",
          parameter: nil)
      }
    }
  }

  /// The themes file the model was fitted from (`ModelManifest.themesSource`), when it exists
  /// as the CLI resolves it (relative to the working folder).
  var themesSource: URL? {
    model.manifest.themesSource.flatMap { path in
      FileManager.default.fileExists(atPath: path) ? URL(fileURLWithPath: path) : nil
    }
  }

  /// The row of article `id`.
  ///
  /// - Throws: 404 naming the id.
  func row(ofArticle id: String) throws(ServerError) -> Int {
    guard let row = rowsByID[id] else {
      throw .notFound("id", "No article with id \(id). Search for it at /api/search?q=…")
    }
    return row
  }

  /// The index of the theme `key` in the catalog.
  ///
  /// - Throws: 404 listing the keys.
  func theme(_ key: String) throws(ServerError) -> Int {
    guard let index = catalog.themes.firstIndex(where: { $0.key == key }) else {
      throw .notFound(
        "key", "No theme \(key). The themes are: \(catalog.themes.map(\.key).joined(separator: ", ")).")
    }
    return index
  }

  /// The clustering for `request`, computed once per snapshot.
  func clusters(_ request: ClusterRequest) throws -> ClusteringResult {
    if let cached = clusterings.withLock({ $0[request] }) { return cached }
    let result = try model.clusters(request)
    clusterings.withLock { $0[request] = result }
    return result
  }

  /// Themes by issue with their trend markers (as the report's heat map shows them), computed
  /// once per snapshot; `nil` when no article is dated.
  ///
  /// - Throws: 503 while the themes are being tagged (see ``tagging``).
  func themeTimeline() throws(ServerError) -> ReportTimeline? {
    if let cached = cachedThemeTimeline.withLock({ $0 }) { return cached }
    let articles = try tagging.articles
    let timeline = try? model.timeline(
      categories: .themes, granularity: .issue, region: nil, themes: articles, clusters: nil)
    let result = timeline.map {
      ReportTimeline($0.timeline, trends: $0.trends, categoryKind: "themes", includesEmptySeries: true)
    }
    cachedThemeTimeline.withLock { $0 = .some(result) }
    return result
  }

  /// The ten articles most worth marking for theme `key` (`themes --suggest`), computed once
  /// per snapshot (it reads every article's text).
  ///
  /// - Throws: 404 for an unknown key.
  func suggestions(forTheme key: String) throws -> [ThemeSuggestion] {
    let index = try theme(key)
    if let cached = cachedSuggestions.withLock({ $0[key] }) { return cached }
    let result = try model.themeSuggestions(forTheme: index, catalog: catalog, count: 10)
    cachedSuggestions.withLock { $0[key] = result }
    return result
  }
}
