import ArgumentParser
import FileIntegrity
import Foundation

/// The `policylens` root command.
@main
struct PolicyLens: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "policylens",
    abstract: "Make sense of Chinese policy newsletters: similar policies, themes, topics over time.",
    discussion: """
      Typical session:
        policylens fit seeds           # fit a model to the seed newsletters
        policylens articles --region 江苏
        policylens show 2024-21#1      # read one article
        policylens similar 2024-21#1 --other-regions
        policylens report --out report.html
      """,
    version: "0.1.0",
    subcommands: [
      IngestCommand.self, ArticlesCommand.self, ShowCommand.self, TermsCommand.self, FitCommand.self,
      TopicsCommand.self, AddCommand.self, SimilarCommand.self, TagCommand.self,
      ThemesCommand.self, ClustersCommand.self, TimelineCommand.self, ReportCommand.self,
      EvaluateCommand.self,
      ServeCommand.self,
    ])

  static func main() async {
    // A file-size limit (`ulimit -f`) then fails the write with EFBIG, reported like a full
    // disk, instead of killing the process mid-write.
    signal(SIGXFSZ, SIG_IGN)
    // A reader that stops early (`| head -1`) ends the process quietly, as it does other tools.
    signal(SIGPIPE, SIG_DFL)
    let arguments = Array(CommandLine.arguments.dropFirst())
    // `serve` stops gracefully on these signals itself (it writes no model).
    let interruptions = arguments.first == "serve" ? [] : removingWritesInProgress(on: [SIGINT, SIGTERM])
    let code = await execute(arguments)
    withExtendedLifetime(interruptions) {}
    Foundation.exit(code)
  }

  /// Makes `signals` remove this process's unfinished model folders and temporary files
  /// (``InProgressWrites``) before it exits with 128 + the signal number, as a shell reports it.
  ///
  /// - Returns: The signal sources, which must stay alive while the command runs.
  static func removingWritesInProgress(on signals: [Int32]) -> [any DispatchSourceSignal] {
    signals.map { number in
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      source.setEventHandler {
        Interruption.record(number)
        InProgressWrites.removeAll()
        Foundation.exit(128 + number)
      }
      source.resume()
      return source
    }
  }

  /// Parses and runs `arguments`, reporting errors the way `main` does; returns the exit code.
  ///
  /// CLI tests call this in-process with a captured `Terminal`.
  static func execute(_ arguments: [String]) async -> Int32 {
    let terminal = Terminal.current
    if let suggestion = subcommandSuggestion(for: arguments) {
      terminal.note("Error: \(suggestion)")
      terminal.note("Usage: policylens <subcommand>; see policylens --help.")
      return ExitStatus.usage
    }
    do {
      var command = try parseAsRoot(arguments)
      if var asyncCommand = command as? any AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        try command.run()
      }
      return ExitStatus.success
    } catch  where Interruption.signal != nil {
      // The write failed because the signal handler removed its files; it reports the exit.
      return 128 + (Interruption.signal ?? 0)
    } catch let error as any ReportableError {
      terminal.note("Error: \(error.message)")
      return error.exitCode
    } catch {
      let code = exitCode(for: error)
      let message = fullMessage(for: error)
      if code == .success {
        if !message.isEmpty { terminal.line(message) }
      } else if !message.isEmpty {
        terminal.note(message)
      }
      return code.rawValue
    }
  }

  /// The names of the subcommands, as typed.
  static var subcommandNames: [String] {
    configuration.subcommands.compactMap { $0.configuration.commandName }
  }

  /// The message for a first argument that is a word but not a subcommand, if it is one.
  ///
  /// "Unknown subcommand simlar. Did you mean similar?"; `nil` for options and known names,
  /// which parse as usual.
  static func subcommandSuggestion(for arguments: [String]) -> String? {
    guard let word = arguments.first, !word.hasPrefix("-"), word != "help" else { return nil }
    let names = subcommandNames
    guard !names.contains(word) else { return nil }
    let closest = names.map { ($0, ArticleLookup.editDistance($0, word)) }.min { $0.1 < $1.1 }
    guard let closest, closest.1 <= max(2, word.count / 3) else {
      return "Unknown subcommand \(ShellQuoting.quote(word)). The subcommands are: \(names.joined(separator: ", "))."
    }
    return "Unknown subcommand \(ShellQuoting.quote(word)). Did you mean \(closest.0)?"
  }
}

/// The signal that is ending the process, if any (set by the handler before it removes the
/// unfinished writes, so that the failures this causes are not reported as errors).
enum Interruption {
  private static let state = State()

  /// The signal number, once one arrived.
  static var signal: Int32? { state.lock.withLock { state.number } }

  static func record(_ number: Int32) { state.lock.withLock { state.number = number } }

  private final class State: @unchecked Sendable {
    let lock = NSLock()
    var number: Int32?
  }
}
