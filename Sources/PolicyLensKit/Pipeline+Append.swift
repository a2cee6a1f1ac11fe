import Foundation
import Ingest
import LinearAlgebra
import ModelStore
import Reduction
import ThemeTagging
import Vectorization

extension Pipeline {
  /// How `add` wrote the articles it folded in.
  public enum AddStorage: String, Sendable, Codable {
    /// As a new segment beside the unchanged files (no file of the model rewritten).
    case segment
    /// As one rewritten model (each file whole, no segments), as `fit` writes it.
    case rewritten
  }

  /// The most segments a model keeps.
  ///
  /// The `add` that would pass it rewrites the model whole; each segment is a few small files
  /// that every reader opens.
  public static let maximumSegmentCount = 32

  /// Folds `newArticles` into the model at `directory` and writes the result as a new
  /// generation of the model (see ``add(articles:to:cacheDirectory:progress:)`` for what is
  /// added and skipped; the results are the same).
  ///
  /// Usually the new generation keeps every file of the old one (hard links) and adds one
  /// *segment*: small files holding only the new articles' rows (`ModelFile.segmentName(_:)`),
  /// so the model is neither decoded nor rewritten: duplicates are found through
  /// `content_keys.txt` and `article_index.tsv`, and the new rows need only the vocabulary, idf
  /// and topics. The model is loaded and rewritten whole instead (one base file each, no
  /// segments) when `compacting`, when it has ``maximumSegmentCount`` segments or its segments
  /// hold more than a quarter of its rows (and over 10,000), when it predates
  /// `content_keys.txt`, or when its stored theme evidence does not match its themes as
  /// counted now (the rewrite counts it again).
  ///
  /// Writing is atomic, as for `PolicyModel.save(to:)`. The caller holds the model's writer lock
  /// (`ModelWriteLock`) around this call, so no other writer's work is lost.
  ///
  /// - Returns: One report per added article, the skipped ids, and how the model was written
  ///   (`nil` when nothing was added and the model was left as it was).
  public static func add(
    articles newArticles: [Article], toModelAt directory: URL, compacting: Bool = false, cacheDirectory: URL?,
    progress: @escaping ProgressHandler
  ) async throws -> (added: [FoldInReport], skipped: [String], storage: AddStorage?) {
    let manifest = try ModelManifest.load(from: directory)
    if !compacting, !needsRewrite(manifest), let base = try AppendBase(manifest: manifest, directory: directory) {
      let foldIn = try await self.foldIn(
        newArticles, knownContent: base.contentKeys, takenIDs: base.ids, into: base.space,
        cacheDirectory: cacheDirectory, progress: progress)
      guard !foldIn.articles.isEmpty else { return ([], foldIn.skipped, nil) }
      var evidence: StoredThemeEvidence?
      if let tagger = base.tagger {
        evidence = StoredThemeEvidence(
          table: await PolicyModel.themeEvidence(of: foldIn.articles, tagger: tagger), phrases: tagger.phrases)
      }
      try await PolicyModel.appendSegment(
        foldIn, themeEvidence: evidence, singularValues: base.space.lsa.singularValues, to: manifest, at: directory)
      return (foldIn.reports, foldIn.skipped, .segment)
    }
    let model = try PolicyModel.load(from: directory)
    let result = try await add(articles: newArticles, to: model, cacheDirectory: cacheDirectory, progress: progress)
    guard !result.added.isEmpty else { return ([], result.skipped, nil) }
    try await result.model.save(to: directory)
    return (result.added, result.skipped, .rewritten)
  }

  /// Whether the model's segments are past the limits of ``add(articles:toModelAt:compacting:cacheDirectory:progress:)``.
  public static func needsRewrite(_ manifest: ModelManifest) -> Bool {
    let segmentRows = (manifest.segments ?? []).reduce(0, +)
    let baseRows = manifest.counts.articles + manifest.foldedInArticleCount - segmentRows
    return manifest.segmentCount >= maximumSegmentCount || segmentRows > max(10_000, baseRows / 4)
  }

  /// What `add` reads of a model to append a segment: content keys and ids of its articles (for
  /// duplicates), its weighting and topics (for the fold-in), and the tagger whose evidence it
  /// stores.
  private struct AppendBase {
    var contentKeys: Set<String>
    var ids: Set<String>
    var space: FoldInSpace
    var tagger: ThemeTagger?

    /// Reads them, or returns `nil` when a segment cannot reproduce what rewriting the model
    /// would write (no `content_keys.txt`; theme evidence missing or counted for other themes).
    ///
    /// - Throws: `ModelStoreError` naming a damaged file.
    init?(manifest: ModelManifest, directory: URL) throws(ModelStoreError) {
      let files = manifest.files(in: directory)
      let articleCount = manifest.counts.articles + manifest.foldedInArticleCount
      guard files.partNames(.contentKeys).allSatisfy({ files.entries[$0] != nil }) else { return nil }

      var themeDefinitions: Data?
      if files.entries[ModelFile.themeDefinitions.name] != nil {
        themeDefinitions = try files.verifiedData(.themeDefinitions)
      }
      let (terms, documentFrequency) = try PolicyModel.vocabulary(in: files, manifest: manifest)
      guard zip(terms, terms.dropFirst()).allSatisfy({ Vocabulary.precedes($0, $1) }) else {
        throw .malformedFile(path: files.path(.vocabulary), reason: "values out of order or out of range")
      }
      let idf = try files.doubles(.inverseDocumentFrequency, count: manifest.counts.terms)
      let sigma = try files.doubles(.singularValues, count: manifest.counts.dimensions)
      guard sigma.allSatisfy({ $0 > 0 && $0.isFinite }) else {
        throw .malformedFile(path: files.path(.singularValues), reason: "values out of order or out of range")
      }
      let loadings = try files.matrix(
        .termLoadings, rows: manifest.counts.terms, columns: manifest.counts.dimensions)
      let weighting = TFIDFWeighting(
        options: manifest.parameters.tfidf, terms: terms, trainingDocumentCount: manifest.counts.articles,
        documentFrequency: documentFrequency, inverseDocumentFrequency: idf)

      // Rewriting stores evidence counted with the model's themes as this build reads them
      // (none when they do not parse); a segment must store the same, so it needs the base's
      // evidence to be exactly that.
      let catalog = PolicyModel.themeCatalog(definedBy: themeDefinitions)
      if let catalog {
        let tagger = PolicyModel.themeTagger(
          for: catalog, weighting: weighting, documentCount: manifest.counts.articles, termLoadings: loadings)
        let signatures = tagger.themes.indices.map { StoredThemeEvidence.digest(tagger.textSignature(ofTheme: $0)) }
        guard let stored = manifest.themeEvidence, stored.signatures == signatures, stored.phrases == tagger.phrases,
          files.entries[ModelFile.themeEvidence.name] != nil
        else { return nil }
        self.tagger = tagger
      } else {
        guard manifest.themeEvidence == nil else { return nil }
        self.tagger = nil
      }

      var keys = Set<String>(minimumCapacity: articleCount)
      var keyCount = 0
      for data in try files.verifiedParts(.contentKeys) {
        TabSeparatedLines.forEachLine(in: data, skippingHeaderLines: 0) { _, fields in
          keys.insert(fields[0])
          keyCount += 1
          return true
        }
      }
      guard keyCount == articleCount else {
        throw .shapeMismatch(path: files.path(.contentKeys), expected: "\(articleCount) keys", found: "\(keyCount)")
      }
      let index: ArticleIndex
      switch ArticleIndex.parsing(ModelDirectory.concatenatedLines(try files.verifiedParts(.articleIndex))) {
      case .success(let parsed): index = parsed
      case .failure(let malformed):
        throw .malformedFile(path: files.path(.articleIndex), reason: "line \(malformed.number) does not have 6 fields")
      }
      guard index.count == articleCount else {
        throw .shapeMismatch(
          path: files.path(.articleIndex), expected: "\(articleCount) articles", found: "\(index.count)")
      }
      self.contentKeys = keys
      self.ids = Set(index.ids)
      self.space = FoldInSpace(
        textAnalysis: manifest.parameters.textAnalysis, titleRepetitions: manifest.parameters.titleRepetitions,
        weighting: weighting,
        lsa: LSAModel(
          options: manifest.parameters.lsa, algorithm: LSAOptions.Algorithm(rawValue: manifest.algorithm) ?? .exact,
          singularValues: sigma, termLoadings: loadings,
          documentCoordinates: Matrix(rowCount: 0, columnCount: manifest.counts.dimensions),
          totalSumOfSquares: manifest.totalSumOfSquares))
    }
  }
}
