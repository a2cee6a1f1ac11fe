import ArgumentParser
import Foundation
import ThemeTagging

/// `--themes-file <file>`: the theme definitions (key, name, description, seed terms).
struct ThemeOptions: ParsableArguments {
  @Option(
    name: .customLong("themes-file"),
    help: ArgumentHelp("Theme definitions (YAML: key, name, description, seeds).", valueName: "file"),
    completion: .file(extensions: ["yaml", "yml"]))
  var themes = "models/themes.yaml"

  /// The parsed catalog.
  ///
  /// - Parameter alternative: What else the user may do when the file is missing, closing the
  ///   error message.
  func catalog(alternative: String = "or restore models/themes.yaml") throws -> ThemeCatalog {
    guard let data = FileManager.default.contents(atPath: themes) else {
      throw CommandError(
        description: "Cannot read the theme file \(themes). Pass --themes-file <file>, \(alternative).",
        exitCode: ExitStatus.noInput)
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw CommandError(
        description: "\(themes) is not UTF-8 text. Save it as UTF-8 and retry.", exitCode: ExitStatus.dataError)
    }
    return try ThemeCatalog(parsing: text, fileName: themes)
  }
}
