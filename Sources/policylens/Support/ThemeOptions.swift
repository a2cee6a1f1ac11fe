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
  func catalog(for model: PolicyModel) throws -> ThemeCatalog {
    if themes == nil, let data = model.themeDefinitions {
      return try Self.parse(data, fileName: "themes.yaml (in the model)")
    }
    return try catalog(alternative: "or refit the model so that it keeps its own themes")
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
    let path = themes ?? Self.repositoryThemes
    guard let data = FileManager.default.contents(atPath: path) else {
      throw CommandError(
        description: "Cannot read the theme file \(shellQuoted(path)). Pass --themes-file <file>, \(alternative).",
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
