import ArgumentParser
import Foundation
import PolicyLensKit
import TextAnalysis
import ThemeTagging

/// `policylens evaluate`: how well a model answers judged questions.
struct EvaluateCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "evaluate",
    abstract: "Measure a model against judged questions: nDCG@10, P@5, MAP, recall@10 and theme F1.",
    discussion: """
      Reads a check set (JSON; Tests/EvaluationData/checkset.json is the seeds' own) with \
      graded judgements for similar-article questions ("similar": a query article and the \
      articles an analyst calls similar, grade 2 = the same kind of policy, 1 = related), \
      free-text questions ("search": a text and the articles that answer it) and themes \
      ("themes": an article id and its theme keys). Unlisted articles count as grade 0. \
      Each entry has a split, tuning or heldout: choose settings on the tuning half, quote \
      figures from the held-out half. Articles may be named by id or exact title.

      Measures, per question and averaged: nDCG@10 with gain 2^grade − 1, precision@5 and \
      recall@10 (grade ≥ 1 is relevant), average precision over the top 100; themes: micro \
      precision, recall and F1 over (article, theme) pairs, and macro F1 over themes.

      Example:
        policylens evaluate Tests/EvaluationData/checkset.json --model models/seeds
      """)

  @Argument(
    help: ArgumentHelp("The check set (JSON).", valueName: "judgements"), completion: .file(extensions: ["json"]))
  var judgements: String

  @Option(help: ArgumentHelp("Share of the lexical (TF-IDF) score in the ranking, 0…1.", valueName: "w"))
  var lexicalWeight = SimilarityRequest.defaultLexicalWeight

  @Option(help: ArgumentHelp("Score added to articles of a place a free-text query names.", valueName: "b"))
  var placePreference = SimilarityRequest.defaultPlacePreference

  @Option(help: ArgumentHelp("Tag an article when P(theme | article) is at least this, 0…1.", valueName: "p"))
  var themeThreshold = ThemeTaggerOptions().threshold

  @Flag(help: "List judged articles the model does not have and evaluate the rest (default: an error).")
  var allowMissing = false

  @Flag(help: "Also print each question's measures.")
  var questions = false

  @Flag(
    help: ArgumentHelp(
      "Fit the tagger's logistic weights to the judged themes of the tuning half and print them.",
      discussion: "The weights are shared by all themes; the defaults in ThemeTaggerOptions were made this way."))
  var calibrateThemes = false

  @OptionGroup var modelOptions: ModelOptions
  @OptionGroup var themeOptions: ThemeOptions
  @OptionGroup var output: OutputOptions

  func validate() throws {
    if !(0...1).contains(lexicalWeight) {
      throw ValidationError("--lexical-weight must be between 0 and 1; got \(lexicalWeight).")
    }
    if !(0...1).contains(placePreference) {
      throw ValidationError("--place-preference must be between 0 and 1; got \(placePreference).")
    }
  }

  func run() async throws {
    let terminal = Terminal.current
    let checkSet = try CheckSet(contentsOf: URL(fileURLWithPath: judgements))
    let model = try PolicyModel.load(from: URL(fileURLWithPath: modelOptions.model))
    let analyzer = try TextAnalyzer(options: model.textAnalysis, cacheDirectory: lexiconCacheDirectory())
    for note in analyzer.lexiconReport.damageNotes { Terminal.current.note("note: \(note)") }
    let catalog = checkSet.themes.isEmpty ? nil : try themeOptions.catalog(for: model)
    var taggerOptions = ThemeTaggerOptions(threshold: themeThreshold)
    if calibrateThemes, let catalog {
      let fitted = Evaluation.calibrateThemes(checkSet, model: model, catalog: catalog)
      terminal.note(
        "calibrated on \(fitted.exampleCount) (article, theme) pairs, \(fitted.positiveCount) positive; "
          + "features: \(ThemeEvidence.featureNames.joined(separator: ", "))")
      terminal.note(
        "weights: [\(fitted.model.weights.map { String(format: "%.4f", $0) }.joined(separator: ", "))], "
          + "intercept: \(String(format: "%.4f", fitted.model.intercept))")
      terminal.note(
        "example model weights: [\(fitted.exampleModel.weights.map { String(format: "%.4f", $0) }.joined(separator: ", "))], "
          + "intercept: \(String(format: "%.4f", fitted.exampleModel.intercept)), threshold \(fitted.exampleThreshold)")
      terminal.note("the tables below use these weights")
      taggerOptions.model = fitted.model
      taggerOptions.exampleModel = fitted.exampleModel
      taggerOptions.exampleThreshold = fitted.exampleThreshold
    }
    let report = try Evaluation.evaluate(
      checkSet, model: model, analyzer: analyzer, catalog: catalog,
      request: SimilarityRequest(lexicalWeight: lexicalWeight, placePreference: placePreference),
      themeOptions: taggerOptions, allowsMissing: allowMissing)
    for entry in report.missing {
      terminal.note("warning: line \(entry.line): \"\(entry.value)\" is not an article of the model; left out")
    }
    if output.json {
      terminal.line(try renderJSON(report))
      return
    }
    let rates = { (value: Double) in String(format: "%.3f", value) }
    var ranking = TextTable([
      .init(header: "question"), .init(header: "split"), .init(header: "n", alignsRight: true),
      .init(header: "nDCG@10", alignsRight: true), .init(header: "P@5", alignsRight: true),
      .init(header: "MAP", alignsRight: true), .init(header: "R@10", alignsRight: true),
    ])
    let names = ["similar": "similar articles", "search": "free text"]
    for row in report.ranking {
      ranking.append([
        names[row.task] ?? row.task, row.split, "\(row.questionCount)", rates(row.metrics.ndcgAt10),
        rates(row.metrics.precisionAt5), rates(row.metrics.averagePrecision), rates(row.metrics.recallAt10),
      ])
    }
    if !report.ranking.isEmpty { terminal.line(ranking.render(width: terminal.width)) }
    if !report.themes.isEmpty {
      var themes = TextTable([
        .init(header: "themes"), .init(header: "split"), .init(header: "articles", alignsRight: true),
        .init(header: "precision", alignsRight: true), .init(header: "recall", alignsRight: true),
        .init(header: "micro-F1", alignsRight: true), .init(header: "macro-F1", alignsRight: true),
      ])
      for row in report.themes {
        themes.append([
          row.variant, row.split, "\(row.articleCount)", rates(row.agreement.microPrecision),
          rates(row.agreement.microRecall), rates(row.agreement.microF1), rates(row.agreement.macroF1),
        ])
      }
      terminal.line()
      terminal.line(themes.render(width: terminal.width))
    }
    if questions {
      var table = TextTable([
        .init(header: "question", maximumWidth: 30), .init(header: "split"),
        .init(header: "nDCG@10", alignsRight: true), .init(header: "P@5", alignsRight: true),
        .init(header: "top answers", maximumWidth: 60),
      ])
      for question in report.questions {
        table.append([
          question.question, question.split, rates(question.metrics.ndcgAt10), rates(question.metrics.precisionAt5),
          question.answers.prefix(3).joined(separator: " "),
        ])
      }
      terminal.line()
      terminal.line(table.render(width: terminal.width))
    }
    terminal.line()
    terminal.line(
      "lexical weight \(lexicalWeight), place preference \(placePreference); quote held-out figures, tune on the tuning half"
    )
  }
}
