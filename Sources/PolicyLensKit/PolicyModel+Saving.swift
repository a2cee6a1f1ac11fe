import FileIntegrity
import Foundation
import Ingest
import LinearAlgebra
import ModelStore
import Reduction
import Vectorization

extension PolicyModel {
  /// Writes the model to `directory` (see `ModelFile` for the files), replacing any model
  /// there.
  ///
  /// Writing is atomic (`ModelDirectoryWriter`): a failure at any point leaves the previous
  /// model as it was.
  ///
  /// - Returns: The manifest as written (with file checksums filled in).
  @discardableResult
  public func save(to directory: URL) async throws(ModelStoreError) -> ModelManifest {
    precondition(hasArticleText, "a model loaded without its article text cannot be saved")
    precondition(hasTermWeights, "a model loaded without its TF-IDF rows cannot be saved")
    // Counted on the other core while this one writes the other files (the writes are one
    // thread copying into the page cache); written last.
    async let pendingThemeEvidence = themeEvidenceForSaving()
    let articleLines: [any FileBytes]
    let articleIndex: Data
    let contentKeys: Data
    if let encoded = encodedArticleFiles {
      (articleLines, articleIndex, contentKeys) = (encoded.lines, encoded.index, encoded.contentKeys)
    } else {
      (articleLines, articleIndex, contentKeys) = try await Self.encodeArticleFiles(articles, directory: directory)
    }
    var writer = try ModelDirectoryWriter(replacing: directory)
    let weights = tfidf.trainingWeights
    guard weights.nonZeroCount < Int(Int32.max) else {
      writer.abandon()
      throw .cannotWrite(path: directory.path, reason: "more than 2³¹ TF-IDF weights")
    }
    var vocabulary = "term\tdocument_frequency\n"
    for (term, frequency) in zip(tfidf.terms, tfidf.documentFrequency) {
      vocabulary += "\(term)\t\(frequency)\n"
    }
    try writer.write(Data(vocabulary.utf8), as: .vocabulary, shape: [tfidf.terms.count])
    // The numeric files are written from the arrays themselves (`NumPyFormat.parts`), and the
    // articles from their encoded chunks: joining them first copied about 1.2 GB at 100k
    // articles (515 MB of arrays, and the 330 MB of articles twice).
    try writer.write(
      NumPyFormat.parts(tfidf.inverseDocumentFrequency), as: .inverseDocumentFrequency, shape: [tfidf.terms.count])
    try writer.write(NumPyFormat.parts(lsa.singularValues), as: .singularValues, shape: [lsa.dimensionCount])
    try writer.write(
      NumPyFormat.parts(lsa.termLoadings), as: .termLoadings,
      shape: [lsa.termLoadings.rowCount, lsa.termLoadings.columnCount])
    try writer.write(
      NumPyFormat.parts(lsa.documentCoordinates), as: .documentCoordinates,
      shape: [lsa.documentCoordinates.rowCount, lsa.documentCoordinates.columnCount])
    try writer.write(
      NumPyFormat.parts(latentVectors.unitRows(), fortranOrder: false), as: .latentUnitRows,
      shape: [lsa.documentCoordinates.rowCount, lsa.documentCoordinates.columnCount])
    try writer.write(
      NumPyFormat.parts(weights.rowStarts.map { Int32($0) }), as: .tfidfRowStarts, shape: [weights.rowCount + 1])
    try writer.write(NumPyFormat.parts(weights.columnIndices), as: .tfidfColumnIndices, shape: [weights.nonZeroCount])
    try writer.write(NumPyFormat.parts(weights.values), as: .tfidfValues, shape: [weights.nonZeroCount])
    try writer.write(articleLines, as: .articles, shape: [articles.count])
    try writer.write(articleIndex, as: .articleIndex, shape: [articles.count])
    try writer.write(contentKeys, as: .contentKeys, shape: [articles.count])
    if let themeDefinitions { try writer.write(themeDefinitions, as: .themeDefinitions, shape: nil) }
    if let userDictionaryFile { try writer.write(userDictionaryFile, as: .userDictionary, shape: nil) }
    var manifest = self.manifest
    // Written whole: one base file each, no segments.
    manifest.formatVersion = ModelManifest.currentFormatVersion
    manifest.segments = nil
    manifest.themeEvidence = nil
    if let themeEvidence = await pendingThemeEvidence {
      let (rows, phrases, columns) = themeEvidence.encoded()
      try writer.write(rows, as: .themeEvidence, shape: nil)
      try writer.write(phrases, as: .themeEvidencePhrases, shape: nil)
      manifest.themeEvidence = columns
    }
    manifest.files = writer.entries
    try Self.commit(manifest, with: &writer, at: directory)
    return manifest
  }

  /// `articles.jsonl`, `article_index.tsv` and `content_keys.txt`, encoded in chunks on every
  /// core and joined in article order.
  ///
  /// Encoding the articles' JSON was most of the time to save a large model.
  static func encodeArticleFiles(
    _ articles: [Article], directory: URL, includesHeader: Bool = true
  ) async throws(ModelStoreError) -> (lines: [any FileBytes], index: Data, contentKeys: Data) {
    do {
      let encoded = try await EncodedArticleFiles(articles, includesHeader: includesHeader)
      return (encoded.lines, encoded.index, encoded.contentKeys)
    } catch {
      throw .cannotWrite(path: directory.path, reason: "articles could not be encoded: \(error)")
    }
  }
}

/// A model's `articles.jsonl`, `article_index.tsv` and `content_keys.txt`, as `save(to:)` writes
/// them.
///
/// `fit` encodes them while TF-IDF and the SVD run (``PolicyModel/encodedArticleFiles``): those
/// stages leave a core idle much of the time, and the encoding is about a tenth of a large fit.
struct EncodedArticleFiles: Sendable {
  /// `articles.jsonl` in chunks of whole lines, to be written one after the other.
  var lines: [any FileBytes]
  var index: Data
  var contentKeys: Data

  /// The three files of `articles`, encoded in chunks on every core and joined in article order.
  ///
  /// - Parameter includesHeader: Whether the index starts with its header line (a segment's
  ///   index has none: appended to the base file's, it reads as one file).
  init(_ articles: [Article], includesHeader: Bool = true) async throws {
    let chunkCount = max(1, min(articles.count / 256, ProcessInfo.processInfo.activeProcessorCount * 4))
    let chunkSize = (articles.count + chunkCount - 1) / chunkCount
    var chunks = [(lines: [UInt8], index: String, keys: String)](repeating: ([], "", ""), count: chunkCount)
    var failure: (any Error)?
    await withTaskGroup(of: (Int, Result<(lines: [UInt8], index: String, keys: String), any Error>).self) { group in
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
    if let failure { throw failure }
    // A segment's index has no header: appended to the base file's, it reads as one file.
    var index = includesHeader ? ArticleSummary.header + "\n" : ""
    var keys = ""
    for chunk in chunks {
      index += chunk.index
      keys += chunk.keys
    }
    self.lines = chunks.map(\.lines)
    self.index = Data(index.utf8)
    self.contentKeys = Data(keys.utf8)
  }

  /// One JSON line (``ArticleLineEncoder``), one index line and one content-key line
  /// (`Pipeline.contentKey(of:)`) per article.
  private static func encode(_ articles: ArraySlice<Article>) throws -> (lines: [UInt8], index: String, keys: String) {
    var lines: [UInt8] = []
    lines.reserveCapacity(articles.reduce(0) { $0 + $1.body.reduce(256) { $0 + $1.utf8.count + 8 } })
    var index = ""
    var keys = ""
    for article in articles {
      ArticleLineEncoder.append(article, to: &lines)
      lines.append(0x0A)
      index += ArticleSummary(article).tsvLine + "\n"
      keys += Pipeline.contentKey(of: article) + "\n"
    }
    return (lines, index, keys)
  }
}

extension PolicyModel {
  /// Replaces the theme definitions kept in the model at `directory` (`themes.yaml`) with
  /// `data`, as a new generation of the model: every other file is carried over by a hard link
  /// (no numeric file is rewritten or copied), the manifest records the new file's checksum,
  /// and the folder is swapped in whole, so readers see the old model or the new one.
  ///
  /// The caller holds the model's writer lock (`ModelWriteLock`) around reading the old
  /// definitions and this call, so no other writer's work is lost.
  ///
  /// - Returns: The manifest as written.
  /// - Throws: `ModelStoreError` when the model cannot be read or written; the model is then as
  ///   it was.
  /// - Complexity: O(*f*) links for *f* files, plus writing `data` and the manifest.
  @discardableResult
  public static func replaceThemeDefinitions(_ data: Data, inModelAt directory: URL) throws(ModelStoreError)
    -> ModelManifest
  {
    var manifest = try ModelManifest.load(from: directory)
    var writer = try ModelDirectoryWriter(replacing: directory)
    try keepFiles(of: manifest, except: [ModelFile.themeDefinitions.name], with: &writer, at: directory)
    try writer.write(data, as: .themeDefinitions, shape: nil)
    manifest.files = writer.entries
    try commit(manifest, with: &writer, at: directory)
    return manifest
  }

  /// Carries every file `manifest` lists (segments too) but `excluded` over to the writer's new
  /// generation by hard links.
  ///
  /// - Throws: ``ModelStoreError/malformedFile(path:reason:)`` when the manifest lists a name
  ///   that is no model file (the writer is then abandoned).
  static func keepFiles(
    of manifest: ModelManifest, except excluded: Set<String>, with writer: inout ModelDirectoryWriter, at directory: URL
  ) throws(ModelStoreError) {
    for (name, entry) in manifest.files.sorted(by: { $0.key < $1.key }) where !excluded.contains(name) {
      guard name != ModelFile.manifest.name, ModelFile.isModelFileName(name) else {
        writer.abandon()
        throw .malformedFile(
          path: directory.appendingPathComponent(ModelFile.manifest.name).path,
          reason: "it lists \(name), which is not a model file")
      }
      try writer.keep(named: name, entry: entry)
    }
  }

  /// Encodes `manifest` (pretty, sorted keys) and commits the writer's new generation with it;
  /// the writer is abandoned when the manifest cannot be encoded.
  static func commit(
    _ manifest: ModelManifest, with writer: inout ModelDirectoryWriter, at directory: URL
  ) throws(ModelStoreError) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let manifestData: Data
    do {
      manifestData = try encoder.encode(manifest)
    } catch {
      writer.abandon()
      throw .cannotWrite(path: directory.path, reason: "manifest could not be encoded: \(error)")
    }
    try writer.commit(manifest: manifestData)
  }
}
