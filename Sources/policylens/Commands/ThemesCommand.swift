import ArgumentParser
import Foundation
import PolicyLensKit

/// `policylens themes`: the themes and how many articles carry each.
struct ThemesCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "themes",
    abstract: "List the themes with how many articles carry each.",
    discussion: """
      A theme may list examples and counter-examples (article ids or exact titles) in the \
      themes file; the tagger then learns from them. --suggest KEY lists the articles the \
      tagger is least sure about for a theme: mark them under `examples:` or \
      `counter-examples:` and rerun.

      Examples:
        policylens themes --themes-file models/themes.yaml
        policylens themes --suggest low-altitude-economy
      """)

  @Option(help: ArgumentHelp("List the articles most worth labelling for this theme (key or name).", valueName: "key"))
  var suggest: String?

  @Option(
    name: [.customShort("n"), .customLong("count")], help: ArgumentHelp("Number of suggestions.", valueName: "n"))
  var count = 10

  @OptionGroup var modelOptions: ModelOptions
  @OptionGroup var themeOptions: ThemeOptions
  @OptionGroup var output: OutputOptions

  func run() async throws {
    let terminal = Terminal.current
    let directory = URL(fileURLWithPath: modelOptions.model)
    // The TF-IDF rows and coordinates are read only for themes with examples (`readTextIfNeeded`)
    // and for suggestions (one article at a time).
    var model = try PolicyModel.load(
      from: directory, articleText: false, termWeights: false, documentCoordinates: suggest != nil,
      termLoadings: false)
    let catalog = try themeOptions.catalog(for: model)
    try themeOptions.readTextIfNeeded(&model, toTagWith: catalog, directory: directory, quiet: output.quiet)
    if let suggest {
      let key = try NameLookup.themeKey(suggest, in: catalog, flag: "--suggest")
      guard let theme = catalog.themes.firstIndex(where: { $0.key == key }) else { return }
      let suggestions = try model.themeSuggestions(forTheme: theme, catalog: catalog, count: count)
      if output.json {
        terminal.line(
          try renderJSON(ThemeSuggestionsDocument(theme: catalog.themes[theme].key, suggestions: suggestions)))
        return
      }
      var table = TextTable([
        .init(header: "id"), .init(header: "P", alignsRight: true), .init(header: "now"),
        .init(header: "title", maximumWidth: 40, minimumWidth: 14),
        .init(header: "phrases found", maximumWidth: 30, minimumWidth: 10),
      ])
      for item in suggestions {
        table.append([
          item.id, String(format: "%.2f", item.probability), item.isTagged ? "tagged" : "—", item.title,
          item.evidence.prefix(4).joined(separator: " "),
        ])
      }
      terminal.line(table.render(width: terminal.width))
      terminal.line(
        "Mark the ones you are sure of under `examples:` or `counter-examples:` of \(catalog.themes[theme].key) "
          + "in the themes file, then rerun policylens tag.")
      return
    }
    let counts = try model.themes(from: catalog).counts
    if output.json {
      terminal.line(try renderJSON(ThemesDocument(themes: counts)))
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
    for theme in counts where theme.articlesWithSeedTerms == 0 {
      terminal.note(
        "warning: no article mentions theme \(theme.key): check its seeds (\(theme.unmatchedSeedTerms.joined(separator: " ")))"
      )
    }
    if output.verbose {
      for theme in counts where !theme.unmatchedSeedTerms.isEmpty && theme.articlesWithSeedTerms > 0 {
        terminal.note("\(theme.key): seeds found in no article: \(theme.unmatchedSeedTerms.joined(separator: " "))")
      }
    }
  }
}
