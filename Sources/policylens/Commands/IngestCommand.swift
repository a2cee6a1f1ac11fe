import ArgumentParser
import FileIntegrity
import Foundation
import Ingest

/// `policylens ingest`: newsletters → articles, with what was set aside as boilerplate.
struct IngestCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ingest",
    abstract: "Read newsletter text files and split them into articles.",
    discussion: """
      Every line of input ends up in exactly one article or in a reported boilerplate block \
      (masthead, contents list, distribution list). Files in GB18030/GBK, with a BOM or CRLF \
      line endings are decoded automatically.

      Example:
        policylens ingest seeds --out articles.json
      """)

  @OptionGroup var corpus: CorpusOptions
  @OptionGroup var output: OutputOptions

  @Option(
    help: ArgumentHelp(
      "Also write the full result (articles and boilerplate) as JSON to this file.", valueName: "file"),
    completion: .file())
  var out: String?

  struct Result: Encodable {
    var newsletters: [Newsletter]
    var warnings: [String]
    var articleCount: Int
  }

  func run() async throws {
    let terminal = Terminal.current
    let loaded = try await CorpusLoader.load(paths: corpus.paths)
    for warning in loaded.warnings { terminal.note("warning: \(warning.description)") }
    let result = Result(
      newsletters: loaded.newsletters, warnings: loaded.warnings.map(\.description),
      articleCount: loaded.articles.count)
    if let out {
      try writeAtomically(try renderJSON(result), to: out)
      if !output.quiet { terminal.note("wrote \(formatCount(result.articleCount)) articles to \(out)") }
    }
    if output.json {
      terminal.line(try renderJSON(result))
      return
    }
    var table = TextTable([
      .init(header: "file", maximumWidth: 28), .init(header: "publication"), .init(header: "issue"),
      .init(header: "date"), .init(header: "articles", alignsRight: true),
      .init(header: "boilerplate lines", alignsRight: true),
    ])
    for newsletter in loaded.newsletters {
      table.append([
        newsletter.file, newsletter.publication?.name ?? "—", newsletter.issue, newsletter.date ?? "—",
        formatCount(newsletter.articles.count),
        formatCount(newsletter.boilerplate.reduce(0) { $0 + $1.lines.count }),
      ])
    }
    terminal.line(table.render(width: terminal.width))
    terminal.line(
      "\n\(formatCount(result.articleCount)) articles. List them with: policylens articles \(corpus.paths.map(ShellQuoting.quote).joined(separator: " "))"
    )
  }
}

/// Writes `text` to `path` atomically (`AtomicFile`), so a failure never leaves a
/// half-written file.
func writeAtomically(_ text: String, to path: String) throws {
  do {
    try AtomicFile.write(Data(text.utf8), to: URL(fileURLWithPath: path))
  } catch {
    // The system's reason (No space left on device, Permission denied, No such file or
    // directory) says what to fix.
    throw CommandError(
      description: "Cannot write \(path): \(error.errorDescription ?? "\(error)"). Nothing there was changed.",
      exitCode: ExitStatus.cannotWrite)
  }
}
