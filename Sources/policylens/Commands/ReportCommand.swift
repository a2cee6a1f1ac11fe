import ArgumentParser
import Foundation
import PolicyLensKit
import Report

/// `policylens report`: one self-contained HTML file (and optional CSV tables).
struct ReportCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Write a self-contained HTML report: timeline, topic map, clusters, region × theme.",
    discussion: """
      The report works offline (no network, no external fonts or scripts): open it with a \
      double-click. --csv writes the same tables for spreadsheets.

      Example:
        policylens report --out report.html --csv report-tables
      """)

  @Option(help: ArgumentHelp("The HTML file to write.", valueName: "file"), completion: .file(extensions: ["html"]))
  var out = "report.html"

  @Option(
    help: ArgumentHelp("Also write the report's tables as CSV files into this folder.", valueName: "dir"),
    completion: .directory)
  var csv: String?

  @OptionGroup var csvOptions: CSVOptions
  @OptionGroup var modelOptions: ModelOptions
  @OptionGroup var themeOptions: ThemeOptions
  @OptionGroup var seedOptions: SeedOptions
  @OptionGroup var output: OutputOptions

  func run() async throws {
    let terminal = Terminal.current
    let model = try PolicyModel.load(from: URL(fileURLWithPath: modelOptions.model))
    let document = try model.reportDocument(catalog: try themeOptions.catalog(for: model), seed: seedOptions.seed)
    if document.timeline == nil && !output.quiet {
      terminal.note("note: the timeline needs articles from at least two issues; the report has none.")
    }
    try writeAtomically(HTMLReport.render(document), to: out)
    var written = [out]
    if let csv {
      do {
        try FileManager.default.createDirectory(atPath: csv, withIntermediateDirectories: true)
      } catch {
        throw CommandError(
          description: "Cannot create \(csv): \(error.localizedDescription).", exitCode: ExitStatus.cannotWrite)
      }
      for (name, table) in ReportCSV.tables(document).sorted(by: { $0.key < $1.key }) {
        let path = URL(fileURLWithPath: csv).appendingPathComponent(name).path
        try writeAtomically(csvOptions.encoded(table), to: path)
        written.append(path)
      }
    }
    if output.json {
      struct Payload: Encodable { var files: [String]; var articles: Int; var clusters: Int }
      terminal.line(
        try renderJSON(Payload(files: written, articles: document.articles.count, clusters: document.clusters.count)))
    } else {
      terminal.line("Wrote \(written.joined(separator: ", "))")
    }
  }
}
