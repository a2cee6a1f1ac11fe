import ArgumentParser
import Foundation
import PolicyLensKit

/// `policylens themes`: the themes and how many articles carry each.
struct ThemesCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "themes",
    abstract: "List the themes with how many articles carry each.",
    discussion: """
      Example:
        policylens themes --themes-file models/themes.yaml
      """)

  @OptionGroup var modelOptions: ModelOptions
  @OptionGroup var themeOptions: ThemeOptions
  @OptionGroup var output: OutputOptions

  func run() async throws {
    let terminal = Terminal.current
    let model = try PolicyModel.load(from: URL(fileURLWithPath: modelOptions.model))
    let counts = model.themes(from: try themeOptions.catalog(for: model)).counts
    if output.json {
      struct Payload: Encodable { var themes: [ThemeCount] }
      terminal.line(try renderJSON(Payload(themes: counts)))
      return
    }
    var table = TextTable([
      .init(header: "key"), .init(header: "name", maximumWidth: 20, minimumWidth: 10),
      .init(header: "articles", alignsRight: true), .init(header: "with seeds", alignsRight: true),
      .init(header: "description", maximumWidth: 50, minimumWidth: 10),
    ])
    for theme in counts {
      table.append([
        theme.key, theme.name, formatCount(theme.articleCount), formatCount(theme.articlesWithSeedTerms),
        theme.description,
      ])
    }
    terminal.line(table.render(width: terminal.width))
    let missing = counts.filter { !$0.unmatchedSeedTerms.isEmpty }
    if !missing.isEmpty && output.verbose {
      for theme in missing {
        terminal.note(
          "\(theme.key): seed terms not in the model's vocabulary: \(theme.unmatchedSeedTerms.joined(separator: " "))")
      }
    }
  }
}
