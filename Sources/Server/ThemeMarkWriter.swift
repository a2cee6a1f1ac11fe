import FileIntegrity
import Foundation
import ModelStore
import PolicyLensKit
import ThemeTagging

/// Records an analyst's mark (example, counter-example, none) of an article for a theme in the
/// themes file the server reads: the only thing the server ever writes.
///
/// Under the model's writer lock (`ModelWriteLock`, the lock `fit` and `add` take), it reads the
/// themes file, edits its `examples:` / `counter-examples:` lists
/// (`ThemeCatalog.marking(_:as:inTheme:text:fileName:)`) and writes it back atomically:
///
/// - the model's own copy (`themes.yaml` in the model folder, the default) is replaced as a new
///   generation of the model (`PolicyModel.replaceThemeDefinitions(_:inModelAt:)`: the other
///   files are hard-linked, never rewritten);
/// - any other file (`--themes-file`) is replaced with `AtomicFile`.
///
/// When the server reads the model's copy and the file the model was fitted from
/// (`ModelManifest.themesSource`, as the CLI resolves it) still defines the same themes, the
/// mark goes into that file too, so `policylens tag` and the next `fit` see it (the CLI prefers
/// that file when it differs from the copy).
struct ThemeMarkWriter: Sendable {
  let configuration: WorkbenchConfiguration

  /// What a mark changed.
  struct Outcome: Sendable {
    /// The files written, as paths.
    var files: [String]
  }

  /// Whether the themes file is the model's own copy.
  var writesModelCopy: Bool {
    let copy = configuration.modelDirectory.appendingPathComponent(ModelFile.themeDefinitions.name)
    return copy.standardizedFileURL.resolvingSymlinksInPath().path
      == configuration.themesFile.standardizedFileURL.resolvingSymlinksInPath().path
  }

  /// Marks `article` for the theme `key`.
  ///
  /// - Parameter themesSource: The file the model was fitted from, when it exists.
  /// - Throws: ``ServerError`` (400 for a mark the file cannot record, 500 naming the file when
  ///   it cannot be read or written); the files are then as they were.
  func mark(_ article: String, as mark: ThemeMark, inTheme key: String, themesSource: URL?) async throws -> Outcome {
    let configuration = self.configuration
    let writesModelCopy = self.writesModelCopy
    return try await ModelWriteLock.withLock(model: configuration.modelDirectory, waiting: { _ in }) {
      let path = configuration.themesFile.path
      let text = try Self.read(configuration.themesFile)
      let before = try? ThemeCatalog(parsing: text, fileName: path)
      let edited: (text: String, catalog: ThemeCatalog)
      do {
        edited = try ThemeCatalog.marking(article, as: mark, inTheme: key, text: text, fileName: path)
      } catch let error as ThemeTaggingError {
        throw ServerError.badParameter("article", error.description)
      }
      var written: [String] = []
      // The source first: if the model's copy then fails, the CLI still sees the mark.
      if let themesSource = Self.syncedSource(
        themesSource, writesModelCopy: writesModelCopy, themes: path, catalog: before),
        let sourceText = try? Self.read(themesSource),
        let sourceEdit = try? ThemeCatalog.marking(
          article, as: mark, inTheme: key, text: sourceText, fileName: themesSource.path)
      {
        try Self.write(Data(sourceEdit.text.utf8)) { data throws(FileIntegrityError) in
          try AtomicFile.write(data, to: themesSource)
        }
        written.append(themesSource.path)
      }
      if writesModelCopy {
        try Self.write(Data(edited.text.utf8)) { data throws(ModelStoreError) in
          try PolicyModel.replaceThemeDefinitions(data, inModelAt: configuration.modelDirectory)
        }
      } else {
        try Self.write(Data(edited.text.utf8)) { data throws(FileIntegrityError) in
          try AtomicFile.write(data, to: configuration.themesFile)
        }
      }
      written.append(path)
      return Outcome(files: written)
    }
  }

  /// The files a mark goes to, for the pages to say: the themes file, and the file the model was
  /// fitted from when it is kept in step (see the type's description).
  func destinations(themesSource: URL?, catalog: ThemeCatalog) -> [String] {
    let path = configuration.themesFile.path
    let source = Self.syncedSource(themesSource, writesModelCopy: writesModelCopy, themes: path, catalog: catalog)
    return (source.map { [$0.path] } ?? []) + [path]
  }

  /// The file the model was fitted from, when a mark goes there too: the server writes the
  /// model's copy, and that file defines the same themes as `catalog` (the copy as it is).
  private static func syncedSource(
    _ source: URL?, writesModelCopy: Bool, themes path: String, catalog: ThemeCatalog?
  ) -> URL? {
    guard writesModelCopy, let source, source.path != path, let catalog,
      let text = try? read(source), let parsed = try? ThemeCatalog(parsing: text, fileName: source.path),
      parsed == catalog
    else { return nil }
    return source
  }

  private static func read(_ url: URL) throws(ServerError) -> String {
    do {
      return try String(contentsOf: url, encoding: .utf8)
    } catch {
      throw ServerError(
        status: .internalServerError, message: "Cannot read the themes file \(url.path): \(error.localizedDescription)",
        parameter: nil)
    }
  }

  private static func write<E: Error>(_ data: Data, _ body: (Data) throws(E) -> Void) throws(ServerError) {
    do {
      try body(data)
    } catch {
      throw ServerError(
        status: .internalServerError, message: "The mark was not recorded: \(error)", parameter: nil)
    }
  }
}
