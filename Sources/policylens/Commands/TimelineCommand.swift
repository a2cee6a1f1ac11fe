import ArgumentParser
import Foundation
import PolicyLensKit
import Report
import Timelines

extension TimelineGranularity: ExpressibleByArgument {}
extension TimelineCategories: ExpressibleByArgument {}

/// `policylens timeline`: themes or clusters per issue, month or quarter, with trends.
struct TimelineCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "timeline",
    abstract: "Show how themes or clusters move across issues, months or quarters.",
    discussion: """
      For each period: the number and share of articles per theme (or cluster), and a trend \
      marker computed from the shares: new (absent before the latest period), rising (share \
      at least 1.5× the earlier share, smoothed, and at least 2 articles), fading (at most \
      1/1.5 of it), steady otherwise.

      Examples:
        policylens timeline --by issue --themes
        policylens timeline --by quarter --clusters --csv > clusters.csv
      """)

  @Option(name: .customLong("by"), help: ArgumentHelp("Period: issue, month or quarter.", valueName: "period"))
  var granularity: TimelineGranularity = .issue

  @Flag(help: "Count themes (default).")
  var themes = false

  @Flag(help: "Count clusters (k chosen by silhouette) instead of themes.")
  var clusters = false

  @Option(
    help: ArgumentHelp(
      "Only articles of this region (江苏, 江苏省, Jiangsu; a city counts as its province).", valueName: "place"))
  var region: String?

  @Flag(help: "Print the timeline as CSV (one row per period and category, as report --csv writes timeline.csv).")
  var csv = false

  @OptionGroup var csvOptions: CSVOptions

  @OptionGroup var modelOptions: ModelOptions
  @OptionGroup var themeOptions: ThemeOptions
  @OptionGroup var seedOptions: SeedOptions
  @OptionGroup var output: OutputOptions

  func validate() throws {
    if themes && clusters { throw ValidationError("Give either --themes or --clusters, not both.") }
    if csv && output.json { throw ValidationError("Give either --json or --csv, not both.") }
  }

  func run() async throws {
    let terminal = Terminal.current
    let directory = URL(fileURLWithPath: modelOptions.model)
    let categories: TimelineCategories = clusters ? .clusters : .themes
    // Clusters are labelled by their TF-IDF rows and built from the coordinates; themes read
    // those only when a theme has examples.
    var model = try PolicyModel.load(
      from: directory, articleText: false, termWeights: categories == .clusters,
      documentCoordinates: categories == .clusters, termLoadings: false)
    var tagged: [ArticleThemes]?
    if categories == .themes {
      let catalog = try themeOptions.catalog(for: model)
      try themeOptions.readTextIfNeeded(&model, toTagWith: catalog, directory: directory, quiet: output.quiet)
      tagged = try model.themes(from: catalog).articles
    }
    let clustering = categories == .clusters ? try model.clusters(ClusterRequest(seed: seedOptions.seed)) : nil
    let placeFilter = try region.map { try NameLookup.region($0) }
    let (timeline, trends) = try model.timeline(
      categories: categories, granularity: granularity, region: placeFilter, themes: tagged, clusters: clustering)
    let undated = model.articles.lazy.filter { $0.date == nil && (placeFilter == nil || $0.region == placeFilter) }
      .count
    if undated > 0 {
      terminal.note(
        "note: \(formatCount(undated)) article\(undated == 1 ? "" : "s") without a date "
          + "\(undated == 1 ? "is" : "are") left out of the timeline.")
    }
    if csv {
      terminal.writeOutput(
        csvOptions.encoded(
          ReportCSV.timeline(
            ReportTimeline(timeline, trends: trends, categoryKind: categories.rawValue, includesEmptySeries: true))))
      return
    }
    if output.json {
      terminal.line(
        try renderJSON(
          TimelineDocument(
            granularity: granularity, categories: categories, region: region, timeline: timeline, trends: trends)))
      return
    }
    let markers = Dictionary(uniqueKeysWithValues: trends.map { ($0.category, $0.marker) })
    var columns: [TextTable.Column] = [.init(header: categories == .themes ? "theme" : "cluster", maximumWidth: 26)]
    columns.append(.init(header: "shape"))
    columns += timeline.periods.map { .init(header: shortLabel($0.label), alignsRight: true) }
    columns += [.init(header: "total", alignsRight: true), .init(header: "trend")]
    var table = TextTable(columns)
    for series in timeline.series where series.totalCount > 0 {
      let trend = markers[series.category].map(describe) ?? ""
      table.append(
        [series.category, timeline.sparkline(for: series.category) ?? ""]
          + series.counts.map { $0 == 0 ? "·" : "\($0)" } + ["\(series.totalCount)", trend])
    }
    table.append(["articles", ""] + timeline.periods.map { "\($0.articleCount)" } + ["\(timeline.articleCount)", ""])
    terminal.line(table.render(width: terminal.width))
    if granularity == .issue {
      terminal.line(
        "\nperiods: "
          + timeline.periods.map { "\(shortLabel($0.label)) = \($0.label) (\($0.start)…\($0.end))" }.joined(
            separator: "; "))
    }
  }

  private func shortLabel(_ label: String) -> String { HTMLReport.shortPeriodLabel(label) }

  private func describe(_ marker: TrendMarker) -> String {
    switch marker {
    case .new: "new ★"
    case .rising: "rising ↑"
    case .steady: "steady →"
    case .fading: "fading ↓"
    case .absent: "absent"
    }
  }
}
