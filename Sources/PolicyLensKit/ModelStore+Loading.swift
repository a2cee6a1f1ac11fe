import Foundation
import Ingest
import LinearAlgebra
import Reduction
import Vectorization

extension ModelStore {
  /// Reads only the manifest (cheap: for `--help`-like summaries and version checks).
  public func loadManifest() throws(ModelStoreError) -> ModelManifest {
    try loadManifest(withCorpusFiles: true)
  }

  /// The manifest, with or without the list of corpus files (queries do not need it).
  func loadManifest(withCorpusFiles: Bool) throws(ModelStoreError) -> ModelManifest {
    let url = directory.appendingPathComponent(Self.manifestName)
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory),
      isDirectory.boolValue
    else { throw .missingModel(path: directory.path) }
    guard let data = FileManager.default.contents(atPath: url.path) else {
      throw FileManager.default.fileExists(atPath: url.path)
        ? .unreadableFile(path: url.path, reason: "permission denied")
        : .missingModel(path: directory.path)
    }
    let decoder = JSONDecoder()
    if !withCorpusFiles { decoder.userInfo[.skipsCorpusFiles] = true }
    let manifest: ModelManifest
    do {
      manifest = try decoder.decode(ModelManifest.self, from: data)
    } catch {
      // A newer format may not decode at all: say so rather than "malformed".
      struct VersionProbe: Decodable { var formatVersion: Int }
      guard let probe = try? JSONDecoder().decode(VersionProbe.self, from: data) else {
        throw .malformedFile(path: url.path, reason: "not a PolicyLens manifest (no formatVersion)")
      }
      guard probe.formatVersion == ModelManifest.currentFormatVersion else {
        throw .unsupportedFormatVersion(
          path: url.path, found: probe.formatVersion, supported: ModelManifest.currentFormatVersion)
      }
      throw .malformedFile(path: url.path, reason: Self.describe(error))
    }
    guard manifest.formatVersion == ModelManifest.currentFormatVersion else {
      throw .unsupportedFormatVersion(
        path: url.path, found: manifest.formatVersion, supported: ModelManifest.currentFormatVersion)
    }
    return manifest
  }

  /// Loads and validates the whole model.
  public func load() throws(ModelStoreError) -> PolicyModel {
    let manifest = try loadManifest()
    let counts = manifest.counts
    let termCount = counts.terms
    let dimensionCount = counts.dimensions
    let articleCount = counts.articles + manifest.foldedInArticleCount

    let (terms, documentFrequency) = try vocabulary(manifest)
    let idf = try decodeDoubles("idf.npy", manifest, count: termCount)
    let sigma = try decodeDoubles("singular_values.npy", manifest, count: dimensionCount)
    let loadings = try decodeMatrix("term_loadings.npy", manifest, rows: termCount, columns: dimensionCount)
    let coordinates = try decodeMatrix("document_coordinates.npy", manifest, rows: articleCount, columns: dimensionCount)

    let indptr = try decode("tfidf_indptr.npy", manifest) { data throws(LinearAlgebraError) in try NumPyFormat.decodeInt32s(from: data) }
    let indices = try decode("tfidf_indices.npy", manifest) { data throws(LinearAlgebraError) in try NumPyFormat.decodeInt32s(from: data) }
    let values = try decode("tfidf_data.npy", manifest) { data throws(LinearAlgebraError) in try NumPyFormat.decodeDoubles(from: data) }
    try expect(indptr.count == articleCount + 1, "tfidf_indptr.npy", expected: "[\(articleCount + 1)]", found: "[\(indptr.count)]")
    try expect(indices.count == values.count, "tfidf_indices.npy", expected: "[\(values.count)]", found: "[\(indices.count)]")
    let rowStarts = indptr.map(Int.init)
    let isValidCSR =
      rowStarts.first == 0 && rowStarts.last == values.count
      && zip(rowStarts, rowStarts.dropFirst()).allSatisfy { $0 <= $1 }
      && indices.allSatisfy { $0 >= 0 && Int($0) < termCount }
    guard isValidCSR else {
      throw .malformedFile(path: path("tfidf_indptr.npy"), reason: "row offsets or column indices out of range")
    }
    let weights = SparseMatrix(
      rowCount: articleCount, columnCount: termCount, rowStarts: rowStarts, columnIndices: indices,
      values: values)

    let articles = try loadArticles(manifest)
    try expect(articles.count == articleCount, "articles.jsonl", expected: "\(articleCount) articles", found: "\(articles.count)")
    let isSorted = zip(terms, terms.dropFirst()).allSatisfy { Vocabulary.precedes($0, $1) }
    guard isSorted, sigma.allSatisfy({ $0 > 0 && $0.isFinite }) else {
      throw .malformedFile(path: path(isSorted ? "singular_values.npy" : "vocabulary.tsv"), reason: "values out of order or out of range")
    }
    let tfidf = TFIDFModel(
      options: manifest.parameters.tfidf, terms: terms, documentFrequency: documentFrequency,
      inverseDocumentFrequency: idf, trainingWeights: weights)
    let lsa = LSAModel(
      options: manifest.parameters.lsa,
      algorithm: LSAOptions.Algorithm(rawValue: manifest.algorithm) ?? .exact,
      singularValues: sigma, termLoadings: loadings, documentCoordinates: coordinates,
      totalSumOfSquares: manifest.totalSumOfSquares)
    return PolicyModel(manifest: manifest, articles: articles, tfidf: tfidf, lsa: lsa)
  }

  /// The articles only (for commands that list or filter them without the matrices).
  public func loadArticles(_ manifest: ModelManifest) throws(ModelStoreError) -> [Article] {
    let data = try file("articles.jsonl", manifest)
    let decoder = JSONDecoder()
    var articles: [Article] = []
    var lineNumber = 0
    var start = data.startIndex
    while start < data.endIndex {
      lineNumber += 1
      let end = data[start...].firstIndex(of: 0x0A) ?? data.endIndex
      if end > start {
        do {
          articles.append(try decoder.decode(Article.self, from: data[start..<end]))
        } catch {
          throw .malformedFile(path: path("articles.jsonl"), reason: "line \(lineNumber): \(Self.describe(error))")
        }
      }
      start = end < data.endIndex ? data.index(after: end) : end
    }
    return articles
  }

  /// The bytes of a model file after checking its size and checksum against the manifest.
  func file(_ name: String, _ manifest: ModelManifest) throws(ModelStoreError) -> Data {
    let data = try mappedFile(name, manifest)
    guard data.withUnsafeBytes({ Checksum.hex(of: $0) }) == manifest.files[name]?.checksum else {
      throw .checksumMismatch(path: path(name))
    }
    return data
  }

  private func decode<T>(
    _ name: String, _ manifest: ModelManifest, _ body: (Data) throws(LinearAlgebraError) -> T
  ) throws(ModelStoreError) -> T {
    let data = try file(name, manifest)
    do {
      return try body(data)
    } catch {
      throw .malformedFile(path: path(name), reason: error.description)
    }
  }

  private func expect(_ condition: Bool, _ name: String, expected: String, found: String) throws(ModelStoreError) {
    if !condition { throw .shapeMismatch(path: path(name), expected: expected, found: found) }
  }

  func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

  static func describe(_ error: any Error) -> String {
    switch error {
    case DecodingError.dataCorrupted(let context), DecodingError.keyNotFound(_, let context),
      DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
      let path = context.codingPath.map(\.stringValue).joined(separator: ".")
      return path.isEmpty ? context.debugDescription : "\(path): \(context.debugDescription)"
    default:
      return "\(error)"
    }
  }
}

extension ModelStore {
  /// `vocabulary.tsv` as terms and document frequencies (checksum verified).
  func vocabulary(_ manifest: ModelManifest) throws(ModelStoreError) -> (terms: [String], frequencies: [Int]) {
    var terms: [String] = []
    var frequencies: [Int] = []
    terms.reserveCapacity(manifest.counts.terms)
    frequencies.reserveCapacity(manifest.counts.terms)
    var malformedLine: Int?
    TabSeparatedLines.forEachLine(in: try file("vocabulary.tsv", manifest)) { number, fields in
      guard fields.count == 2, let frequency = Int(fields[1]) else {
        malformedLine = number
        return false
      }
      terms.append(fields[0])
      frequencies.append(frequency)
      return true
    }
    if let malformedLine {
      throw .malformedFile(path: path("vocabulary.tsv"), reason: "line \(malformedLine) is not term⇥frequency")
    }
    guard terms.count == manifest.counts.terms else {
      throw .shapeMismatch(path: path("vocabulary.tsv"), expected: "\(manifest.counts.terms) terms", found: "\(terms.count)")
    }
    return (terms, frequencies)
  }

  /// A 1-D `<f8` array of `count` values (checksum verified).
  func decodeDoubles(_ name: String, _ manifest: ModelManifest, count: Int) throws(ModelStoreError) -> [Double] {
    let data = try file(name, manifest)
    let values: [Double]
    do {
      values = try NumPyFormat.decodeDoubles(from: data)
    } catch {
      throw .malformedFile(path: path(name), reason: error.description)
    }
    guard values.count == count else { throw .shapeMismatch(path: path(name), expected: "[\(count)]", found: "[\(values.count)]") }
    return values
  }

  /// A 2-D `<f8` array of the given shape (checksum verified).
  func decodeMatrix(_ name: String, _ manifest: ModelManifest, rows: Int, columns: Int) throws(ModelStoreError) -> Matrix {
    let data = try file(name, manifest)
    let matrix: Matrix
    do {
      matrix = try NumPyFormat.decodeMatrix(from: data)
    } catch {
      throw .malformedFile(path: path(name), reason: error.description)
    }
    guard matrix.rowCount == rows, matrix.columnCount == columns else {
      throw .shapeMismatch(path: path(name), expected: "\(rows)×\(columns)", found: "\(matrix.rowCount)×\(matrix.columnCount)")
    }
    return matrix
  }

  /// A file memory-mapped after checking that its size matches the manifest (its checksum is
  /// verified by full loads only: a query reads a few rows of it).
  func mappedFile(_ name: String, _ manifest: ModelManifest) throws(ModelStoreError) -> Data {
    let url = directory.appendingPathComponent(name)
    guard let stored = manifest.files[name] else {
      throw .malformedFile(path: path(Self.manifestName), reason: "it does not list \(name)")
    }
    guard let data = try? Data(contentsOf: url, options: .alwaysMapped) else {
      throw .unreadableFile(path: url.path, reason: FileManager.default.fileExists(atPath: url.path) ? "permission denied" : "file missing")
    }
    guard data.count == stored.bytes else {
      throw .malformedFile(path: url.path, reason: "\(data.count) bytes, manifest says \(stored.bytes) (truncated?)")
    }
    return data
  }
}
