import ArgumentParser
import Foundation

/// The `policylens` root command.
@main
struct PolicyLens: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "policylens",
    abstract: "Make sense of Chinese policy newsletters: similar policies, themes, topics over time.",
    discussion: """
      Typical session:
        policylens fit seeds                 # ingest, segment, weight and reduce the seeds
        policylens similar 2024-21#1 --other-regions
        policylens themes
        policylens report --out report.html
      """,
    version: "0.1.0",
    subcommands: [
      IngestCommand.self, ArticlesCommand.self, TermsCommand.self, FitCommand.self,
      TopicsCommand.self, AddCommand.self, SimilarCommand.self, TagCommand.self,
      ThemesCommand.self, ClustersCommand.self, TimelineCommand.self, ReportCommand.self,
      EvaluateCommand.self,
      ServeCommand.self,
    ])

  static func main() async {
    // A file-size limit (`ulimit -f`) then fails the write with EFBIG, reported like a full
    // disk, instead of killing the process mid-write.
    signal(SIGXFSZ, SIG_IGN)
    let code = await execute(Array(CommandLine.arguments.dropFirst()))
    Foundation.exit(code)
  }

  /// Parses and runs `arguments`, reporting errors the way `main` does; returns the exit code.
  ///
  /// CLI tests call this in-process with a captured `Terminal`.
  static func execute(_ arguments: [String]) async -> Int32 {
    let terminal = Terminal.current
    do {
      var command = try parseAsRoot(arguments)
      if var asyncCommand = command as? any AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        try command.run()
      }
      return ExitStatus.success
    } catch let error as any ReportableError {
      terminal.note("Error: \(error.description)")
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
}
