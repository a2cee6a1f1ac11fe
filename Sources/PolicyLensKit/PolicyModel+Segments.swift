import FileIntegrity
import Foundation
import Ingest
import LinearAlgebra
import ModelStore

extension PolicyModel {
  /// Writes the articles of a fold-in as a new generation of the model at `directory` whose
  /// manifest is `manifest`: every file of the model is kept (hard links, never written to),
  /// and segment *n* + 1 holds only the new rows, each file checksummed in the manifest:
  /// `articles`, `article_index` (no header), `content_keys`, the TF-IDF rows in CSR form (their
  /// offsets from 0), `document_coordinates` (U's rows, column-major), `latent_unit_rows` and,
  /// when the model stores theme evidence, its rows (model row numbers).
  ///
  /// Readers then see the model's rows followed by these, exactly as if the model had been
  /// loaded, extended and saved whole. Writing is atomic (`ModelDirectoryWriter`); the caller
  /// holds the writer lock.
  ///
  /// - Returns: The manifest as written.
  /// - Complexity: O(size of the new rows) written, plus one hard link per file of the model.
  @discardableResult
  static func appendSegment(
    _ foldIn: Pipeline.FoldIn, themeEvidence: StoredThemeEvidence?, singularValues: [Double],
    to manifest: ModelManifest, at directory: URL
  ) async throws(ModelStoreError) -> ModelManifest {
    let count = foldIn.articles.count
    precondition(count > 0, "a segment holds at least one article")
    let firstRow = manifest.counts.articles + manifest.foldedInArticleCount
    let number = manifest.segmentCount + 1
    let (lines, index, keys) = try await encodeArticleFiles(
      foldIn.articles, directory: directory, includesHeader: false)
    let files = manifest.files(in: directory)
    let baseValueCount = files.partNames(.tfidfValues).reduce(0) { $0 + (manifest.files[$1]?.shape?.first ?? 0) }
    guard baseValueCount + foldIn.weights.nonZeroCount < Int(Int32.max) else {
      throw .cannotWrite(path: directory.path, reason: "more than 2³¹ TF-IDF weights")
    }

    var writer = try ModelDirectoryWriter(replacing: directory)
    try keepFiles(of: manifest, except: [], with: &writer, at: directory)
    func write(_ parts: [any FileBytes], _ file: ModelFile, shape: [Int]) throws(ModelStoreError) {
      try writer.write(parts, named: file.segmentName(number), shape: shape)
    }
    let weights = foldIn.weights
    let coordinates = foldIn.coordinates
    let dimensionCount = coordinates.columnCount
    try write(lines, .articles, shape: [count])
    try write([index], .articleIndex, shape: [count])
    try write([keys], .contentKeys, shape: [count])
    try write(NumPyFormat.parts(weights.rowStarts.map { Int32($0) }), .tfidfRowStarts, shape: [count + 1])
    try write(NumPyFormat.parts(weights.columnIndices), .tfidfColumnIndices, shape: [weights.nonZeroCount])
    try write(NumPyFormat.parts(weights.values), .tfidfValues, shape: [weights.nonZeroCount])
    try write(NumPyFormat.parts(coordinates), .documentCoordinates, shape: [count, dimensionCount])
    try write(
      NumPyFormat.parts(coordinates.scalingColumns(by: singularValues).unitRows(), fortranOrder: false),
      .latentUnitRows, shape: [count, dimensionCount])
    var manifest = manifest
    if let themeEvidence {
      let (rows, phrases, _) = themeEvidence.encoded(firstRow: firstRow)
      try writer.write(rows, named: ModelFile.themeEvidence.segmentName(number), shape: nil)
      try writer.write(phrases, named: ModelFile.themeEvidencePhrases.segmentName(number), shape: nil)
    }
    manifest.formatVersion = ModelManifest.segmentedFormatVersion
    manifest.foldedInArticleCount += count
    manifest.segments = (manifest.segments ?? []) + [count]
    manifest.files = writer.entries
    try commit(manifest, with: &writer, at: directory)
    return manifest
  }
}
