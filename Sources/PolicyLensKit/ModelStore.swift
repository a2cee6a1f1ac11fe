import Foundation
import Ingest
import LinearAlgebra
import Reduction
import Vectorization

/// Saves and loads a ``PolicyModel`` in a directory that an analyst can also open in Python:
///
/// | file | content |
/// |---|---|
/// | `manifest.json` | format version, parameters, corpus checksums, counts, file checksums |
/// | `vocabulary.tsv` | `term⇥document_frequency`, one line per term in column order |
/// | `idf.npy` | inverse document frequency per term (`'<f8'`) |
/// | `singular_values.npy` | σ₁ ≥ … ≥ σ_k |
/// | `term_loadings.npy` | V, terms × k |
/// | `document_coordinates.npy` | U, documents × k (fold-in coordinates q V Σ⁻¹) |
/// | `latent_unit_rows.npy` | rows of UΣ scaled to unit length (row-major), for cosine queries |
/// | `tfidf_indptr.npy`, `tfidf_indices.npy`, `tfidf_data.npy` | TF-IDF rows in CSR form: `scipy.sparse.csr_matrix((data, indices, indptr))` |
/// | `articles.jsonl` | one article (metadata and body) per line, in row order |
/// | `article_index.tsv` | `id⇥region⇥city⇥date⇥issue⇥title` per article, for fast queries |
///
/// Writing is atomic (``DirectoryTransaction``): a failure at any point leaves the previous
/// model as it was. Loading checks the format version, every file's checksum and every shape,
/// and reports the first problem as a ``ModelStoreError``.
public struct ModelStore: Sendable {
  /// The model directory.
  public let directory: URL

  public init(directory: URL) { self.directory = directory }

  static let manifestName = "manifest.json"

  /// Writes `model`, replacing any model in the directory.
  ///
  /// - Returns: The manifest as written (with file checksums filled in).
  @discardableResult
  public func save(_ model: PolicyModel) async throws(ModelStoreError) -> ModelManifest {
    let (articleLines, articleIndex) = try await encodeArticleFiles(model.articles)
    let transaction = try DirectoryTransaction(replacing: directory)
    var manifest = model.manifest
    manifest.files = [:]
    func put(_ name: String, _ data: Data, shape: [Int]?) throws(ModelStoreError) {
      try transaction.write(data, named: name)
      manifest.files[name] = .init(
        checksum: data.withUnsafeBytes { Checksum.hex(of: $0) }, bytes: data.count, shape: shape)
    }
    let tfidf = model.tfidf
    let lsa = model.lsa
    let weights = tfidf.trainingWeights
    guard weights.nonZeroCount < Int(Int32.max) else {
      transaction.abandon()
      throw .cannotWrite(path: directory.path, reason: "more than 2³¹ TF-IDF weights")
    }
    var vocabulary = "term\tdocument_frequency\n"
    for (term, frequency) in zip(tfidf.terms, tfidf.documentFrequency) {
      vocabulary += "\(term)\t\(frequency)\n"
    }
    try put("vocabulary.tsv", Data(vocabulary.utf8), shape: [tfidf.terms.count])
    try put("idf.npy", NumPyFormat.encode(tfidf.inverseDocumentFrequency), shape: [tfidf.terms.count])
    try put("singular_values.npy", NumPyFormat.encode(lsa.singularValues), shape: [lsa.dimensionCount])
    try put(
      "term_loadings.npy", NumPyFormat.encode(lsa.termLoadings),
      shape: [lsa.termLoadings.rowCount, lsa.termLoadings.columnCount])
    try put(
      "document_coordinates.npy", NumPyFormat.encode(lsa.documentCoordinates),
      shape: [lsa.documentCoordinates.rowCount, lsa.documentCoordinates.columnCount])
    let unitRows = Matrix(
      rowCount: lsa.documentCoordinates.columnCount, columnCount: lsa.documentCoordinates.rowCount,
      columnMajor: RowNormalization.unitRowsRowMajor(of: model.latentVectors))
    try put(
      "latent_unit_rows.npy", NumPyFormat.encode(unitRows.transposed(), fortranOrder: false),
      shape: [lsa.documentCoordinates.rowCount, lsa.documentCoordinates.columnCount])
    try put(
      "tfidf_indptr.npy", NumPyFormat.encode(weights.rowStarts.map { Int32($0) }),
      shape: [weights.rowCount + 1])
    try put("tfidf_indices.npy", NumPyFormat.encode(weights.columnIndices), shape: [weights.nonZeroCount])
    try put("tfidf_data.npy", NumPyFormat.encode(weights.values), shape: [weights.nonZeroCount])
    try put("articles.jsonl", articleLines, shape: [model.articles.count])
    try put("article_index.tsv", articleIndex, shape: [model.articles.count])

    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let manifestData: Data
    do {
      manifestData = try encoder.encode(manifest)
    } catch {
      transaction.abandon()
      throw .cannotWrite(path: directory.path, reason: "manifest could not be encoded: \(error)")
    }
    try transaction.write(manifestData, named: Self.manifestName)
    try transaction.commit()
    return manifest
  }

  /// `articles.jsonl` and `article_index.tsv`, encoded in chunks on every core and joined in
  /// article order. Encoding the articles' JSON was most of the time to save a large model.
  private func encodeArticleFiles(_ articles: [Article]) async throws(ModelStoreError) -> (lines: Data, index: Data) {
    let chunkCount = max(1, min(articles.count / 256, ProcessInfo.processInfo.activeProcessorCount * 4))
    let chunkSize = (articles.count + chunkCount - 1) / chunkCount
    var chunks = [(lines: Data, index: String)](repeating: (Data(), ""), count: chunkCount)
    var failure: (any Error)?
    await withTaskGroup(of: (Int, Result<(lines: Data, index: String), any Error>).self) { group in
      for chunk in 0..<chunkCount {
        let range = min(articles.count, chunk * chunkSize)..<min(articles.count, (chunk + 1) * chunkSize)
        group.addTask { (chunk, Result { try Self.encode(articles[range]) }) }
      }
      for await (chunk, result) in group {
        switch result {
        case .success(let encoded): chunks[chunk] = encoded
        case .failure(let error): failure = failure ?? error
        }
      }
    }
    if let failure {
      throw .cannotWrite(path: directory.path, reason: "articles could not be encoded: \(failure)")
    }
    var lines = Data()
    lines.reserveCapacity(chunks.reduce(0) { $0 + $1.lines.count })
    var index = ArticleSummary.header + "\n"
    for chunk in chunks {
      lines.append(chunk.lines)
      index += chunk.index
    }
    return (lines, Data(index.utf8))
  }

  /// One JSON line and one index line per article.
  private static func encode(_ articles: ArraySlice<Article>) throws -> (lines: Data, index: String) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    var lines = Data()
    var index = ""
    for article in articles {
      lines.append(try encoder.encode(article))
      lines.append(0x0A)
      index += ArticleSummary(article).tsvLine + "\n"
    }
    return (lines, index)
  }
}
