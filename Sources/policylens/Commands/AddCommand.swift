import ArgumentParser
import FileIntegrity
import Foundation
import Ingest
import ModelStore
import PolicyLensKit

/// `policylens add`: fold new newsletters into an existing model without refitting.
struct AddCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add",
    abstract: "Add new newsletters to a model without refitting (fold-in).",
    discussion: """
      Each new article is weighted with the model's vocabulary and idf and projected into \
      the existing topic space (q̂ = q V Σ⁻¹). Topics do not change; an article whose text is \
      mostly unknown to the model is flagged, and a refit is advised. Articles whose text is \
      already in the model are skipped, whatever their file is called.

      The new articles are written as a small segment beside the model's files, which stay \
      as they are; once the model has \(Pipeline.maximumSegmentCount) segments, or they hold a \
      quarter of its articles, add rewrites it whole (--compact does so now).

      Example:
        policylens add new-issues/ --model models/seeds
      """)

  @Argument(
    help: ArgumentHelp("Newsletter files (.txt, .pdf, .docx, .html) or folders to add.", valueName: "path"),
    completion: .file())
  var paths: [String]

  @Flag(help: "Rewrite the model whole (one file of each kind, as fit writes it) instead of appending a segment.")
  var compact = false

  @OptionGroup var modelOptions: ModelOptions
  @OptionGroup var output: OutputOptions

  func run() async throws {
    let terminal = Terminal.current
    let printer = ProgressPrinter(quiet: output.quiet || output.json)
    let directory = URL(fileURLWithPath: modelOptions.model)
    // A missing model is reported before anything (even the lock file) is created beside it.
    _ = try ModelManifest.load(from: directory)
    let corpus = try await CorpusLoader.load(paths: paths)
    for warning in corpus.warnings { printer.handler(.warning(warning.description)) }
    // The lock spans load to save: a concurrent add waits and then folds into this one's result.
    let result = try await ModelWriteLock.withLock(model: directory, waiting: waitingNote(model: modelOptions.model)) {
      try await Pipeline.add(
        articles: corpus.articles, toModelAt: directory, compacting: compact, cacheDirectory: lexiconCacheDirectory(),
        progress: printer.handler)
    }
    let poorly = result.added.filter(\.isPoorlyRepresented)
    if output.json {
      struct Payload: Encodable {
        var added: [FoldInReport]
        var skipped: [String]
        var refitAdvised: Bool
      }
      terminal.line(
        try renderJSON(Payload(added: result.added, skipped: result.skipped, refitAdvised: !poorly.isEmpty)))
      return
    }
    var table = TextTable([
      .init(header: "id"), .init(header: "unknown", alignsRight: true), .init(header: "title", maximumWidth: 60),
    ])
    for report in result.added {
      table.append([
        report.id, String(format: "%.0f%%", report.unknownShare * 100) + (report.isPoorlyRepresented ? " !" : ""),
        report.title,
      ])
    }
    if !result.added.isEmpty { terminal.line(table.render(width: terminal.width)) }
    terminal.line(
      "Added \(formatCount(result.added.count)) articles to \(modelOptions.model)"
        + (result.skipped.isEmpty ? "." : "; skipped \(result.skipped.count) already in the model."))
    if !poorly.isEmpty {
      terminal.note(
        "warning: \(poorly.count) added article(s) have more than half of their TF-IDF mass on terms "
          + "the model does not know (marked !). Their topic positions are unreliable; refit with: "
          + "policylens fit <all newsletters> --model \(ShellQuoting.quote(modelOptions.model))")
    }
  }
}
