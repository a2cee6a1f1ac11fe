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
  ///
  /// - Parameters:
  ///   - articleText: Whether to read the articles' text (`articles.jsonl`, most of a large
  ///     model); without it ``articles`` come from `article_index.tsv` with only their id,
  ///     title, place, date and issue (``hasArticleText`` is false), which is all that commands
  ///     tagging from stored theme evidence, clustering or listing topics need.
  ///   - termWeights: Whether to read the articles' TF-IDF rows (`tfidf_*.npy`, the largest
  ///     arrays); without them ``weights`` is an all-zero matrix of the right shape
  ///     (``hasTermWeights`` is false), which is all that tagging with themes that have no
  ///     examples needs. See `loadTermWeights(from:)`.
  ///   - documentCoordinates: Whether to read the articles' coordinates
  ///     (`document_coordinates.npy`); without them the unit latent rows are mapped in place
  ///     (`latent_unit_rows.npy`, checksum verified) and ``latentVectors`` may not be read
  ///     (``hasDocumentCoordinates`` is false), which is all that tagging every article with
  ///     themes that have no examples needs. See `loadDocumentCoordinates(from:)`.
  ///
  /// Integrity: every file read is checked against its size and checksum in the manifest; the
  /// files left out are not read, so damage to them is reported by the first command that reads
  /// them, never hidden from one that uses them.
  public static func load(
    from directory: URL, articleText: Bool = true, termWeights: Bool = true, documentCoordinates: Bool = true
  ) throws(ModelStoreError) -> PolicyModel {
    try ModelDirectory.readingOneGeneration(at: directory) { () throws(ModelStoreError) in
      try loadOneGeneration(
        from: directory, articleText: articleText, termWeights: termWeights, documentCoordinates: documentCoordinates)
    }
  }

  /// Reads the articles' coordinates into a model loaded without them (see
  /// `load(from:articleText:termWeights:documentCoordinates:)`), checking that the model on disk
  /// is still the one loaded.
  ///
  /// - Throws: ``ModelStoreError/modelBeingReplaced(path:)`` when another process replaced the model
  ///   since it was loaded; the checksum and shape errors of a load.
  public mutating func loadDocumentCoordinates(from directory: URL) throws(ModelStoreError) {
    guard !hasDocumentCoordinates else { return }
    let loaded = manifest
    let (rows, columns) = (articles.count, lsa.dimensionCount)
    let coordinates = try ModelDirectory.readingOneGeneration(at: directory) { () throws(ModelStoreError) in
      let manifest = try ModelManifest.load(from: ModelDirectory(url: directory), withCorpusFiles: false)
      guard manifest.files == loaded.files else { throw .modelBeingReplaced(path: directory.path) }
      return try ModelDirectory(url: directory, entries: manifest.files).matrix(
        .documentCoordinates, rows: rows, columns: columns)
    }
    lsa = LSAModel(
      options: lsa.options, algorithm: lsa.algorithm, singularValues: lsa.singularValues,
      termLoadings: lsa.termLoadings, documentCoordinates: coordinates, totalSumOfSquares: lsa.totalSumOfSquares)
  }

  /// Reads the TF-IDF rows into a model loaded without them (see
  /// `load(from:articleText:termWeights:documentCoordinates:)`),
  /// checking that the model on disk is still the one loaded.
  ///
  /// - Throws: ``ModelStoreError/modelBeingReplaced(path:)`` when another process replaced the model
  ///   since it was loaded; the checksum and shape errors of a load.
  public mutating func loadTermWeights(from directory: URL) throws(ModelStoreError) {
    guard !hasTermWeights else { return }
    let loaded = manifest
    let articleCount = articles.count
    let termCount = tfidf.terms.count
    let weights = try ModelDirectory.readingOneGeneration(at: directory) { () throws(ModelStoreError) in
      let manifest = try ModelManifest.load(from: ModelDirectory(url: directory), withCorpusFiles: false)
      guard manifest.files == loaded.files else { throw .modelBeingReplaced(path: directory.path) }
      return try Self.termWeights(
        in: ModelDirectory(url: directory, entries: manifest.files), articleCount: articleCount, termCount: termCount)
    }
    tfidf = TFIDFModel(
      options: tfidf.options, terms: tfidf.terms, documentFrequency: tfidf.documentFrequency,
      inverseDocumentFrequency: tfidf.inverseDocumentFrequency, trainingWeights: weights,
      trainingDocumentCount: tfidf.documentCount)
    hasTermWeights = true
  }

  /// Reads the articles' text into a model loaded without it (see `load(from:articleText:)`),
  /// checking that the model on disk is still the one loaded.
  ///
  /// - Throws: ``ModelStoreError/modelBeingReplaced(path:)`` when another process replaced the model
  ///   since it was loaded.
  public mutating func loadArticleText(from directory: URL) throws(ModelStoreError) {
    guard !hasArticleText else { return }
    let loaded = manifest
    let articles = try ModelDirectory.readingOneGeneration(at: directory) { () throws(ModelStoreError) in
      let manifest = try ModelManifest.load(from: ModelDirectory(url: directory), withCorpusFiles: false)
      guard manifest.files == loaded.files else { throw .modelBeingReplaced(path: directory.path) }
      return try Self.loadArticles(from: ModelDirectory(url: directory, entries: manifest.files))
    }
    guard articles.count == self.articles.count else {
      throw .shapeMismatch(
        path: directory.appendingPathComponent(ModelFile.articles.name).path,
        expected: "\(self.articles.count) articles", found: "\(articles.count)")
    }
    self.articles = articles
    hasArticleText = true
  }

  /// The full articles at `rows` (text, sources, file positions), read from `articles.jsonl`
  /// without decoding the other lines: what a model loaded without its text needs to show a few
  /// articles.
  ///
  /// The file is checksummed as a whole (it is mapped, so only the pages read are loaded) and
  /// must belong to the model loaded.
  ///
  /// - Throws: ``ModelStoreError/modelBeingReplaced(path:)`` when another process replaced the
  ///   model since it was loaded; ``ModelStoreError/malformedFile(path:reason:)``.
  /// - Complexity: O(file size) to find the lines, plus the decoding of the rows asked for.
  public func fullArticles(atRows rows: [Int], from directory: URL) throws(ModelStoreError) -> [Article] {
    if hasArticleText { return rows.map { articles[$0] } }
    let loaded = manifest
    return try ModelDirectory.readingOneGeneration(at: directory) { () throws(ModelStoreError) in
      let manifest = try ModelManifest.load(from: ModelDirectory(url: directory), withCorpusFiles: false)
      guard manifest.files == loaded.files else { throw .modelBeingReplaced(path: directory.path) }
      let files = ModelDirectory(url: directory, entries: manifest.files)
      let data = try files.verifiedData(.articles)
      var starts: [Int] = []
      starts.reserveCapacity(articles.count + 1)
      data.withUnsafeBytes { raw in
        let bytes = raw.bindMemory(to: UInt8.self)
        var position = 0
        while position < bytes.count {
          starts.append(position)
          guard let base = bytes.baseAddress,
            let newline = memchr(base + position, 0x0A, bytes.count - position)
          else { break }
          position = base.distance(to: newline.assumingMemoryBound(to: UInt8.self)) + 1
        }
      }
      starts.append(data.count)
      guard starts.count - 1 == articles.count else {
        throw .shapeMismatch(
          path: files.path(.articles), expected: "\(articles.count) articles", found: "\(starts.count - 1)")
      }
      let decoder = JSONDecoder()
      var result: [Article] = []
      for row in rows {
        let line = data[(data.startIndex + starts[row])..<(data.startIndex + starts[row + 1])]
        do {
          result.append(try decoder.decode(Article.self, from: line))
        } catch {
          throw .malformedFile(path: files.path(.articles), reason: "line \(row + 1): \(ModelManifest.describe(error))")
        }
      }
      return result
    }
  }

  private static func loadOneGeneration(
    from directory: URL, articleText: Bool, termWeights: Bool, documentCoordinates: Bool
  ) throws(ModelStoreError) -> PolicyModel {
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
    let coordinates =
      documentCoordinates
      ? try files.matrix(.documentCoordinates, rows: articleCount, columns: dimensionCount)
      : Matrix(rowCount: 0, columnCount: dimensionCount)
    let unitLatentRows =
      documentCoordinates
      ? nil
      : try files.array(
        .latentUnitRows, of: Double.self, shape: [articleCount, dimensionCount], fortranOrder: false,
        verifiesChecksum: true)

    let weights =
      termWeights
      ? try Self.termWeights(in: files, articleCount: articleCount, termCount: termCount)
      : SparseMatrix(
        rowCount: articleCount, columnCount: termCount, rowStarts: [Int](repeating: 0, count: articleCount + 1),
        columnIndices: [], values: [])

    let articles = articleText ? try loadArticles(from: files) : try articleSummaries(from: files)
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
    model.hasArticleText = articleText
    model.hasTermWeights = termWeights
    model.hasDocumentCoordinates = documentCoordinates
    model.mappedUnitLatentRows = unitLatentRows
    if let columns = manifest.themeEvidence, files.entries[ModelFile.themeEvidence.name] != nil {
      let rows = try files.array(
        .themeEvidence, of: Int32.self, shape: [nil, nil], fortranOrder: false, verifiesChecksum: true)
      let phrases = try files.array(
        .themeEvidencePhrases, of: Int32.self, shape: [nil, nil], fortranOrder: false, verifiesChecksum: true)
      model.themeEvidence = try StoredThemeEvidence.decoding(
        evidence: rows, phrases: phrases, columns: columns, articleCount: articleCount, files: files)
    }
    if files.entries[ModelFile.themeDefinitions.name] != nil {
      model.themeDefinitions = try files.verifiedData(.themeDefinitions)
    }
    if files.entries[ModelFile.userDictionary.name] != nil {
      model.userDictionaryFile = try files.verifiedData(.userDictionary)
    }
    return model
  }

  /// The TF-IDF rows (`tfidf_indptr.npy`, `tfidf_indices.npy`, `tfidf_data.npy`), checksums
  /// verified and the CSR structure checked (offsets rise from 0 to the value count, columns in
  /// range).
  static func termWeights(
    in files: ModelDirectory, articleCount: Int, termCount: Int
  ) throws(ModelStoreError) -> SparseMatrix {
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
    return SparseMatrix(
      rowCount: articleCount, columnCount: termCount, rowStarts: rowStarts, columnIndices: indices,
      values: values)
  }

  /// The articles only (for commands that list or filter them without the matrices), read
  /// from one generation of the model with the manifest that lists them.
  public static func loadArticles(from directory: URL) throws(ModelStoreError) -> [Article] {
    try ModelDirectory.readingOneGeneration(at: directory) { () throws(ModelStoreError) in
      let manifest = try ModelManifest.load(from: ModelDirectory(url: directory), withCorpusFiles: false)
      return try loadArticles(from: ModelDirectory(url: directory, entries: manifest.files))
    }
  }

  /// The articles as `article_index.tsv` describes them (checksum verified): id, title, place,
  /// date and issue; no text, sources or file positions.
  static func articleSummaries(from files: ModelDirectory) throws(ModelStoreError) -> [Article] {
    switch ArticleIndex.parsing(try files.verifiedData(.articleIndex)) {
    case .success(let index):
      return index.map { summary in
        Article(
          id: summary.id, file: "", publication: "", issue: summary.issue, date: summary.date, region: summary.region,
          city: summary.city, section: "", title: summary.title, body: [], source: nil, sourceDate: nil, urls: [],
          lines: LineRange(first: 0, last: 0))
      }
    case .failure(let malformed):
      throw .malformedFile(path: files.path(.articleIndex), reason: "line \(malformed.number) does not have 6 fields")
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
