import FileIntegrity
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
  /// Columns that results may use: `$COLUMNS`, else the window's width when stdout is a
  /// terminal; `nil` when output goes to a pipe or file (nothing is fitted to a width then).
  var width: Int?

  /// The process's standard streams.
  ///
  /// When results cannot be written (a full disk, `> /dev/full`, a closed pipe), the process
  /// says so on stderr and exits with 74 at once: nothing further it printed would arrive.
  /// Errors writing diagnostics are ignored (there is nowhere left to report them).
  static let standard = Terminal(
    writeOutput: { text in
      if let failure = writeAll(text, to: STDOUT_FILENO) {
        if failure != EPIPE {
          _ = writeAll(
            "Error: cannot write the results to standard output: \(String(cString: strerror(failure))).\n",
            to: STDERR_FILENO)
        }
        InProgressWrites.removeAll()
        exit(ExitStatus.cannotWrite)
      }
    },
    writeDiagnostics: { _ = writeAll($0, to: STDERR_FILENO) },
    diagnosticsIsInteractive: isatty(STDERR_FILENO) != 0, width: outputWidth())

  /// The width of standard output, as ``width`` describes it.
  static func outputWidth() -> Int? {
    if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 {
      return columns
    }
    guard isatty(STDOUT_FILENO) != 0 else { return nil }
    var size = winsize()
    guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
    return Int(size.ws_col)
  }

  /// Writes all of `text` to `descriptor`, retrying short writes and interruptions.
  ///
  /// - Returns: nil when everything was written, else the `errno` of the failure.
  static func writeAll(_ text: String, to descriptor: Int32) -> Int32? {
    var bytes = Array(text.utf8)
    return bytes.withUnsafeMutableBytes { buffer -> Int32? in
      var offset = 0
      while offset < buffer.count {
        guard let base = buffer.baseAddress else { return nil }
        let written = write(descriptor, base + offset, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          return errno
        }
        offset += written
      }
      return nil
    }
  }

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

  /// The captured terminal, `width` columns wide (80 by default, the narrowest a table must read at).
  func terminal(width: Int? = 80) -> Terminal {
    Terminal(
      writeOutput: { text in self.lock.withLock { self.outputText += text } },
      writeDiagnostics: { text in self.lock.withLock { self.diagnosticsText += text } },
      diagnosticsIsInteractive: false, width: width)
  }
}
