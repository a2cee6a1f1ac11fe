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
  ///   - termLoadings: Whether to copy the term loadings V (`term_loadings.npy`, 166 MB at 100k
  ///     articles) into ``lsa``; without them the file is mapped in place, checksum verified,
  ///     and `lsa.termLoadings` is empty (``hasTermLoadings`` is false), which is all that
  ///     tagging needs: it reads the rows of its themes' terms.
  ///
  /// Integrity: every file read is checked against its size and checksum in the manifest; the
  /// files left out are not read, so damage to them is reported by the first command that reads
  /// them, never hidden from one that uses them.
  public static func load(
    from directory: URL, articleText: Bool = true, termWeights: Bool = true, documentCoordinates: Bool = true,
    termLoadings: Bool = true
  ) throws(ModelStoreError) -> PolicyModel {
    try ModelDirectory.readingOneGeneration(at: directory) { () throws(ModelStoreError) in
      try loadOneGeneration(
        from: directory, articleText: articleText, termWeights: termWeights, documentCoordinates: documentCoordinates,
        termLoadings: termLoadings)
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
      let files = manifest.files(in: directory)
      let coordinates = try files.matrixRows(
        .documentCoordinates, parts: try files.verifiedParts(.documentCoordinates), columns: columns)
      guard coordinates.rowCount == rows else {
        throw .shapeMismatch(
          path: files.path(.documentCoordinates), expected: "\(rows)×\(columns)",
          found: "\(coordinates.rowCount)×\(coordinates.columnCount)")
      }
      return coordinates
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
        in: manifest.files(in: directory), articleCount: articleCount, termCount: termCount)
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
      return try Self.loadArticles(from: manifest.files(in: directory))
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
      let files = manifest.files(in: directory)
      // Each part (the base file, then any segments `add` appended) holds whole lines.
      let parts = try files.verifiedParts(.articles)
      var lines: [(part: Int, number: Int, range: Range<Int>)] = []
      lines.reserveCapacity(articles.count)
      for (part, data) in parts.enumerated() {
        let first = lines.count
        data.withUnsafeBytes { raw in
          let bytes = raw.bindMemory(to: UInt8.self)
          var position = 0
          while position < bytes.count {
            guard let base = bytes.baseAddress,
              let newline = memchr(base + position, 0x0A, bytes.count - position)
            else {
              lines.append((part, lines.count - first + 1, position..<bytes.count))
              break
            }
            let end = base.distance(to: newline.assumingMemoryBound(to: UInt8.self))
            lines.append((part, lines.count - first + 1, position..<(end + 1)))
            position = end + 1
          }
        }
      }
      guard lines.count == articles.count else {
        throw .shapeMismatch(
          path: files.path(.articles), expected: "\(articles.count) articles", found: "\(lines.count)")
      }
      let decoder = JSONDecoder()
      var result: [Article] = []
      for row in rows {
        let (part, number, range) = lines[row]
        let data = parts[part]
        let line = data[(data.startIndex + range.lowerBound)..<(data.startIndex + range.upperBound)]
        do {
          result.append(try decoder.decode(Article.self, from: line))
        } catch {
          throw .malformedFile(
            path: files.path(.articles, part: part), reason: "line \(number): \(ModelManifest.describe(error))")
        }
      }
      return result
    }
  }

  private static func loadOneGeneration(
    from directory: URL, articleText: Bool, termWeights: Bool, documentCoordinates: Bool, termLoadings: Bool
  ) throws(ModelStoreError) -> PolicyModel {
    let manifest = try ModelManifest.load(from: ModelDirectory(url: directory), withCorpusFiles: true)
    let files = manifest.files(in: directory)
    let counts = manifest.counts
    let termCount = counts.terms
    let dimensionCount = counts.dimensions
    let articleCount = counts.articles + manifest.foldedInArticleCount

    let (terms, documentFrequency) = try vocabulary(in: files, manifest: manifest)
    let idf = try files.doubles(.inverseDocumentFrequency, count: termCount)
    let sigma = try files.doubles(.singularValues, count: dimensionCount)
    let loadings: Matrix
    let mappedLoadings: NumPyArray<Double>?
    if termLoadings {
      loadings = try files.matrix(.termLoadings, rows: termCount, columns: dimensionCount)
      mappedLoadings = nil
    } else {
      loadings = Matrix(rowCount: 0, columnCount: dimensionCount)
      mappedLoadings = try files.array(
        .termLoadings, of: Double.self, shape: [termCount, dimensionCount], fortranOrder: true, verifiesChecksum: true)
    }
    // A model with segments (`add`) has each file's rows in several parts, joined here.
    let coordinates: Matrix
    let unitLatentRows: NumPyArray<Double>?
    if documentCoordinates {
      coordinates = try files.matrixRows(
        .documentCoordinates, parts: try files.verifiedParts(.documentCoordinates), columns: dimensionCount)
      guard coordinates.rowCount == articleCount else {
        throw .shapeMismatch(
          path: files.path(.documentCoordinates), expected: "\(articleCount)×\(dimensionCount)",
          found: "\(coordinates.rowCount)×\(coordinates.columnCount)")
      }
      unitLatentRows = nil
    } else {
      coordinates = Matrix(rowCount: 0, columnCount: dimensionCount)
      let rows: NumPyArray<Double> = try files.rows(
        .latentUnitRows, parts: try files.verifiedParts(.latentUnitRows), trailing: [dimensionCount])
      try rows.expectShape([articleCount, dimensionCount], path: files.path(.latentUnitRows))
      unitLatentRows = rows
    }

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
    model.mappedTermLoadings = mappedLoadings
    if let columns = manifest.themeEvidence, files.entries[ModelFile.themeEvidence.name] != nil {
      let evidenceParts = try files.verifiedParts([.themeEvidence, .themeEvidencePhrases])
      let rows: NumPyArray<Int32> = try files.rows(
        .themeEvidence, parts: evidenceParts[.themeEvidence] ?? [], trailing: [StoredThemeEvidence.columnCount])
      let phrases: NumPyArray<Int32> = try files.rows(
        .themeEvidencePhrases, parts: evidenceParts[.themeEvidencePhrases] ?? [], trailing: [2])
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
    // A model with segments (`add`) has each file's rows in several parts, joined here.
    let parts = try files.verifiedParts([.tfidfRowStarts, .tfidfColumnIndices, .tfidfValues])
    let indptr = try files.rowStarts(parts: parts[.tfidfRowStarts] ?? []).elements
    let indices: [Int32] = try files.rowElements(
      .tfidfColumnIndices, parts: parts[.tfidfColumnIndices] ?? [], trailing: [])
    let values: [Double] = try files.rowElements(.tfidfValues, parts: parts[.tfidfValues] ?? [], trailing: [])
    guard values.count == indices.count else {
      throw .shapeMismatch(path: files.path(.tfidfValues), expected: "[\(indices.count)]", found: "[\(values.count)]")
    }
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
      return try loadArticles(from: manifest.files(in: directory))
    }
  }

  /// The articles as `article_index.tsv` describes them (checksum verified): id, title, place,
  /// date and issue; no text, sources or file positions.
  static func articleSummaries(from files: ModelDirectory) throws(ModelStoreError) -> [Article] {
    switch ArticleIndex.parsing(ModelDirectory.concatenatedLines(try files.verifiedParts(.articleIndex))) {
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

  /// `articles.jsonl` and its segments, checksum verified, one article per line.
  static func loadArticles(from files: ModelDirectory) throws(ModelStoreError) -> [Article] {
    let decoder = JSONDecoder()
    var articles: [Article] = []
    for (part, data) in try files.verifiedParts(.articles).enumerated() {
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
              path: files.path(.articles, part: part), reason: "line \(lineNumber): \(ModelManifest.describe(error))")
          }
        }
        start = end < data.endIndex ? data.index(after: end) : end
      }
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
