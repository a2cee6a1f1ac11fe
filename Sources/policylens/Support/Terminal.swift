import Foundation

/// Where a command writes: results to `output` (stdout), progress, warnings and errors to `diagnostics` (stderr).
///
/// Tests swap in a capturing terminal with `Terminal.$current`.
struct Terminal: Sendable {
  /// Writes text to the results stream.
  var writeOutput: @Sendable (String) -> Void
  /// Writes text to the diagnostics stream.
  var writeDiagnostics: @Sendable (String) -> Void
  /// Whether diagnostics go to an interactive terminal (progress may redraw one line).
  var diagnosticsIsInteractive: Bool

  /// The process's standard streams.
  static let standard = Terminal(
    writeOutput: { FileHandle.standardOutput.write(Data($0.utf8)) },
    writeDiagnostics: { FileHandle.standardError.write(Data($0.utf8)) },
    diagnosticsIsInteractive: isatty(STDERR_FILENO) != 0)

  /// The terminal commands write to in this task.
  @TaskLocal static var current: Terminal = .standard

  /// Prints one line of results.
  func line(_ text: String = "") { writeOutput(text + "\n") }

  /// Prints one line to the diagnostics stream.
  func note(_ text: String) { writeDiagnostics(text + "\n") }
}

/// Captures both streams in memory (for in-process CLI tests).
final class CapturedTerminal: @unchecked Sendable {
  private let lock = NSLock()
  private var outputText = ""
  private var diagnosticsText = ""

  var output: String { lock.withLock { outputText } }
  var diagnostics: String { lock.withLock { diagnosticsText } }

  var terminal: Terminal {
    Terminal(
      writeOutput: { text in self.lock.withLock { self.outputText += text } },
      writeDiagnostics: { text in self.lock.withLock { self.diagnosticsText += text } },
      diagnosticsIsInteractive: false)
  }
}
