import ArgumentParser
import Foundation
import PolicyLensKit
import TextAnalysis

/// `policylens similar`: the policies most like an article or a text.
struct SimilarCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "similar",
    abstract: "Find similar policies, optionally in other regions.",
    discussion: """
      Ranks articles by cosine similarity in the latent topic space and shows the terms \
      that contribute most to each match. --other-regions answers "what did other places do \
      about this?": it drops the query's own region and its near-duplicates.

      Examples:
        policylens similar 2024-21#1 --other-regions --one-per-region
        policylens similar --text "低空经济 起降场 无人机" -n 5
      """)

  @Argument(help: ArgumentHelp("The query article's id (see policylens articles).", valueName: "id"))
  var id: String?

  @Option(help: ArgumentHelp("Search with this text instead of an article.", valueName: "text"))
  var text: String?

  @Option(name: [.customShort("n"), .customLong("count")], help: ArgumentHelp("Number of results.", valueName: "n"))
  var n = 10

  @Flag(help: "Leave out the query's own region and near-duplicates of the query.")
  var otherRegions = false

  @Flag(help: "Keep only the best article of each region.")
  var onePerRegion = false

  @Option(
    help: ArgumentHelp(
      "Only articles of this region or city, as written (江苏, 江苏省, Jiangsu, 苏州市, Shenzhen).",
      valueName: "place"))
  var region: String?

  @Option(
    help: ArgumentHelp("Only articles dated on or after this date (2024, 2024-06, 2024-06-30).", valueName: "date"))
  var since: String?

  @Option(help: ArgumentHelp("Only articles dated on or before this date.", valueName: "date"))
  var until: String?

  @OptionGroup var modelOptions: ModelOptions
  @OptionGroup var output: OutputOptions

  func validate() throws {
    if (id == nil) == (text == nil) { throw ValidationError("Give either an article id or --text \"…\".") }
    if n < 1 || n > 1000 { throw ValidationError("-n must be between 1 and 1,000; got \(n).") }
  }

  func run() async throws {
    let terminal = Terminal.current
    let clock = ContinuousClock()
    let start = clock.now
    // A query by id analyses no text: the manifest's text-analysis parameters stay undecoded.
    let model = try QueryModel(directory: URL(fileURLWithPath: modelOptions.model), withTextAnalysis: text != nil)
    if output.verbose {
      terminal.note("model: \(model.articles.count) articles loaded in \(formatDuration(clock.now - start))")
    }
    let request = SimilarityRequest(
      count: n, excludesOwnRegion: otherRegions, keepsOnePerRegion: onePerRegion,
      region: try region.map { try NameLookup.place($0) },
      since: since, until: until)
    let results: [SimilarityMatch]
    var queryArticle: ArticleSummary?
    if let id {
      let row =
        try model.row(ofArticle: id)
        ?? ArticleLookup.row(
          of: id, among: model.articles.map(\.id), titles: model.articles.map(\.title), model: modelOptions.model)
      queryArticle = model.articles[row]
      results = try model.similar(toArticle: row, request: request)
    } else {
      let analyzerStart = clock.now
      let analyzer = try TextAnalyzer(
        options: model.manifest.parameters.textAnalysis, cacheDirectory: lexiconCacheDirectory())
      for note in analyzer.lexiconReport.damageNotes { Terminal.current.note("note: \(note)") }
      if output.verbose {
        let report = analyzer.lexiconReport
        terminal.note(
          "lexicon: \(report.wordCount) words (\(report.cacheStatus)) loaded in \(formatDuration(report.loadDuration)); analyzer ready in \(formatDuration(clock.now - analyzerStart))"
        )
      }
      results = try model.similar(toText: text ?? "", analyzer: analyzer, request: request)
    }
    if output.verbose { terminal.note("query answered \(formatDuration(clock.now - start)) after start") }
    if output.json {
      terminal.line(
        try renderJSON(SimilarDocument(query: id ?? text ?? "", queryTitle: queryArticle?.title, results: results)))
      return
    }
    if let id, let article = queryArticle {
      terminal.line("Similar to \(id)  \(article.region)\(article.city.map { "·" + $0 } ?? "")  \(article.title)\n")
    }
    guard !results.isEmpty else {
      terminal.line(
        "No articles pass the filters\(request.region.map { " (articles of \($0))" } ?? ""). "
          + "Loosen --region, --since or --until.")
      return
    }
    var table = TextTable([
      .init(header: "score", alignsRight: true), .init(header: "id"), .init(header: "place"),
      .init(header: "date"), .init(header: "title", maximumWidth: 44, minimumWidth: 14),
      .init(header: "because of", maximumWidth: 40, minimumWidth: 12),
    ])
    for match in results {
      table.append([
        String(format: "%.3f", match.score), match.id,
        match.region + (match.city.map { "·" + $0 } ?? ""), match.date ?? "", match.title,
        match.terms.joined(separator: " "),
      ])
    }
    terminal.line(table.render(width: terminal.width))
  }
}
