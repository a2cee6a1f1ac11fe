import Foundation
import ArgumentParser

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
struct ModelOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp("The model directory to read or write.", valueName: "dir"),
    completion: .directory)
  var model = "models/seeds"

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
      "Newsletter text files, or folders of .txt files (default: seeds).", valueName: "path"),
    completion: .file())
  var paths: [String] = ["seeds"]
}

/// `--seed <n>`, for commands that draw random numbers.
struct SeedOptions: ParsableArguments {
  @Option(help: ArgumentHelp("Seed for the random number generator.", valueName: "n"))
  var seed: UInt64 = 42
}
