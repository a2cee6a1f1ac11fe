import Foundation
import ModelStore

extension ModelManifest {
  /// Reads only the manifest of the model in `directory` (cheap: for summaries and version
  /// checks).
  public static func load(from directory: URL) throws(ModelStoreError) -> ModelManifest {
    try load(from: ModelDirectory(url: directory), withCorpusFiles: true)
  }

  /// The manifest, with or without the list of corpus files (queries do not need it) and the
  /// text-analysis parameters (a query by article id does not need them; see
  /// ``CodingUserInfoKey/skipsTextAnalysis``).
  static func load(
    from directory: ModelDirectory, withCorpusFiles: Bool, withTextAnalysis: Bool = true
  ) throws(ModelStoreError) -> ModelManifest {
    let data = try directory.manifestData()
    let path = directory.path(.manifest)
    let decoder = JSONDecoder()
    if !withCorpusFiles, let key = CodingUserInfoKey.skipsCorpusFiles { decoder.userInfo[key] = true }
    if !withTextAnalysis, let key = CodingUserInfoKey.skipsTextAnalysis { decoder.userInfo[key] = true }
    let manifest: ModelManifest
    do {
      manifest = try decoder.decode(ModelManifest.self, from: data)
    } catch {
      // A newer format may not decode at all: say so rather than "malformed".
      struct VersionProbe: Decodable { var formatVersion: Int }
      guard let probe = try? JSONDecoder().decode(VersionProbe.self, from: data) else {
        throw .malformedFile(path: path, reason: "not a PolicyLens manifest (no formatVersion)")
      }
      guard readableFormatVersions.contains(probe.formatVersion) else {
        throw .unsupportedFormatVersion(path: path, found: probe.formatVersion, supported: segmentedFormatVersion)
      }
      throw .malformedFile(path: path, reason: describe(error))
    }
    guard readableFormatVersions.contains(manifest.formatVersion) else {
      throw .unsupportedFormatVersion(path: path, found: manifest.formatVersion, supported: segmentedFormatVersion)
    }
    try manifest.checkCounts(path: path)
    return manifest
  }

  /// The layout versions this build reads: a model written whole, or with segments.
  static let readableFormatVersions = currentFormatVersion...segmentedFormatVersion

  /// A reader of the model's files in `directory`, with this manifest's entries and segments.
  func files(in directory: URL) -> ModelDirectory {
    ModelDirectory(url: directory, entries: files, segmentCount: segmentCount)
  }

  /// Checks that the counts are plausible for the files the manifest lists, before any reader
  /// sizes an allocation or an index by them: each is non-negative and no larger than the file
  /// that holds one line or value per item (a damaged count is an error, not a crash).
  func checkCounts(path: String) throws(ModelStoreError) {
    func bytes(_ file: ModelFile) -> Int {
      file.partNames(segmentCount: segmentCount).reduce(0) { $0 + (files[$1]?.bytes ?? 0) }
    }
    let rowCount = counts.articles.addingReportingOverflow(foldedInArticleCount)
    // Each segment holds at least one folded-in article, and together no more than all of them.
    var segmentRows = 0
    let segmentsFit = (segments ?? []).allSatisfy { rows in
      guard rows >= 1, rows <= foldedInArticleCount - segmentRows else { return false }
      segmentRows += rows
      return true
    }
    let isPlausible =
      counts.articles >= 0 && foldedInArticleCount >= 0 && !rowCount.overflow && segmentsFit
      && rowCount.partialValue <= bytes(.articleIndex) && counts.terms >= 0 && counts.terms <= bytes(.vocabulary)
      && counts.dimensions >= 1 && counts.dimensions <= bytes(.singularValues) / 8
      && counts.nonZeroWeights >= 0 && counts.nonZeroWeights <= bytes(.tfidfValues) / 8
    guard isPlausible else {
      throw .malformedFile(
        path: path,
        reason: "its counts (\(counts.articles) + \(foldedInArticleCount) articles, \(counts.terms) terms, "
          + "\(counts.dimensions) dimensions) do not fit the sizes of the files it lists")
    }
  }

  /// A decoding error as a short reason (the coding path and what was wrong).
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
