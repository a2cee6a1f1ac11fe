import Foundation
import Ingest
import LinearAlgebra
import ModelStore
import Reduction
import Vectorization

extension PolicyModel {
  /// Loads and validates the whole model in `directory`: the format version, every file's
  /// checksum and every shape; the first problem is reported as a `ModelStoreError`.
  ///
  /// The files all come from one generation of the model, even while another process replaces
  /// it (`ModelDirectory.readingOneGeneration(at:_:)`).
  public static func load(from directory: URL) throws(ModelStoreError) -> PolicyModel {
    try ModelDirectory.readingOneGeneration(at: directory) { () throws(ModelStoreError) in
      try loadOneGeneration(from: directory)
    }
  }

  private static func loadOneGeneration(from directory: URL) throws(ModelStoreError) -> PolicyModel {
    var files = ModelDirectory(url: directory)
    let manifest = try ModelManifest.load(from: files, withCorpusFiles: true)
    files.entries = manifest.files
    let counts = manifest.counts
    let termCount = counts.terms
    let dimensionCount = counts.dimensions
    let articleCount = counts.articles + manifest.foldedInArticleCount

    let (terms, documentFrequency) = try vocabulary(in: files, manifest: manifest)
    let idf = try files.doubles(.inverseDocumentFrequency, count: termCount)
    let sigma = try files.doubles(.singularValues, count: dimensionCount)
    let loadings = try files.matrix(.termLoadings, rows: termCount, columns: dimensionCount)
    let coordinates = try files.matrix(.documentCoordinates, rows: articleCount, columns: dimensionCount)

    let indptr = try files.int32s(.tfidfRowStarts)
    let indices = try files.int32s(.tfidfColumnIndices)
    let values = try files.doubles(.tfidfValues, count: indices.count)
    guard indptr.count == articleCount + 1 else {
      throw .shapeMismatch(
        path: files.path(.tfidfRowStarts), expected: "[\(articleCount + 1)]", found: "[\(indptr.count)]")
    }
    let rowStarts = indptr.map(Int.init)
    let isValidCSR =
      rowStarts.first == 0 && rowStarts.last == values.count
      && zip(rowStarts, rowStarts.dropFirst()).allSatisfy { $0 <= $1 }
      && indices.allSatisfy { $0 >= 0 && Int($0) < termCount }
    guard isValidCSR else {
      throw .malformedFile(path: files.path(.tfidfRowStarts), reason: "row offsets or column indices out of range")
    }
    let weights = SparseMatrix(
      rowCount: articleCount, columnCount: termCount, rowStarts: rowStarts, columnIndices: indices,
      values: values)

    let articles = try loadArticles(from: files)
    guard articles.count == articleCount else {
      throw .shapeMismatch(
        path: files.path(.articles), expected: "\(articleCount) articles", found: "\(articles.count)")
    }
    let isSorted = zip(terms, terms.dropFirst()).allSatisfy { Vocabulary.precedes($0, $1) }
    guard isSorted, sigma.allSatisfy({ $0 > 0 && $0.isFinite }) else {
      throw .malformedFile(
        path: files.path(isSorted ? .singularValues : .vocabulary), reason: "values out of order or out of range")
    }
    let tfidf = TFIDFModel(
      options: manifest.parameters.tfidf, terms: terms, documentFrequency: documentFrequency,
      inverseDocumentFrequency: idf, trainingWeights: weights,
      trainingDocumentCount: manifest.counts.articles)
    let lsa = LSAModel(
      options: manifest.parameters.lsa,
      algorithm: LSAOptions.Algorithm(rawValue: manifest.algorithm) ?? .exact,
      singularValues: sigma, termLoadings: loadings, documentCoordinates: coordinates,
      totalSumOfSquares: manifest.totalSumOfSquares)
    var model = PolicyModel(manifest: manifest, articles: articles, tfidf: tfidf, lsa: lsa)
    if files.entries[ModelFile.themeDefinitions.name] != nil {
      model.themeDefinitions = try files.verifiedData(.themeDefinitions)
    }
    if files.entries[ModelFile.userDictionary.name] != nil {
      model.userDictionaryFile = try files.verifiedData(.userDictionary)
    }
    return model
  }

  /// The articles only (for commands that list or filter them without the matrices), read
  /// from one generation of the model with the manifest that lists them.
  public static func loadArticles(from directory: URL) throws(ModelStoreError) -> [Article] {
    try ModelDirectory.readingOneGeneration(at: directory) { () throws(ModelStoreError) in
      let manifest = try ModelManifest.load(from: ModelDirectory(url: directory), withCorpusFiles: false)
      return try loadArticles(from: ModelDirectory(url: directory, entries: manifest.files))
    }
  }

  /// `articles.jsonl`, checksum verified, one article per line.
  static func loadArticles(from files: ModelDirectory) throws(ModelStoreError) -> [Article] {
    let data = try files.verifiedData(.articles)
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
          throw .malformedFile(
            path: files.path(.articles), reason: "line \(lineNumber): \(ModelManifest.describe(error))")
        }
      }
      start = end < data.endIndex ? data.index(after: end) : end
    }
    return articles
  }

  /// `vocabulary.tsv` as terms and document frequencies (checksum verified).
  static func vocabulary(
    in files: ModelDirectory, manifest: ModelManifest
  ) throws(ModelStoreError) -> (terms: [String], frequencies: [Int]) {
    var terms: [String] = []
    var frequencies: [Int] = []
    terms.reserveCapacity(manifest.counts.terms)
    frequencies.reserveCapacity(manifest.counts.terms)
    var malformedLine: Int?
    TabSeparatedLines.forEachLine(in: try files.verifiedData(.vocabulary)) { number, fields in
      guard fields.count == 2, let frequency = Int(fields[1]) else {
        malformedLine = number
        return false
      }
      terms.append(fields[0])
      frequencies.append(frequency)
      return true
    }
    if let malformedLine {
      throw .malformedFile(path: files.path(.vocabulary), reason: "line \(malformedLine) is not term⇥frequency")
    }
    guard terms.count == manifest.counts.terms else {
      throw .shapeMismatch(
        path: files.path(.vocabulary), expected: "\(manifest.counts.terms) terms", found: "\(terms.count)")
    }
    return (terms, frequencies)
  }
}
