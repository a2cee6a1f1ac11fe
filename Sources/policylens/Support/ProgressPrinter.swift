import Foundation
import PolicyLensKit

/// Writes pipeline progress to stderr: one line when a stage starts and one when it ends,
/// with a redrawn counter on an interactive terminal (every 10% otherwise).
final class ProgressPrinter: @unchecked Sendable {
  private let terminal: Terminal
  private let isQuiet: Bool
  private let lock = NSLock()
  private var lastDecile: [String: Int] = [:]

  init(terminal: Terminal = .current, quiet: Bool) {
    self.terminal = terminal
    self.isQuiet = quiet
  }

  /// The handler to pass to the pipeline.
  var handler: ProgressHandler {
    { [self] event in self.receive(event) }
  }

  private func receive(_ event: ProgressEvent) {
    if case .warning(let message) = event {
      terminal.note("warning: \(message)")
      return
    }
    guard !isQuiet else { return }
    lock.withLock {
      switch event {
      case .started(let stage, let detail):
        terminal.note("\(stage): \(detail)…")
      case .advanced(let stage, let completed, let total):
        guard total > 0 else { return }
        if terminal.diagnosticsIsInteractive {
          terminal.writeDiagnostics("\r\(stage): \(formatCount(completed)) / \(formatCount(total))\u{1B}[K")
          if completed == total { terminal.writeDiagnostics("\r\u{1B}[K") }
        } else {
          let decile = completed * 10 / total
          if decile > lastDecile[stage, default: 0], decile < 10 {
            lastDecile[stage] = decile
            terminal.note("\(stage): \(decile * 10)% (\(formatCount(completed)) / \(formatCount(total)))")
          }
        }
      case .finished(let stage, let summary, let duration):
        terminal.note("\(stage): \(summary) in \(formatDuration(duration))")
      case .warning:
        break
      }
    }
  }
}

/// `12345` → `12,345`.
func formatCount(_ value: Int) -> String {
  let digits = String(value.magnitude)
  var result = ""
  for (offset, character) in digits.enumerated() {
    if offset > 0 && (digits.count - offset) % 3 == 0 { result.append(",") }
    result.append(character)
  }
  return value < 0 ? "-" + result : result
}

/// A duration as `0.42 s` or `12 ms`.
func formatDuration(_ duration: Duration) -> String {
  let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
  return seconds < 1 ? String(format: "%.0f ms", seconds * 1000) : String(format: "%.2f s", seconds)
}

/// `value` with `places` decimals, as `String(format: "%.<places>f", value)` prints it (both are
/// the C library's correctly rounded conversion), without Foundation's format machinery: `tag`
/// prints one per theme of tens of thousands of articles.
func formatDecimal(_ value: Double, places: Int) -> String {
  let capacity = 48
  let text = withUnsafeTemporaryAllocation(of: CChar.self, capacity: capacity) { buffer -> String? in
    let count = withVaList([value]) { vsnprintf(buffer.baseAddress, capacity, "%.\(places)f", $0) }
    guard count >= 0, count < capacity else { return nil }
    return String(decoding: UnsafeRawBufferPointer(start: buffer.baseAddress, count: Int(count)), as: UTF8.self)
  }
  return text ?? String(format: "%.\(places)f", value)
}
