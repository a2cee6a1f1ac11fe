import ArgumentParser
import Foundation
import PolicyLensKit

/// `policylens tag`: the themes of articles.
struct TagCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tag",
    abstract: "Tag articles with themes (低空经济, 绿色金融 …) and their scores.",
    discussion: """
      An article carries a theme when at least one of the theme's seed terms occurs in it \
      and its latent similarity to the theme is an outlier against articles without those \
      terms (robust z-score ≥ 3.5). No per-theme tuning: each theme is calibrated on the \
      corpus's own score distribution. A model keeps the themes it was fitted with (themes.yaml in the model folder); \
      --themes-file tags with other definitions.

      Examples:
        policylens tag 2024-21#1 2024-8#5
        policylens tag --theme green-finance
        policylens tag --theme 低空经济
      """)

  @Argument(help: ArgumentHelp("Article ids (default: all articles).", valueName: "id"))
  var ids: [String] = []

  @Option(
    help: ArgumentHelp("Only articles carrying this theme, by key or name (see policylens themes).", valueName: "theme")
  )
  var theme: String?

  @Flag(help: "Also list articles that carry no theme.")
  var includeUntagged = false

  @OptionGroup var modelOptions: ModelOptions
  @OptionGroup var themeOptions: ThemeOptions
  @OptionGroup var output: OutputOptions

  func run() async throws {
    let terminal = Terminal.current
    let model = try PolicyModel.load(from: URL(fileURLWithPath: modelOptions.model))
    let catalog = try themeOptions.catalog(for: model)
    let theme = try self.theme.map { try NameLookup.themeKey($0, in: catalog) }
    let rows = try ids.map { try ArticleLookup.row(of: $0, in: model.articles, model: modelOptions.model) }
    let tagged = model.themes(from: catalog).articles
    var selected = rows.isEmpty ? tagged : rows.map { tagged[$0] }
    if let theme { selected = selected.filter { $0.themes.contains { $0.key == theme } } }
    if rows.isEmpty && !includeUntagged && theme == nil { selected = selected.filter { !$0.themes.isEmpty } }
    if output.json {
      struct Payload: Encodable { var articles: [ArticleThemes] }
      terminal.line(try renderJSON(Payload(articles: selected)))
      return
    }
    var table = TextTable([
      .init(header: "id"), .init(header: "region"), .init(header: "title", maximumWidth: 40, minimumWidth: 14),
      .init(header: "themes (score)", maximumWidth: 70, minimumWidth: 16),
    ])
    for article in selected {
      let themes = article.themes.map { "\($0.name) \(String(format: "%.1f", $0.score))" }.joined(separator: ", ")
      table.append([article.id, article.region, article.title, themes.isEmpty ? "—" : themes])
    }
    terminal.line(table.render(width: terminal.width))
    terminal.line("\(formatCount(selected.count)) articles")
  }
}
