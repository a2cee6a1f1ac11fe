import Foundation
import ArgumentParser
import Foundation

/// `--json`, `--quiet`, `--verbose`: how a command reports.
struct OutputOptions: ParsableArguments {
  @Flag(help: "Print one JSON document (sorted keys, formatVersion) instead of a table.")
  var json = false

  @Flag(name: .shortAndLong, help: "Silence progress messages; errors still go to stderr.")
  var quiet = false

  @Flag(name: .shortAndLong, help: "Print more detail about each stage to stderr.")
  var verbose = false
}

/// `--model <dir>`: which fitted model a command reads or writes.
///
/// The default is `$POLICYLENS_MODEL` when set, else `models/seeds`.
struct ModelOptions: ParsableArguments {
  /// The environment variable that names the default model.
  static let environmentVariable = "POLICYLENS_MODEL"

  /// `$POLICYLENS_MODEL`, else `models/seeds` (relative to the working directory).
  static var defaultModel: String {
    if let path = ProcessInfo.processInfo.environment[environmentVariable], !path.isEmpty { return path }
    return "models/seeds"
  }

  @Option(
    help: ArgumentHelp(
      "The model directory to read or write; set POLICYLENS_MODEL to change the default.", valueName: "dir"),
    completion: .directory)
  var model: String = Self.defaultModel

  /// The model directory.
  var url: URL { URL(fileURLWithPath: model) }

  func validate() throws {
    if model.trimmingCharacters(in: .whitespaces).isEmpty {
      throw ValidationError("--model must name a folder; got an empty string.")
    }
  }
}

/// Newsletter files or folders to read; the seed corpus by default.
struct CorpusOptions: ParsableArguments {
  @Argument(
    help: ArgumentHelp(
      "Newsletter files (.txt, .pdf, .docx, .html), or folders of them.", valueName: "path"),
    completion: .file())
  var paths: [String] = ["seeds"]
}

/// `--seed <n>`, for commands that draw random numbers.
struct SeedOptions: ParsableArguments {
  @Option(help: ArgumentHelp("Seed for the random number generator.", valueName: "n"))
  var seed: UInt64 = 42
}

/// `--no-bom`: CSV output starts with a UTF-8 byte-order mark unless asked not to.
///
/// Excel reads a CSV without one in the system's legacy encoding, turning Chinese into mojibake;
/// most other tools skip the mark, and `--no-bom` serves those that don't.
struct CSVOptions: ParsableArguments {
  @Flag(help: "Write CSV without the UTF-8 byte-order mark that Excel needs to read Chinese.")
  var noBom = false

  /// `csv` as written: with the byte-order mark unless `--no-bom`.
  func encoded(_ csv: String) -> String { noBom ? csv : "\u{FEFF}" + csv }
}
