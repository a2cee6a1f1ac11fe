import ArgumentParser
import Foundation
import Ingest
import PolicyLensKit
import TextAnalysis

/// `policylens terms`: how an article or a text is segmented, or phrase candidates.
struct TermsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "terms",
    abstract: "Show the terms an article or a text becomes, or discover new phrases.",
    discussion: """
      Uses the model's own text analysis (lexicon, user dictionary, discovered phrases, stop \
      words), so what you see is exactly what the model matched on. Without a model, the \
      default analysis is used.

      Examples:
        policylens terms 2024-21#1
        policylens terms --text "上海发布低空经济行动方案，支持eVTOL起降场建设"
        policylens terms --discover seeds
      """)

  @Argument(
    help: ArgumentHelp(
      "An article id (see policylens articles), or with --discover the newsletters to scan.", valueName: "id|path"))
  var arguments: [String] = []

  @Option(help: ArgumentHelp("Analyse this text instead of an article.", valueName: "text"))
  var text: String?

  @Flag(help: "List phrase candidates found in the newsletters (PMI cohesion + boundary entropy).")
  var discover = false

  @Option(help: ArgumentHelp("Show at most this many terms or candidates.", valueName: "n"))
  var limit = 40

  @OptionGroup var modelOptions: ModelOptions
  @OptionGroup var analysis: AnalysisOptions
  @OptionGroup var output: OutputOptions

  func validate() throws {
    if limit < 1 { throw ValidationError("--limit must be at least 1; got \(limit).") }
    let modes = (text != nil ? 1 : 0) + (discover ? 1 : 0) + (!arguments.isEmpty && !discover ? 1 : 0)
    if modes == 0 { throw ValidationError("Give an article id, --text \"…\", or --discover.") }
    if text != nil && !arguments.isEmpty { throw ValidationError("Give either an article id or --text, not both.") }
    if !discover && arguments.count > 1 { throw ValidationError("Give one article id; got \(arguments.count).") }
  }

  func run() async throws {
    if discover { return try await discoverPhrases() }
    let terminal = Terminal.current
    let directory = URL(fileURLWithPath: modelOptions.model)
    let manifest = text == nil ? try ModelManifest.load(from: directory) : try? ModelManifest.load(from: directory)
    let options = try manifest?.parameters.textAnalysis ?? analysis.textAnalysisOptions()
    let analyzer = try TextAnalyzer(options: options, cacheDirectory: lexiconCacheDirectory())
    for note in analyzer.lexiconReport.damageNotes { Terminal.current.note("note: \(note)") }
    let titleRepetitions = manifest?.parameters.titleRepetitions ?? FitOptions.defaultTitleRepetitions
    let source: String
    let shown: String
    let label: String
    if let text {
      source = text
      shown = text
      label = "text"
    } else {
      let articles = try PolicyModel.loadArticles(from: directory)
      let row = try ArticleLookup.row(of: arguments[0], in: articles, model: modelOptions.model)
      source = Pipeline.analysisText(of: articles[row], titleRepetitions: titleRepetitions)
      shown = articles[row].text
      label = articles[row].id
    }
    let tokens = analyzer.tokens(in: shown).filter { $0.kind != .whitespace }
    let terms = analyzer.terms(in: source)
    var counts: [String: Int] = [:]
    for term in terms { counts[term, default: 0] += 1 }
    let ranked = counts.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }
    if output.json {
      struct Count: Encodable { var term: String; var count: Int }
      struct Payload: Encodable {
        var query: String
        var tokens: [String]
        var terms: [String]
        var counts: [Count]
      }
      terminal.line(
        try renderJSON(
          Payload(
            query: label, tokens: tokens.map(\.text), terms: terms,
            counts: ranked.map { Count(term: $0.key, count: $0.value) })))
      return
    }
    terminal.line(
      "segmented: " + tokens.prefix(120).map(\.text).joined(separator: " / ") + (tokens.count > 120 ? " / …" : ""))
    terminal.line()
    var table = TextTable([.init(header: "term", maximumWidth: 24), .init(header: "count", alignsRight: true)])
    for (term, count) in ranked.prefix(limit) { table.append([term, "\(count)"]) }
    terminal.line(table.render(width: terminal.width))
    terminal.line(
      "\(formatCount(tokens.count)) tokens → \(formatCount(terms.count)) terms (\(formatCount(counts.count)) distinct) "
        + "after stop words, places, numbers and single characters"
        + (text == nil ? "; the title counts \(titleRepetitions) times" : ""))
  }

  private func discoverPhrases() async throws {
    let terminal = Terminal.current
    let corpus = try await CorpusLoader.load(paths: arguments.isEmpty ? ["seeds"] : arguments)
    let analyzer = try TextAnalyzer(
      options: try analysis.textAnalysisOptions(), cacheDirectory: lexiconCacheDirectory())
    let candidates = PhraseDiscovery.candidates(
      in: corpus.articles.map { Pipeline.analysisText(of: $0, titleRepetitions: FitOptions.defaultTitleRepetitions) },
      analyzer: analyzer)
    let shown = Array(candidates.prefix(limit))
    if output.json {
      struct Payload: Encodable { var candidates: [PhraseCandidate]; var total: Int }
      terminal.line(try renderJSON(Payload(candidates: shown, total: candidates.count)))
      return
    }
    var table = TextTable([
      .init(header: "phrase"), .init(header: "count", alignsRight: true), .init(header: "PMI", alignsRight: true),
      .init(header: "left H", alignsRight: true), .init(header: "right H", alignsRight: true),
      .init(header: "score", alignsRight: true),
    ])
    for candidate in shown {
      table.append([
        candidate.phrase, "\(candidate.count)", String(format: "%.2f", candidate.cohesion),
        String(format: "%.2f", candidate.leftEntropy), String(format: "%.2f", candidate.rightEntropy),
        String(format: "%.2f", candidate.score),
      ])
    }
    terminal.line(table.render(width: terminal.width))
    terminal.line(
      "\(formatCount(candidates.count)) candidates not in the lexicon; add good ones to models/userdict.txt")
  }
}
