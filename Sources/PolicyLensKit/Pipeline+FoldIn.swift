import FileIntegrity
import Foundation
import Ingest
import LinearAlgebra
import Reduction
import TextAnalysis
import Vectorization

/// How well one folded-in article is represented by the model's vocabulary.
public struct FoldInReport: Sendable, Hashable, Codable {
  public var id: String
  public var title: String
  /// Share of the article's terms (tokens after analysis) that the model's vocabulary does not
  /// know (`TFIDFWeighting.coverage`): they are dropped when the article is weighted.
  public var unknownShare: Double
  /// Whether the share is above ``Pipeline/poorRepresentationThreshold``.
  public var isPoorlyRepresented: Bool
}

extension Pipeline {
  /// Above this unknown share, an added article's topic coordinates rest on less than half
  /// of what it says, and a refit is advisable.
  public static let poorRepresentationThreshold = 0.5

  /// Projects new articles into an existing model without refitting (fold-in,
  /// q̂ = q V Σ⁻¹ on the TF-IDF row q weighted with the model's idf), and appends them.
  ///
  /// Articles are recognised by content (``contentKey(of:)``), not by id or file name: an
  /// article whose text is already in the model, or earlier in `newArticles`, is skipped (a
  /// newsletter added twice); a new text whose id is taken (a second, different `note.txt`)
  /// is added under the id with a short content hash appended to its prefix (`note-3fa2c1#1`).
  ///
  /// - Returns: The extended model, one report per added article, and the skipped ids.
  public static func add(
    articles newArticles: [Article], to model: PolicyModel, cacheDirectory: URL?,
    progress: @escaping ProgressHandler
  ) async throws -> (model: PolicyModel, added: [FoldInReport], skipped: [String]) {
    let foldIn = try await self.foldIn(
      newArticles, knownContent: Set(model.articles.map(contentKey(of:))), takenIDs: Set(model.articles.map(\.id)),
      into: FoldInSpace(model), cacheDirectory: cacheDirectory, progress: progress)
    guard !foldIn.articles.isEmpty else { return (model, [], foldIn.skipped) }
    var extended = model
    extended.articles += foldIn.articles
    extended.tfidf = TFIDFModel(
      options: model.tfidf.options, terms: model.tfidf.terms,
      documentFrequency: model.tfidf.documentFrequency,
      inverseDocumentFrequency: model.tfidf.inverseDocumentFrequency,
      trainingWeights: model.weights.appendingRows(of: foldIn.weights), trainingDocumentCount: model.tfidf.documentCount
    )
    extended.lsa = LSAModel(
      options: model.lsa.options, algorithm: model.lsa.algorithm,
      singularValues: model.lsa.singularValues, termLoadings: model.lsa.termLoadings,
      documentCoordinates: model.lsa.documentCoordinates.appendingRows(of: foldIn.coordinates),
      totalSumOfSquares: model.lsa.totalSumOfSquares)
    extended.manifest.foldedInArticleCount += foldIn.articles.count
    return (extended, foldIn.reports, foldIn.skipped)
  }

  /// What folding articles in reads of a model: how it analyses text, its weighting and its
  /// topics; not its articles' rows, so `add` can fold into a model it has not loaded whole.
  struct FoldInSpace {
    var textAnalysis: TextAnalysisOptions
    var titleRepetitions: Int
    var weighting: TFIDFWeighting
    var lsa: LSAModel

    init(_ model: PolicyModel) {
      self.init(
        textAnalysis: model.textAnalysis, titleRepetitions: model.manifest.parameters.titleRepetitions,
        weighting: model.tfidf.weighting, lsa: model.lsa)
    }

    init(textAnalysis: TextAnalysisOptions, titleRepetitions: Int, weighting: TFIDFWeighting, lsa: LSAModel) {
      self.textAnalysis = textAnalysis
      self.titleRepetitions = titleRepetitions
      self.weighting = weighting
      self.lsa = lsa
    }
  }

  /// The articles of a fold-in: those new to the model, their content keys, TF-IDF rows,
  /// coordinates and reports, and the ids skipped as already present.
  struct FoldIn {
    var articles: [Article]
    var contentKeys: [String]
    var weights: SparseMatrix
    var coordinates: Matrix
    var reports: [FoldInReport]
    var skipped: [String]
  }

  /// Folds `newArticles` into `space` (see ``add(articles:to:cacheDirectory:progress:)``):
  /// `knownContent` and `takenIDs` are the content keys and ids of the model's articles.
  static func foldIn(
    _ newArticles: [Article], knownContent: Set<String>, takenIDs: Set<String>, into space: FoldInSpace,
    cacheDirectory: URL?, progress: @escaping ProgressHandler
  ) async throws -> FoldIn {
    var knownContent = knownContent
    var takenIDs = takenIDs
    var fresh: [Article] = []
    var keys: [String] = []
    var skipped: [String] = []
    for var article in newArticles {
      let key = contentKey(of: article)
      guard knownContent.insert(key).inserted else {
        skipped.append(article.id)
        continue
      }
      if takenIDs.contains(article.id) { article.id = distinctID(for: article.id, contentKey: key, avoiding: takenIDs) }
      takenIDs.insert(article.id)
      fresh.append(article)
      keys.append(key)
    }
    let dimensionCount = space.lsa.dimensionCount
    guard !fresh.isEmpty else {
      return FoldIn(
        articles: [], contentKeys: [], weights: space.weighting.transform([]),
        coordinates: Matrix(rowCount: 0, columnCount: dimensionCount), reports: [], skipped: skipped)
    }
    let analyzer = try TextAnalyzer(options: space.textAnalysis, cacheDirectory: cacheDirectory)
    for note in analyzer.lexiconReport.damageNotes { progress(.warning(note)) }
    let documents = await segment(
      fresh, titleRepetitions: space.titleRepetitions, with: analyzer, progress: progress)
    let weights = space.weighting.transform(documents)
    let coordinates = space.lsa.transform(weights)

    let coverage = space.weighting.coverage(of: documents)
    let reports = zip(fresh, coverage).map { article, coverage in
      FoldInReport(
        id: article.id, title: article.title, unknownShare: coverage.unknownShare,
        isPoorlyRepresented: coverage.unknownShare > poorRepresentationThreshold)
    }
    return FoldIn(
      articles: fresh, contentKeys: keys, weights: weights, coordinates: coordinates, reports: reports,
      skipped: skipped)
  }
}

extension Pipeline {
  /// What identifies an article's content: the checksum of its title and body, normalised
  /// (NFKC, lower case) and without whitespace, so that re-wrapped or re-encoded copies of one
  /// text match and any other change does not.
  public static func contentKey(of article: Article) -> String {
    let text = ([article.title] + article.body).joined(separator: "\n")
    // The UTF-8 bytes of the non-whitespace normalised scalars, encoded in place from the
    // normaliser's scalar values (`save` keys every article: building the normalised `String`
    // and decoding it again was half of this).
    let scalars = TextNormalizer.normalizedScalarValues(of: text)
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    for value in scalars {
      if value < 0x80 {
        if value != 0x20 && !(0x09...0x0D).contains(value) { bytes.append(UInt8(value)) }
      } else if !isNonASCIIWhitespace(value), let scalar = Unicode.Scalar(value) {
        UTF8.encode(scalar) { bytes.append($0) }
      }
    }
    return Checksum.hex(of: bytes)
  }

  /// Whether a non-ASCII scalar has Unicode's White_Space property (`Unicode.Scalar.Properties.isWhitespace`).
  ///
  /// The property's non-ASCII members, listed: asking the standard library's property table for
  /// every Han character was half of ``contentKey(of:)``'s time, and that a tenth of a 100k fit.
  /// The list is checked against the table for every scalar by the tests.
  static func isNonASCIIWhitespace(_ value: UInt32) -> Bool {
    switch value {
    case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
    default: false
    }
  }

  /// `prefix#n` → `prefix-<hash>#n`, with as many hash digits (from 6) as make it unused.
  static func distinctID(for id: String, contentKey: String, avoiding taken: Set<String>) -> String {
    let hash = id.lastIndex(of: "#")
    let prefix = hash.map { String(id[..<$0]) } ?? id
    let position = hash.map { String(id[$0...]) } ?? ""
    for length in 6...contentKey.count {
      let candidate = "\(prefix)-\(contentKey.prefix(length))\(position)"
      if !taken.contains(candidate) { return candidate }
    }
    var counter = 2
    while taken.contains("\(prefix)-\(contentKey)-\(counter)\(position)") { counter += 1 }
    return "\(prefix)-\(contentKey)-\(counter)\(position)"
  }
}

extension SparseMatrix {
  /// The rows of `self`, then the rows of `other` (same column count).
  func appendingRows(of other: SparseMatrix) -> SparseMatrix {
    precondition(columnCount == other.columnCount, "appended rows must have \(columnCount) columns")
    let offset = nonZeroCount
    return SparseMatrix(
      rowCount: rowCount + other.rowCount, columnCount: columnCount,
      rowStarts: rowStarts + other.rowStarts.dropFirst().map { $0 + offset },
      columnIndices: columnIndices + other.columnIndices, values: values + other.values)
  }
}

extension Matrix {
  /// The rows of `self`, then the rows of `other` (same column count).
  func appendingRows(of other: Matrix) -> Matrix {
    precondition(columnCount == other.columnCount, "appended rows must have \(columnCount) columns")
    var result = Matrix(rowCount: rowCount + other.rowCount, columnCount: columnCount)
    for j in 0..<columnCount {
      for i in 0..<rowCount { result[i, j] = self[i, j] }
      for i in 0..<other.rowCount { result[rowCount + i, j] = other[i, j] }
    }
    return result
  }
}
