import FileIntegrity
import ArgumentParser
import Foundation
import PolicyLensKit
import ThemeTagging

/// `--themes-file <file>`: the theme definitions (key, name, description, seed terms).
///
/// Commands that read a model use the model's own copy (`themes.yaml` in the model folder,
/// written by `fit`) unless a file is given, so they work from any folder.
struct ThemeOptions: ParsableArguments {
  /// The theme file of the repository, the fallback for models fitted before they kept their own.
  static let repositoryThemes = "models/themes.yaml"

  @Option(
    name: .customLong("themes-file"),
    help: ArgumentHelp(
      "Theme definitions (YAML: key, name, description, seeds). "
        + "Default: the model's copy, else \(repositoryThemes).",
      valueName: "file"),
    completion: .file(extensions: ["yaml", "yml"]))
  var themes: String?

  /// The catalog to tag `model` with: `--themes-file`, else the model's copy, else the repository's file.
  ///
  /// A theme file on disk that was edited after the fit (`--themes-file`, or the file the
  /// model was fitted from, ``ModelManifest/themesSource``, when it differs from the copy) is
  /// used as it is now, and a note on stderr says which themes changed; tagging reads the
  /// text, so nothing needs refitting.
  func catalog(for model: PolicyModel) throws -> ThemeCatalog {
    let fitted = try model.themeDefinitions.map { try Self.parse($0, fileName: "themes.yaml (in the model)") }
    let source = model.manifest.themesSource.flatMap { FileManager.default.fileExists(atPath: $0) ? $0 : nil }
    let onDisk = themes ?? source
    if let fitted {
      guard let onDisk else { return fitted }
      // An explicit file must parse; the file the model was fitted from may have been broken since.
      let read =
        themes != nil
        ? try catalog(alternative: "")
        : try? Self.parse(try fileData(at: onDisk, alternative: ""), fileName: onDisk)
      guard let current = read, current != fitted else { return fitted }
      let changes = Self.changes(from: fitted, to: current)
      if !changes.isEmpty {
        Terminal.current.note(
          "note: \(ShellQuoting.quote(onDisk)) differs from the themes the model was fitted with (\(changes)); "
            + "tagging with \(ShellQuoting.quote(onDisk))")
      }
      return current
    }
    return try catalog(alternative: "or refit the model so that it keeps its own themes")
  }

  /// Reads what tagging with `catalog` needs into a model loaded without it: the TF-IDF rows
  /// and coordinates when a theme has examples, and the articles' text when the model stores no theme evidence
  /// for these themes (fitted before models stored it, or the themes were edited since); a note
  /// says so.
  func readTextIfNeeded(_ model: inout PolicyModel, toTagWith catalog: ThemeCatalog, directory: URL, quiet: Bool)
    throws
  {
    try model.loadExampleDataIfNeeded(toTagWith: catalog, from: directory)
    guard try model.loadArticleTextIfNeeded(toTagWith: catalog, from: directory), !quiet else { return }
    Terminal.current.note(
      "note: the model stores no theme evidence for these themes, so every article's text was read to tag it; "
        + "refit the model (or add to it) to store the evidence of its own themes")
  }

  /// Which themes were added, removed or edited between two catalogs, as a short phrase.
  static func changes(from old: ThemeCatalog, to new: ThemeCatalog) -> String {
    let before = Dictionary(old.themes.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
    let after = Dictionary(new.themes.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
    let added = new.themes.map(\.key).filter { before[$0] == nil }
    let removed = old.themes.map(\.key).filter { after[$0] == nil }
    let edited = new.themes.map(\.key).filter { key in before[key].map { $0 != after[key] } ?? false }
    return [("changed", edited), ("added", added), ("removed", removed)]
      .filter { !$0.1.isEmpty }
      .map { "\($0.0): \($0.1.joined(separator: ", "))" }
      .joined(separator: "; ")
  }

  /// The parsed catalog of `--themes-file` (default `models/themes.yaml`).
  ///
  /// - Parameter alternative: What else the user may do when the file is missing, closing the
  ///   error message.
  func catalog(alternative: String = "or restore models/themes.yaml") throws -> ThemeCatalog {
    try Self.parse(try fileData(alternative: alternative), fileName: themes ?? Self.repositoryThemes)
  }

  /// The bytes of `--themes-file` (default `models/themes.yaml`), for `fit` to keep in the model.
  func fileData(alternative: String) throws -> Data {
    try fileData(at: themes ?? Self.repositoryThemes, alternative: alternative)
  }

  private func fileData(at path: String, alternative: String) throws -> Data {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw CommandError(
        description:
          "Cannot read the theme file \(ShellQuoting.quote(path)). Pass --themes-file <file>, \(alternative).",
        exitCode: ExitStatus.noInput)
    }
    return data
  }

  private static func parse(_ data: Data, fileName: String) throws -> ThemeCatalog {
    guard let text = String(data: data, encoding: .utf8) else {
      throw CommandError(
        description: "\(fileName) is not UTF-8 text. Save it as UTF-8 and retry.", exitCode: ExitStatus.dataError)
    }
    return try ThemeCatalog(parsing: text, fileName: fileName)
  }
}
