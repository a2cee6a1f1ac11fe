import Foundation
import TestSupport

@testable import policylens

/// Runs `policylens` in-process with captured streams.
struct CLIRun {
  var exitCode: Int32
  var output: String
  var diagnostics: String
}

enum CLIRunner {
  static let seedModel = RepositoryPaths.root.appendingPathComponent("models/seeds").path
  static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Golden")

  /// Runs with the working directory's defaults replaced by absolute repository paths.
  ///
  /// - Parameter width: The terminal's width in columns (`nil`: output to a pipe).
  static func run(_ arguments: [String], width: Int? = 80) async -> CLIRun {
    let captured = CapturedTerminal()
    let code = await Terminal.$current.withValue(captured.terminal(width: width)) {
      await PolicyLens.execute(arguments)
    }
    return CLIRun(exitCode: code, output: captured.output, diagnostics: captured.diagnostics)
  }

  /// Arguments that point a model command at the committed seeds model and theme file.
  static func modelArguments() -> [String] {
    ["--model", seedModel, "--themes-file", RepositoryPaths.root.appendingPathComponent("models/themes.yaml").path]
  }

  /// The built executable (for end-to-end tests of streams and exit codes).
  static var executable: URL? {
    for configuration in ["debug", "release"] {
      let url = RepositoryPaths.root.appendingPathComponent(".build/\(configuration)/policylens")
      if FileManager.default.isExecutableFile(atPath: url.path) { return url }
    }
    return nil
  }
}
