import Foundation
import Ingest
import LinearAlgebra
import Reduction
import Vectorization

extension ModelStore {
  /// Reads only the manifest (cheap: for `--help`-like summaries and version checks).
  public func loadManifest() throws(ModelStoreError) -> ModelManifest {
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
    struct VersionProbe: Decodable { var formatVersion: Int }
    guard let probe = try? JSONDecoder().decode(VersionProbe.self, from: data) else {
      throw .malformedFile(path: url.path, reason: "not a PolicyLens manifest (no formatVersion)")
    }
    guard probe.formatVersion == ModelManifest.currentFormatVersion else {
      throw .unsupportedFormatVersion(
        path: url.path, found: probe.formatVersion, supported: ModelManifest.currentFormatVersion)
    }
    do {
      return try JSONDecoder().decode(ModelManifest.self, from: data)
    } catch {
      throw .malformedFile(path: url.path, reason: Self.describe(error))
    }
  }

  /// Loads and validates the whole model.
  public func load() throws(ModelStoreError) -> PolicyModel {
    let manifest = try loadManifest()
    let counts = manifest.counts
    let termCount = counts.terms
    let dimensionCount = counts.dimensions
    let articleCount = counts.articles + manifest.foldedInArticleCount

    let vocabularyText = String(decoding: try file("vocabulary.tsv", manifest), as: UTF8.self)
    var terms: [String] = []
    var documentFrequency: [Int] = []
    terms.reserveCapacity(termCount)
    documentFrequency.reserveCapacity(termCount)
    for (index, line) in vocabularyText.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      if index == 0 || line.isEmpty { continue }
      guard let tab = line.lastIndex(of: "\t"), let frequency = Int(line[line.index(after: tab)...]) else {
        throw .malformedFile(path: path("vocabulary.tsv"), reason: "line \(index + 1) is not term⇥frequency")
      }
      terms.append(String(line[..<tab]))
      documentFrequency.append(frequency)
    }
    try expect(terms.count == termCount, "vocabulary.tsv", expected: "\(termCount) terms", found: "\(terms.count)")

    let idf = try decode("idf.npy", manifest) { data throws(LinearAlgebraError) in try NumPyFormat.decodeDoubles(from: data) }
    try expect(idf.count == termCount, "idf.npy", expected: "[\(termCount)]", found: "[\(idf.count)]")
    let sigma = try decode("singular_values.npy", manifest) { data throws(LinearAlgebraError) in try NumPyFormat.decodeDoubles(from: data) }
    try expect(sigma.count == dimensionCount, "singular_values.npy", expected: "[\(dimensionCount)]", found: "[\(sigma.count)]")
    let loadings = try decode("term_loadings.npy", manifest) { data throws(LinearAlgebraError) in try NumPyFormat.decodeMatrix(from: data) }
    try expect(
      loadings.rowCount == termCount && loadings.columnCount == dimensionCount, "term_loadings.npy",
      expected: "\(termCount)×\(dimensionCount)", found: "\(loadings.rowCount)×\(loadings.columnCount)")
    let coordinates = try decode("document_coordinates.npy", manifest) { data throws(LinearAlgebraError) in try NumPyFormat.decodeMatrix(from: data) }
    try expect(
      coordinates.rowCount == articleCount && coordinates.columnCount == dimensionCount,
      "document_coordinates.npy", expected: "\(articleCount)×\(dimensionCount)",
      found: "\(coordinates.rowCount)×\(coordinates.columnCount)")

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
    guard data.withUnsafeBytes({ Checksum.hex(of: $0) }) == stored.checksum else {
      throw .checksumMismatch(path: url.path)
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
