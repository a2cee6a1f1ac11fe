import Foundation
import Ingest
import LinearAlgebra
import Reduction
import TextAnalysis
import Vectorization

/// Composes the stages: newsletters → articles → terms → TF-IDF → LSA.
public enum Pipeline {
  /// The text of an article as the analyzer sees it: the title `titleRepetitions` times
  /// (``FitOptions/titleRepetitions``), then the body paragraphs, folded to simplified
  /// characters when the article is written in traditional ones (``Article/analysisTitle``).
  public static func analysisText(of article: Article, titleRepetitions: Int) -> String {
    (Array(repeating: article.analysisTitle, count: titleRepetitions) + article.analysisBody).joined(separator: "\n")
  }

  /// Reads newsletters and fits a model.
  ///
  /// - Parameters:
  ///   - paths: Newsletter files (text, PDF, Word, web pages) or folders of them.
  ///   - options: What to fit; see ``FitOptions``.
  ///   - cacheDirectory: Where the compiled lexicon is cached (`nil`: compile in memory).
  ///   - progress: Receives stage events and warnings.
  /// - Throws: `IngestError`, `TextAnalysisError`, `VectorizationError`, `ReductionError`.
  public static func fit(
    paths: [String], options: FitOptions, cacheDirectory: URL?, progress: @escaping ProgressHandler
  ) async throws -> PolicyModel {
    let corpus = try await measureStage(
      "ingest", detail: "\(paths.count) path\(paths.count == 1 ? "" : "s")", progress: progress,
      summary: { "\($0.articles.count) articles from \($0.newsletters.count) newsletters" }
    ) { () async throws(IngestError) in try await CorpusLoader.load(paths: paths) }
    for warning in corpus.warnings { progress(.warning(warning.description)) }
    let summary = ModelManifest.CorpusSummary(corpus)
    return try await fit(
      articles: corpus.articles, corpus: summary, options: options, cacheDirectory: cacheDirectory,
      progress: progress)
  }

  /// Fits a model to articles already read.
  public static func fit(
    articles: [Article], corpus: ModelManifest.CorpusSummary, options: FitOptions,
    cacheDirectory: URL?, progress: @escaping ProgressHandler
  ) async throws -> PolicyModel {
    var textAnalysis = options.textAnalysis
    if options.excludesPlaceNames {
      let known = Set(textAnalysis.stopWords)
      textAnalysis.stopWords += Gazetteer.placeNames.filter { !known.contains($0) }
    }
    var analyzer = try measureStage(
      "lexicon", detail: textAnalysis.lexiconPath, progress: progress,
      summary: { "\($0.lexiconReport.wordCount) words (\($0.lexiconReport.cacheStatus))" }
    ) { () throws(TextAnalysisError) in
      try TextAnalyzer(options: textAnalysis, cacheDirectory: cacheDirectory)
    }
    for note in analyzer.lexiconReport.damageNotes { progress(.warning(note)) }
    if options.discoversPhrases {
      let phrases = measureStage(
        "phrases", detail: "discovering in \(min(articles.count, FitOptions.phraseDiscoverySampleLimit)) articles",
        progress: progress,
        summary: { (phrases: [PhraseCandidate]) in "\(phrases.count) new phrases" }
      ) {
        let step = max(
          1, (articles.count + FitOptions.phraseDiscoverySampleLimit - 1) / FitOptions.phraseDiscoverySampleLimit)
        let sample: [String] = stride(from: 0, to: articles.count, by: step).map { (index: Int) in
          analysisText(of: articles[index], titleRepetitions: options.titleRepetitions)
        }
        return Array(PhraseDiscovery.candidates(in: sample, analyzer: analyzer).prefix(options.discoveredPhraseLimit))
      }
      if !phrases.isEmpty {
        let extended = analyzer.resolvedOptions.addingDiscoveredPhrases(phrases)
        analyzer = try TextAnalyzer(options: extended, cacheDirectory: cacheDirectory)
      }
    }
    let documents = await segment(
      articles, titleRepetitions: options.titleRepetitions, with: analyzer, progress: progress)
    // The article files depend on the articles alone; they are encoded alongside TF-IDF and the
    // SVD, whose serial parts leave a core free, instead of during the save.
    let articleFiles = Task { try? await EncodedArticleFiles(articles) }
    let tfidf = try measureStage(
      "tf-idf", detail: "\(documents.count) documents", progress: progress,
      summary: { "\($0.vocabulary.count) terms, \($0.trainingWeights.nonZeroCount) weights" }
    ) { () throws(VectorizationError) in try TFIDFModel(fitting: documents, options: options.tfidf) }
    var lsaOptions = options.lsa
    if options.choosesDimensionsAutomatically {
      lsaOptions.dimensionCount = FitOptions.automaticDimensionCount(
        documentCount: tfidf.trainingWeights.rowCount, termCount: tfidf.vocabulary.count)
    }
    var generator = SplitMix64(seed: options.seed)
    let lsa = try measureStage(
      "svd",
      detail: "\(lsaOptions.dimensionCount) dimensions of \(tfidf.trainingWeights.rowCount)×\(tfidf.vocabulary.count)",
      progress: progress, summary: { "\($0.dimensionCount) dimensions (\($0.algorithm.rawValue))" }
    ) { () throws(ReductionError) in
      try LSAModel(fitting: tfidf.trainingWeights, options: lsaOptions, using: &generator)
    }
    var resolved = options
    resolved.textAnalysis = analyzer.resolvedOptions
    resolved.lsa = lsaOptions
    let manifest = ModelManifest(
      formatVersion: ModelManifest.currentFormatVersion,
      createdAt: ISO8601DateFormatter().string(from: Date()),
      generator: "policylens \(PolicyLensVersion.current)",
      parameters: resolved, algorithm: lsa.algorithm.rawValue,
      totalSumOfSquares: lsa.totalSumOfSquares, corpus: corpus,
      counts: .init(
        articles: articles.count, terms: tfidf.vocabulary.count, dimensions: lsa.dimensionCount,
        nonZeroWeights: tfidf.trainingWeights.nonZeroCount),
      foldedInArticleCount: 0, files: [:])
    var model = PolicyModel(manifest: manifest, articles: articles, tfidf: tfidf, lsa: lsa)
    // A failure leaves `nil`: the save encodes them again and reports the error.
    model.encodedArticleFiles = await articleFiles.value
    return model
  }

  /// The terms of ``analysisText(of:titleRepetitions:)``, without segmenting the title more
  /// than once.
  ///
  /// Equal to `analyzer.terms(in: analysisText(of: article, titleRepetitions: r))`: the parts of
  /// that text are joined by line breaks, which no token spans, so its terms are the title's
  /// terms `r` times and then the body's.
  static func analysisTerms(of article: Article, titleRepetitions: Int, analyzer: TextAnalyzer) -> [String] {
    let body = analyzer.terms(in: article.analysisBody.joined(separator: "\n"))
    guard titleRepetitions > 0 else { return body }
    let title = analyzer.terms(in: article.analysisTitle)
    var terms: [String] = []
    terms.reserveCapacity(title.count * titleRepetitions + body.count)
    for _ in 0..<titleRepetitions { terms += title }
    terms += body
    return terms
  }

  /// Segments articles into terms (``analysisTerms(of:titleRepetitions:analyzer:)``) on every
  /// core, in input order, reporting progress as each chunk of articles is done.
  public static func segment(
    _ articles: [Article], titleRepetitions: Int, with analyzer: TextAnalyzer, progress: @escaping ProgressHandler
  ) async -> [[String]] {
    progress(.started(stage: "segment", detail: "\(articles.count) articles"))
    let clock = ContinuousClock()
    let start = clock.now
    // Chunks of at most 1 % of the articles, so progress moves steadily.
    let chunkCount = max(1, min(articles.count, max(ProcessInfo.processInfo.activeProcessorCount * 4, 100)))
    let chunkSize = (articles.count + chunkCount - 1) / chunkCount
    let completed = SharedCount()
    var results = [[[String]]](repeating: [], count: chunkCount)
    await withTaskGroup(of: (Int, [[String]]).self) { group in
      for chunk in 0..<chunkCount {
        let range = min(articles.count, chunk * chunkSize)..<min(articles.count, (chunk + 1) * chunkSize)
        guard !range.isEmpty else { continue }
        group.addTask {
          let terms = articles[range].map {
            analysisTerms(of: $0, titleRepetitions: titleRepetitions, analyzer: analyzer)
          }
          // Reported by the worker: the group's own loop runs only once a worker is free.
          let done = completed.add(terms.count)
          progress(.advanced(stage: "segment", completed: done, total: articles.count))
          return (chunk, terms)
        }
      }
      for await (chunk, terms) in group { results[chunk] = terms }
    }
    let documents = results.flatMap { $0 }
    let tokenCount = documents.reduce(0) { $0 + $1.count }
    progress(.finished(stage: "segment", summary: "\(tokenCount) terms", duration: clock.now - start))
    return documents
  }
}

/// The version written into manifests and shown by `--version`.
public enum PolicyLensVersion {
  public static let current = "0.1.0"
}
