import Foundation
import LinearAlgebra
import ModelStore
import SimilaritySearch
import TextAnalysis
import Vectorization

/// The parts of a model that a query reads, loaded lazily so that a `similar` process stays
/// fast on a large model: small files are read and checksummed whole; the TF-IDF rows and term
/// loadings (by far the largest files) are memory-mapped after checking their size and header,
/// and only the rows a query touches are read. `PolicyModel.load(from:)` verifies every checksum.
public struct QueryModel: Sendable {
  /// The manifest, without the corpus file list (`manifest.corpus.files` is empty).
  public let manifest: ModelManifest
  /// The articles, in row order (decoded as they are read).
  public let articles: ArticleIndex
  /// The vocabulary in column order.
  public let terms: [String]
  public let documentFrequency: [Int]
  public let inverseDocumentFrequency: [Double]
  public let singularValues: [Double]
  /// The rows of UΣ scaled to unit length, documents × k row-major (`latent_unit_rows.npy`):
  /// a cosine is one dot product, and nothing is copied when the file is mapped.
  private let unitRows: NumPyArray<Double>

  private let rowStarts: NumPyArray<Int32>
  private let columnIndices: NumPyArray<Int32>
  private let weightValues: NumPyArray<Double>
  /// V, terms × k, column-major.
  private let loadings: NumPyArray<Double>

  /// Number of latent dimensions k.
  public var dimensionCount: Int { singularValues.count }

  /// Reads a model directory for querying.
  public init(directory: URL) throws(ModelStoreError) {
    var files = ModelDirectory(url: directory)
    let manifest = try ModelManifest.load(from: files, withCorpusFiles: false)
    files.entries = manifest.files
    let articleCount = manifest.counts.articles + manifest.foldedInArticleCount
    let termCount = manifest.counts.terms
    let k = manifest.counts.dimensions

    let articles: ArticleIndex
    switch ArticleIndex.parsing(try files.verifiedData(.articleIndex)) {
    case .success(let index): articles = index
    case .failure(let malformed):
      throw .malformedFile(path: files.path(.articleIndex), reason: "line \(malformed.number) does not have 6 fields")
    }
    guard articles.count == articleCount else {
      throw .shapeMismatch(path: files.path(.articleIndex), expected: "\(articleCount) articles", found: "\(articles.count)")
    }
    let (terms, frequencies) = try PolicyModel.vocabulary(in: files, manifest: manifest)
    let idf = try files.doubles(.inverseDocumentFrequency, count: termCount)
    let sigma = try files.doubles(.singularValues, count: k)

    func mapped<T: NumPyElement>(_ file: ModelFile, _: T.Type, _ shape: [Int], fortran: Bool?) throws(ModelStoreError) -> NumPyArray<T> {
      try files.array(file, of: T.self, shape: shape, fortranOrder: fortran, verifiesChecksum: false)
    }
    let rowStarts = try mapped(.tfidfRowStarts, Int32.self, [articleCount + 1], fortran: nil)
    let nonZeroCount = Int(rowStarts[articleCount])
    self.manifest = manifest
    self.articles = articles
    self.terms = terms
    self.documentFrequency = frequencies
    self.inverseDocumentFrequency = idf
    self.singularValues = sigma
    self.unitRows = try mapped(.latentUnitRows, Double.self, [articleCount, k], fortran: false)
    self.rowStarts = rowStarts
    self.columnIndices = try mapped(.tfidfColumnIndices, Int32.self, [nonZeroCount], fortran: nil)
    self.weightValues = try mapped(.tfidfValues, Double.self, [nonZeroCount], fortran: nil)
    self.loadings = try mapped(.termLoadings, Double.self, [termCount, k], fortran: true)
  }

  /// A query view of a model in memory (the report and tests use this).
  public init(model: PolicyModel) {
    self.manifest = model.manifest
    self.articles = ArticleIndex(model.articles.map(ArticleSummary.init))
    self.terms = model.tfidf.terms
    self.documentFrequency = model.tfidf.documentFrequency
    self.inverseDocumentFrequency = model.tfidf.inverseDocumentFrequency
    self.singularValues = model.lsa.singularValues
    self.unitRows = NumPyArray(Self.unitRows(of: model.latentVectors))
    self.rowStarts = NumPyArray(model.weights.rowStarts.map { Int32($0) })
    self.columnIndices = NumPyArray(model.weights.columnIndices)
    self.weightValues = NumPyArray(model.weights.values)
    self.loadings = NumPyArray(model.lsa.termLoadings.elements)
  }

  /// The rows of `vectors` scaled to unit length, row-major (zero rows stay zero).
  static func unitRows(of vectors: Matrix) -> [Double] {
    var rows = [Double](repeating: 0, count: vectors.rowCount * vectors.columnCount)
    for i in 0..<vectors.rowCount {
      let row = vectors.row(i)
      let norm = row.reduce(0) { $0 + $1 * $1 }.squareRoot()
      guard norm > 0 else { continue }
      for j in row.indices { rows[i * vectors.columnCount + j] = row[j] / norm }
    }
    return rows
  }

  /// Article `row`'s unit latent vector.
  public func unitVector(_ row: Int) -> [Double] {
    unitRows.slice((row * dimensionCount)..<((row + 1) * dimensionCount))
  }

  /// The cosine similarity of every article with `vector` (in the space of UΣ rows).
  ///
  /// - Complexity: O(n k), one pass over the mapped rows.
  public func scores(for vector: [Double]) -> [Double] {
    let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
    let count = articles.count
    guard norm > 0 else { return [Double](repeating: 0, count: count) }
    let query = vector.map { $0 / norm }
    return unitRows.withUnsafeBufferPointer { rows in
      (0..<count).map { i in
        var dot = 0.0
        let base = i * query.count
        for j in query.indices { dot += rows[base + j] * query[j] }
        return min(1, max(-1, dot))
      }
    }
  }

  /// Row of the article with `id`, if any.
  public func row(ofArticle id: String) -> Int? { articles.row(ofID: id) }

  /// The TF-IDF row of article `row` as (term, weight) pairs.
  public func weightsRow(_ row: Int) -> [(column: Int, value: Double)] {
    let range = Int(rowStarts[row])..<Int(rowStarts[row + 1])
    return zip(columnIndices.slice(range), weightValues.slice(range)).map { (Int($0), $1) }
  }

  /// V's rows for `terms` as a |terms| × k matrix.
  func loadings(ofTerms selected: [Int]) -> Matrix {
    var result = Matrix(rowCount: selected.count, columnCount: dimensionCount)
    for (row, term) in selected.enumerated() {
      for j in 0..<dimensionCount { result[row, j] = loadings[term + j * terms.count] }
    }
    return result
  }

  /// The TF-IDF row of a text, weighted exactly like the training articles.
  public func weightedRow(ofText text: String, analyzer: TextAnalyzer) throws(QueryError) -> [(column: Int, value: Double)] {
    guard !text.allSatisfy(\.isWhitespace) else { throw .emptyText }
    let tokens = analyzer.terms(in: text)
    let vectorizer = TFIDFModel(
      options: manifest.parameters.tfidf, terms: terms, documentFrequency: documentFrequency,
      inverseDocumentFrequency: inverseDocumentFrequency,
      trainingWeights: SparseMatrix(rowCount: 0, columnCount: terms.count, rowStarts: [0], columnIndices: [], values: []))
    let row = vectorizer.transform([tokens]).row(0)
    guard !row.isEmpty else { throw .noKnownTerms(text: text, terms: Array(Set(tokens)).sorted()) }
    return row
  }

  /// A weighted row's latent vector q V (the space of ``latentVectors``).
  public func latentVector(of row: [(column: Int, value: Double)]) -> [Double] {
    var vector = [Double](repeating: 0, count: dimensionCount)
    for (term, weight) in row {
      for j in 0..<dimensionCount { vector[j] += weight * loadings[term + j * terms.count] }
    }
    return vector
  }
}
