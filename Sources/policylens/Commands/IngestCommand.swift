import ArgumentParser
import FileIntegrity
import Foundation
import Ingest

/// `policylens ingest`: newsletters → articles, with what was set aside as boilerplate.
struct IngestCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ingest",
    abstract: "Read newsletters (text, PDF, Word, web pages) and split them into articles.",
    discussion: """
      Every line of input ends up in exactly one article or in a reported boilerplate block \
      (masthead, contents list, distribution list). Files in GB18030/GBK, with a BOM or CRLF \
      line endings are decoded automatically. PDF is read with poppler's pdftotext (each \
      article records its pages), .docx from its XML, web pages (.html, .htm) through \
      libxml2: the article body (WeChat's rich_media_content, <article>, <main>), title, date \
      and canonical URL. The content decides the format, whatever the extension says. Text \
      in traditional characters is folded to simplified for analysis (OpenCC, Taiwan and Hong \
      Kong tables) and shown as written. A scanned PDF, a password, a damaged file or a page \
      without article text is reported, and skipped when other files could be read.

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
      .init(header: "file", maximumWidth: 28), .init(header: "format"), .init(header: "publication"),
      .init(header: "issue"),
      .init(header: "date"), .init(header: "articles", alignsRight: true),
      .init(header: "boilerplate lines", alignsRight: true),
    ])
    for newsletter in loaded.newsletters {
      table.append([
        newsletter.file, Self.formatLabel(of: newsletter), newsletter.publication?.name ?? "—", newsletter.issue,
        newsletter.date ?? "—",
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

extension IngestCommand {
  /// `txt`, `html`, or `pdf, 12 pp.` (the pages its articles span, for PDF and Word).
  static func formatLabel(of newsletter: Newsletter) -> String {
    let format = newsletter.articles.first?.format ?? .text
    guard let last = newsletter.articles.compactMap(\.pages?.last).max() else { return format.rawValue }
    return "\(format.rawValue), \(last) pp."
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
