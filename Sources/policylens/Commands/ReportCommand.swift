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

      --region and --theme open the page filtered to one place or theme (the chips at the top \
      change or clear the filter; printing prints the articles shown).

      Examples:
        policylens report --out report.html --csv report-tables
        policylens report --region 江苏 --theme 低空经济 --out jiangsu-drones.html
      """)

  @Option(help: ArgumentHelp("The HTML file to write.", valueName: "file"), completion: .file(extensions: ["html"]))
  var out = "report.html"

  @Option(
    help: ArgumentHelp("Also write the report's tables as CSV files into this folder.", valueName: "dir"),
    completion: .directory)
  var csv: String?

  @Option(
    help: ArgumentHelp(
      "Open the report on this region or city's articles (江苏, 江苏省, Jiangsu, 苏州市).", valueName: "place"))
  var region: String?

  @Option(help: ArgumentHelp("Open the report on this theme's articles, by key or name.", valueName: "theme"))
  var theme: String?

  @OptionGroup var csvOptions: CSVOptions
  @OptionGroup var modelOptions: ModelOptions
  @OptionGroup var themeOptions: ThemeOptions
  @OptionGroup var seedOptions: SeedOptions
  @OptionGroup var output: OutputOptions

  func run() async throws {
    let terminal = Terminal.current
    let directory = URL(fileURLWithPath: modelOptions.model)
    var model = try PolicyModel.load(from: directory, articleText: false)
    let catalog = try themeOptions.catalog(for: model)
    try themeOptions.readTextIfNeeded(&model, toTagWith: catalog, directory: directory, quiet: output.quiet)
    let place = try region.map { try NameLookup.place($0) }
    let themeKey = try theme.map { try NameLookup.themeKey($0, in: catalog) }
    let focusTheme = themeKey.flatMap { key in catalog.themes.first { $0.key == key }?.name }
    let articles = model.articles
    let isFocus: ((Int, [String]) -> Bool)? =
      place == nil && focusTheme == nil
      ? nil
      : { row, themes in
        (place.map { articles[row].region == $0 || articles[row].city == $0 } ?? true)
          && (focusTheme.map { themes.contains($0) } ?? true)
      }
    let loaded = model
    var document = try model.reportDocument(
      catalog: catalog, seed: seedOptions.seed, isFocus: isFocus,
      articleText: { rows in try loaded.fullArticles(atRows: rows, from: directory) })
    document.focusPlace = place
    document.focusTheme = focusTheme
    if let focus = [place, document.focusTheme].compactMap({ $0 }).nilIfEmpty {
      document.subtitle = (document.subtitle.map { $0 + " · " } ?? "") + "focus: " + focus.joined(separator: " · ")
      let shown = document.articles.filter { article in
        (place.map { article.region == $0 || article.city == $0 } ?? true)
          && (document.focusTheme.map { article.themes.contains($0) } ?? true)
      }
      if shown.isEmpty && !output.quiet {
        terminal.note(
          "note: no article matches \(focus.joined(separator: " and ")); the report opens on an empty list.")
      }
    }
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

extension Array {
  /// The array, or `nil` when it is empty.
  fileprivate var nilIfEmpty: [Element]? { isEmpty ? nil : self }
}
