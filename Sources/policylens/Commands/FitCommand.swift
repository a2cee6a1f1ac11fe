import ArgumentParser
import FileIntegrity
import Foundation
import ModelStore
import PolicyLensKit
import Reduction
import Vectorization

/// `policylens fit`: ingest, analyse, weight, reduce, and save a model.
struct FitCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "fit",
    abstract: "Fit a topic model (TF-IDF + LSA) to newsletters and save it.",
    discussion: """
      Ingests the newsletters, segments the articles (jieba lexicon + models/userdict.txt + \
      phrases discovered in the corpus), weights terms by TF-IDF and reduces them to latent \
      dimensions (topics) with a LAPACK-backed SVD. The model directory is replaced \
      atomically: if anything fails, the previous model stays as it was.

      Example:
        policylens fit seeds --model models/seeds --dimensions 40
      """)

  @OptionGroup var corpus: CorpusOptions
  @OptionGroup var modelOptions: ModelOptions

  @Option(
    help: ArgumentHelp(
      "Number of latent dimensions k, the topics (default: 100, lowered to half the articles "
        + "or terms on a small corpus; at most the number of articles).", valueName: "k"))
  var dimensions: Int?

  /// The flag's older names, kept so that existing scripts still run; not shown in help.
  @Option(name: [.customLong("dims"), .customLong("rank")], help: .hidden)
  var legacyDimensions: Int?

  /// `--dimensions`, or its older name `--dims`/`--rank`; nil when neither is given.
  var dimensionCount: Int? { dimensions ?? legacyDimensions }

  @Option(
    help: ArgumentHelp(
      "SVD algorithm: automatic (exact when cheap, as for a few hundred articles; randomized otherwise), exact or randomized.",
      valueName: "algorithm"))
  var algorithm: LSAOptions.Algorithm = .automatic

  @Option(help: ArgumentHelp("Power iterations of the randomized SVD (accuracy vs time).", valueName: "q"))
  var powerIterations = 5

  @Option(help: ArgumentHelp("Extra random directions of the randomized SVD.", valueName: "p"))
  var oversampling = 10

  @Option(
    help: ArgumentHelp(
      "Ignore terms in fewer documents than this: a count (2) or a proportion (0.01).",
      valueName: "n|p"),
    transform: parseFrequencyBound)
  var minDf: DocumentFrequencyBound = .count(1)

  @Option(
    help: ArgumentHelp(
      "Ignore terms in more documents than this: a count or a proportion (0.9).",
      valueName: "n|p"),
    transform: parseFrequencyBound)
  var maxDf: DocumentFrequencyBound = .proportion(1.0)

  @Option(help: ArgumentHelp("Keep only the most frequent terms.", valueName: "n"))
  var maxFeatures: Int?

  @Flag(inversion: .prefixedNo, help: "Use 1 + ln(tf) instead of raw term counts.")
  var sublinearTf = true

  @Flag(inversion: .prefixedNo, help: "Smooth idf as if one extra document held every term.")
  var smoothIdf = true

  @Option(help: ArgumentHelp("Row normalisation: l2, l1 or none.", valueName: "norm"))
  var norm: TFIDFOptions.Normalization = .l2

  @Flag(inversion: .prefixedNo, help: "Add phrases discovered in the corpus (PMI + boundary entropy) to the lexicon.")
  var discoverPhrases = true

  @Flag(help: "Keep words that name a policy's form rather than its subject (条例, 实施方案, 出台 …) as terms.")
  var instrumentWords = false

  @Flag(
    inversion: .prefixedNo,
    help: "Also index the lexicon words inside a compound (优化营商环境 → 营商环境, 优化 …), as jieba's search mode does.")
  var subwords = true

  @Flag(help: "Keep place names (江苏, 苏州市, 长三角, 全市 …) as terms; by default they only set an article's region.")
  var placeNames = false

  @Option(help: ArgumentHelp("How many times an article's title counts in its text.", valueName: "n"))
  var titleWeight = FitOptions.defaultTitleRepetitions

  @OptionGroup var analysis: AnalysisOptions
  @OptionGroup var themeOptions: ThemeOptions

  @Flag(help: "Fit without theme seed terms (otherwise they join the user dictionary, so tagging can see them whole).")
  var noThemes = false
  @OptionGroup var seedOptions: SeedOptions
  @OptionGroup var output: OutputOptions

  func validate() throws {
    if dimensions != nil && legacyDimensions != nil {
      throw ValidationError("--dims and --rank are older names of --dimensions; give --dimensions only.")
    }
    if let dimensionCount, dimensionCount < 1 {
      throw ValidationError("--dimensions must be at least 1; got \(dimensionCount).")
    }
    if powerIterations < 0 || powerIterations > 50 {
      throw ValidationError("--power-iterations must be between 0 and 50; got \(powerIterations).")
    }
    if titleWeight < 0 || titleWeight > 10 {
      throw ValidationError("--title-weight must be between 0 and 10; got \(titleWeight).")
    }
    if oversampling < 0 { throw ValidationError("--oversampling must be at least 0; got \(oversampling).") }
    if let maxFeatures, maxFeatures < 1 {
      throw ValidationError("--max-features must be at least 1; got \(maxFeatures).")
    }
  }

  func run() async throws {
    let terminal = Terminal.current
    let printer = ProgressPrinter(quiet: output.quiet || output.json)
    let modelURL = URL(fileURLWithPath: modelOptions.model)
    // Refuse before minutes of fitting, not after; the writer checks again before replacing.
    try ModelDirectory.checkReplaceable(modelURL)
    let alternative = "or --no-themes to fit without themes"
    let themeFile = noThemes ? nil : try themeOptions.fileData(alternative: alternative)
    let themes = noThemes ? nil : try themeOptions.catalog(alternative: alternative)
    var textAnalysis = FitOptions.textAnalysis(
      try analysis.textAnalysisOptions(), themes: themes, includesInstrumentWords: instrumentWords)
    textAnalysis.indexesSubwords = subwords
    let options = FitOptions(
      textAnalysis: textAnalysis,
      discoversPhrases: discoverPhrases,
      tfidf: TFIDFOptions(
        sublinearTermFrequency: sublinearTf, smoothIDF: smoothIdf, norm: norm,
        minimumDocumentFrequency: minDf, maximumDocumentFrequency: maxDf, maximumFeatures: maxFeatures),
      lsa: LSAOptions(
        dimensionCount: dimensionCount ?? 100, algorithm: algorithm, oversampling: oversampling,
        powerIterations: powerIterations),
      choosesDimensionsAutomatically: dimensionCount == nil,
      seed: seedOptions.seed, excludesPlaceNames: !placeNames, titleRepetitions: titleWeight)
    let clock = ContinuousClock()
    let start = clock.now
    var model = try await Pipeline.fit(
      paths: corpus.paths, options: options, cacheDirectory: lexiconCacheDirectory(),
      progress: printer.handler)
    // The model keeps the files it was fitted with, so that it answers from --model alone.
    model.themeDefinitions = themeFile
    if themeFile != nil {
      model.manifest.themesSource = themeOptions.themes ?? ThemeOptions.repositoryThemes
    }
    model.userDictionaryFile = try analysis.userDictionaryData()
    let saveStart = clock.now
    printer.handler(.started(stage: "save", detail: modelOptions.model))
    let manifest = try await ModelWriteLock.withLock(model: modelURL, waiting: waitingNote(model: modelOptions.model)) {
      try await model.save(to: modelURL)
    }
    printer.handler(
      .finished(stage: "save", summary: "\(manifest.files.count) files", duration: clock.now - saveStart))
    let summary = FitSummary(
      model: modelOptions.model, articles: manifest.counts.articles, terms: manifest.counts.terms,
      dimensions: manifest.counts.dimensions, algorithm: manifest.algorithm,
      discoveredPhrases: manifest.parameters.textAnalysis.discoveredPhrases.count,
      varianceCaptured: model.lsa.varianceShares.reduce(0, +),
      seconds: Double((clock.now - start).components.attoseconds) * 1e-18
        + Double((clock.now - start).components.seconds))
    if output.json {
      terminal.line(try renderJSON(summary))
    } else {
      terminal.line(
        """
        Model written to \(summary.model)
          articles            \(formatCount(summary.articles))
          terms               \(formatCount(summary.terms))
          dimensions          \(summary.dimensions) (\(summary.algorithm) SVD, \(String(format: "%.1f", summary.varianceCaptured * 100))% of the TF-IDF sum of squares)
          discovered phrases  \(summary.discoveredPhrases)
          time                \(String(format: "%.2f", summary.seconds)) s
        Next: policylens topics --model \(ShellQuoting.quote(summary.model))
        """)
    }
  }

  struct FitSummary: Encodable {
    var model: String
    var articles, terms, dimensions: Int
    var algorithm: String
    var discoveredPhrases: Int
    var varianceCaptured: Double
    var seconds: Double
  }
}

extension LSAOptions.Algorithm: ExpressibleByArgument {}
extension TFIDFOptions.Normalization: ExpressibleByArgument {}

/// What a writer prints when another process holds the model's write lock.
func waitingNote(model: String, terminal: Terminal = .current) -> (String) -> Void {
  { lockFile in
    terminal.note("Waiting for another policylens process that is writing \(model) (lock \(lockFile))…")
  }
}

/// `3` → a count of documents, `0.5` → a proportion.
func parseFrequencyBound(_ text: String) throws -> DocumentFrequencyBound {
  if let count = Int(text) { return .count(count) }
  if let proportion = Double(text) { return .proportion(proportion) }
  throw ValidationError("expected a whole number of documents (2) or a proportion (0.05); got \(text).")
}
