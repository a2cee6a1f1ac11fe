import Foundation
import Ingest
import LinearAlgebra
import ModelStore
import SimilaritySearch
import TextAnalysis
import Vectorization

/// The parts of a model that a query reads, mapped rather than decoded so that a `similar` process
/// stays fast on a large model: small files are read and checksummed whole; the latent rows, the
/// TF-IDF rows and the term loadings (by far the largest files) are memory-mapped and checksummed
/// in place on every core, and the TF-IDF structure (offsets, column indices) is checked, so a
/// damaged model is reported, never answered from.
///
/// `PolicyModel.load(from:)` verifies every checksum too.
public struct QueryModel: Sendable {
  /// The manifest, without the corpus file list (`manifest.corpus.files` is empty), and without
  /// the text-analysis parameters when opened `withTextAnalysis: false`.
  public let manifest: ModelManifest
  /// Whether ``manifest`` holds the text-analysis parameters, which a text query's analyzer
  /// must be built from.
  public let hasTextAnalysis: Bool
  /// The articles, in row order (decoded as they are read).
  public let articles: ArticleIndex
  /// The vocabulary in column order.
  public let terms: [String]
  public let documentFrequency: [Int]
  public let inverseDocumentFrequency: [Double]
  public let singularValues: [Double]
  /// The ranking over the articles: unit rows of UΣ (`latent_unit_rows.npy`) for the latent
  /// cosine and the TF-IDF rows (`tfidf_*.npy`) for the lexical one, both read in place.
  let index: HybridSearch<MappedDenseRows, MappedSparseRows>
  /// V, terms × k, column-major.
  private let loadings: NumPyArray<Double>

  /// Number of latent dimensions k.
  public var dimensionCount: Int { singularValues.count }

  /// Reads a model directory for querying, every file from one generation of the model
  /// (`ModelDirectory.readingOneGeneration(at:_:)`).
  ///
  /// - Parameter withTextAnalysis: Whether to decode the text-analysis parameters (stop words,
  ///   user dictionary, discovered phrases: most of the manifest). Only a query by text needs
  ///   them; ``similar(toText:analyzer:request:)`` requires them.
  public init(directory: URL, withTextAnalysis: Bool = true) throws(ModelStoreError) {
    self = try ModelDirectory.readingOneGeneration(at: directory) { () throws(ModelStoreError) in
      try QueryModel(oneGenerationOf: directory, withTextAnalysis: withTextAnalysis)
    }
  }

  private init(oneGenerationOf directory: URL, withTextAnalysis: Bool) throws(ModelStoreError) {
    let manifest = try ModelManifest.load(
      from: ModelDirectory(url: directory), withCorpusFiles: false, withTextAnalysis: withTextAnalysis)
    self.hasTextAnalysis = withTextAnalysis
    let files = manifest.files(in: directory)
    let articleCount = manifest.counts.articles + manifest.foldedInArticleCount
    let termCount = manifest.counts.terms
    let k = manifest.counts.dimensions

    // The two text files a query parses, the article index and the vocabulary, on two cores.
    let (articles, (terms, frequencies)) = try Self.concurrently {
      () throws(ModelStoreError) -> ArticleIndex in
      switch ArticleIndex.parsing(ModelDirectory.concatenatedLines(try files.verifiedParts(.articleIndex))) {
      case .success(let index): return index
      case .failure(let malformed):
        throw .malformedFile(path: files.path(.articleIndex), reason: "line \(malformed.number) does not have 6 fields")
      }
    } and: { () throws(ModelStoreError) in
      try PolicyModel.vocabulary(in: files, manifest: manifest)
    }
    guard articles.count == articleCount else {
      throw .shapeMismatch(
        path: files.path(.articleIndex), expected: "\(articleCount) articles", found: "\(articles.count)")
    }
    let idf = try files.doubles(.inverseDocumentFrequency, count: termCount)
    let sigma = try files.doubles(.singularValues, count: k)

    // Every file a query reads is checksummed (the ranking scans every row of the latent and
    // TF-IDF arrays anyway, so the pages are read once either way), then the CSR structure is
    // checked, so that a damaged model is an error rather than a wrong answer or a trap.
    let mappedFiles: [ModelFile] = [
      .latentUnitRows, .tfidfRowStarts, .tfidfColumnIndices, .tfidfValues, .termLoadings,
    ]
    // A model with segments (`add`) has each file's rows in several parts, joined here.
    let data = try files.verifiedParts(mappedFiles)
    func mapped<T: NumPyElement>(_ file: ModelFile, _: T.Type, _ shape: [Int?], fortran: Bool?) throws(ModelStoreError)
      -> NumPyArray<T>
    {
      let array: NumPyArray<T> =
        file.takesSegments
        ? try files.rows(file, parts: data[file] ?? [], trailing: Array(shape.dropFirst()))
        : try files.array(file, in: data[file]?.first ?? Data(), shape: shape, fortranOrder: fortran)
      try array.expectShape(shape, path: files.path(file))
      return array
    }
    let rowStarts = try files.rowStarts(parts: data[.tfidfRowStarts] ?? [])
    try rowStarts.expectShape([articleCount + 1], path: files.path(.tfidfRowStarts))
    let columnIndices = try mapped(.tfidfColumnIndices, Int32.self, [nil], fortran: nil)
    let weightValues = try mapped(.tfidfValues, Double.self, [columnIndices.count], fortran: nil)
    try Self.checkRows(
      rowStarts: rowStarts, columns: columnIndices, columnCount: termCount, path: files.path(.tfidfRowStarts))
    self.manifest = manifest
    self.articles = articles
    self.terms = terms
    self.documentFrequency = frequencies
    self.inverseDocumentFrequency = idf
    self.singularValues = sigma
    let unitRows = try mapped(.latentUnitRows, Double.self, [articleCount, k], fortran: false)
    self.index = HybridSearch(
      latent: CosineIndex(unitRows: MappedDenseRows(rowCount: articleCount, dimension: k, elements: unitRows)),
      lexical: LexicalIndex(
        rows: MappedSparseRows(
          columnCount: termCount, rowStarts: rowStarts, columns: columnIndices, values: weightValues)))
    self.loadings = try mapped(.termLoadings, Double.self, [termCount, k], fortran: true)
  }

  /// `first()` and `second()`, run at the same time on two threads; the first error thrown, if any.
  private static func concurrently<First, Second>(
    _ first: () throws(ModelStoreError) -> First, and second: () throws(ModelStoreError) -> Second
  ) throws(ModelStoreError) -> (First, Second) {
    nonisolated(unsafe) var firstResult: Result<First, ModelStoreError>?
    nonisolated(unsafe) var secondResult: Result<Second, ModelStoreError>?
    withoutActuallyEscaping(first) { first in
      withoutActuallyEscaping(second) { second in
        nonisolated(unsafe) let (first, second) = (first, second)
        DispatchQueue.concurrentPerform(iterations: 2) { task in
          if task == 0 { firstResult = Result(catching: first) } else { secondResult = Result(catching: second) }
        }
      }
    }
    switch (firstResult, secondResult) {
    case (.success(let a), .success(let b)): return (a, b)
    case (.failure(let error), _), (_, .failure(let error)): throw error
    default: preconditionFailure("concurrentPerform returned before both tasks ran")
    }
  }

  /// Checks CSR rows: offsets start at 0, never decrease and end at the number of stored
  /// values; every column is below `columnCount`.
  ///
  /// - Complexity: O(*rows* + *nnz*).
  static func checkRows(
    rowStarts: NumPyArray<Int32>, columns: NumPyArray<Int32>, columnCount: Int, path: String
  ) throws(ModelStoreError) {
    let offsetsAreValid = rowStarts.withUnsafeBufferPointer { starts in
      guard starts.first == 0, Int(starts[starts.count - 1]) == columns.count else { return false }
      var previous: Int32 = 0
      for start in starts {
        if start < previous { return false }
        previous = start
      }
      return true
    }
    guard offsetsAreValid else {
      throw .malformedFile(path: path, reason: "row offsets do not rise from 0 to \(columns.count)")
    }
    // In stretches on every core: this is the query's first read of the mapped columns.
    let bound = UInt32(clamping: columnCount)
    let columnsAreValid = columns.withUnsafeBufferPointer { columns in
      nonisolated(unsafe) let columns = columns
      return Stretches(splitting: columns.count, work: columns.count).concurrentMap { stretch in
        columns[stretch].allSatisfy { UInt32(bitPattern: $0) < bound }
      }.allSatisfy { $0 }
    }
    guard columnsAreValid else {
      throw .malformedFile(
        path: path.replacingOccurrences(of: ModelFile.tfidfRowStarts.name, with: ModelFile.tfidfColumnIndices.name),
        reason: "a column index is outside 0..<\(columnCount)")
    }
  }

  /// A query view of a model in memory (the report and tests use this).
  public init(model: PolicyModel) {
    self.manifest = model.manifest
    self.hasTextAnalysis = true
    self.articles = ArticleIndex(model.articles.map(ArticleSummary.init))
    self.terms = model.tfidf.terms
    self.documentFrequency = model.tfidf.documentFrequency
    self.inverseDocumentFrequency = model.tfidf.inverseDocumentFrequency
    self.singularValues = model.lsa.singularValues
    let rowCount = model.articles.count
    self.index = HybridSearch(
      latent: CosineIndex(
        unitRows: MappedDenseRows(
          rowCount: rowCount, dimension: model.lsa.dimensionCount,
          elements: NumPyArray(model.latentVectors.unitRows().transposed().elements))),
      lexical: LexicalIndex(
        rows: MappedSparseRows(
          columnCount: model.tfidf.terms.count, rowStarts: NumPyArray(model.weights.rowStarts.map { Int32($0) }),
          columns: NumPyArray(model.weights.columnIndices), values: NumPyArray(model.weights.values))))
    self.loadings = NumPyArray(model.lsa.termLoadings.elements)
  }

  /// Article `row`'s unit latent vector.
  public func unitVector(_ row: Int) -> [Double] { index.latent.unitVector(row) }

  /// Row of the article with `id`, if any.
  public func row(ofArticle id: String) -> Int? { articles.row(ofID: id) }

  /// The TF-IDF row of article `row` as (term, weight) pairs.
  public func weightsRow(_ row: Int) -> [(column: Int, value: Double)] { index.lexical.row(row) }

  /// V's rows for `terms` as a |terms| × k matrix.
  func loadings(ofTerms selected: [Int]) -> Matrix {
    // One buffer access for all elements: the subscript re-enters the mapped Data per element,
    // which was most of a search's time in the server. Column by column, so that both sides
    // are read and written in address order (V is stored column-major: a term's k values are
    // a column's length apart, one page or more).
    let rowCount = selected.count
    let termCount = terms.count
    let elements = [Double](unsafeUninitializedCapacity: rowCount * dimensionCount) { buffer, initialized in
      loadings.withUnsafeBufferPointer { values in
        for j in 0..<dimensionCount {
          let column = j * termCount
          for (row, term) in selected.enumerated() { buffer[row + j * rowCount] = values[term + column] }
        }
      }
      initialized = rowCount * dimensionCount
    }
    return Matrix(rowCount: rowCount, columnCount: dimensionCount, columnMajor: elements)
  }

  /// The TF-IDF weights of a term list, weighted exactly like the training articles
  /// (terms outside the vocabulary are dropped).
  public func weights(ofTerms tokens: [String]) -> [(column: Int, value: Double)] {
    let weighting = TFIDFWeighting(
      options: manifest.parameters.tfidf, terms: terms, trainingDocumentCount: manifest.counts.articles,
      documentFrequency: documentFrequency, inverseDocumentFrequency: inverseDocumentFrequency, indexesTerms: false)
    return weighting.transform([tokens]).row(0)
  }

  /// A weighted row's latent vector q V (the space of ``latentVectors``).
  public func latentVector(of row: [(column: Int, value: Double)]) -> [Double] {
    var vector = [Double](repeating: 0, count: dimensionCount)
    loadings.withUnsafeBufferPointer { values in
      for (term, weight) in row {
        for j in 0..<dimensionCount { vector[j] += weight * values[term + j * terms.count] }
      }
    }
    return vector
  }
}
