import ArgumentParser
import Foundation
import Ingest
import PolicyLensKit
import ThemeTagging

/// `policylens tag`: the themes of articles.
struct TagCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tag",
    abstract: "Tag articles with themes (低空经济, 绿色金融 …) and their scores.",
    discussion: """
      An article carries a theme when the theme's phrases (its seed terms and name, matched \
      in the text, so 人工智能 is found inside 生成式人工智能) occur in it and the evidence \
      — where they occur (title, lead, body), how densely, how many different ones, the \
      description's distinctive terms, and the latent similarity — makes the theme more \
      likely than the threshold (P ≥ 0.4). The probability has a fixed meaning, so a tag \
      does not move when unrelated articles are added. --explain shows the evidence per \
      theme. A model keeps the themes it was fitted with (themes.yaml in the model folder); \
      --themes-file tags with other definitions.

      Examples:
        policylens tag 2024-21#1 2024-8#5
        policylens tag --theme green-finance
        policylens tag --explain 2024-21#1
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

  @Option(
    help: ArgumentHelp(
      "Show, for one article, every theme's probability and evidence: counts and where they were found.",
      valueName: "id"))
  var explain: String?

  @OptionGroup var modelOptions: ModelOptions
  @OptionGroup var themeOptions: ThemeOptions
  @OptionGroup var output: OutputOptions

  func run() async throws {
    let terminal = Terminal.current
    let directory = URL(fileURLWithPath: modelOptions.model)
    // `--explain` shows the body's length, so it reads the text, and one article's latent vector;
    // tagging reads stored evidence, the mapped unit latent rows and its themes' rows of the
    // mapped term loadings, and the TF-IDF rows and coordinates only for themes with examples
    // (`readTextIfNeeded`).
    var model = try PolicyModel.load(
      from: directory, articleText: explain != nil, termWeights: false, documentCoordinates: explain != nil,
      termLoadings: false)
    let catalog = try themeOptions.catalog(for: model)
    try themeOptions.readTextIfNeeded(&model, toTagWith: catalog, directory: directory, quiet: output.quiet)
    let theme = try self.theme.map { try NameLookup.themeKey($0, in: catalog) }
    if let explain {
      let row = try ArticleLookup.row(of: explain, in: model.articles, model: modelOptions.model)
      return try renderExplanation(model.themeExplanations(ofArticle: row, catalog: catalog), of: model.articles[row])
    }
    let rows = try ids.map { try ArticleLookup.row(of: $0, in: model.articles, model: modelOptions.model) }
    let tagging = try model.themes(from: catalog)
    for theme in tagging.counts where theme.articlesWithSeedTerms == 0 && !output.quiet {
      terminal.note(
        "warning: no article mentions theme \(theme.key): check its seeds (\(theme.unmatchedSeedTerms.joined(separator: " ")))"
      )
    }
    let tagged = tagging.articles
    var selected = rows.isEmpty ? tagged : rows.map { tagged[$0] }
    if let theme { selected = selected.filter { $0.themes.contains { $0.key == theme } } }
    if rows.isEmpty && !includeUntagged && theme == nil { selected = selected.filter { !$0.themes.isEmpty } }
    if output.json {
      terminal.line(try renderJSON(TagDocument(articles: selected)))
      return
    }
    var table = TextTable([
      .init(header: "id"), .init(header: "region"), .init(header: "title", maximumWidth: 40, minimumWidth: 14),
      .init(header: "themes (probability)", maximumWidth: 70, minimumWidth: 16),
    ])
    for article in selected {
      let themes = article.themes.map { "\($0.name) \(formatDecimal($0.score, places: 2))" }.joined(separator: ", ")
      table.append([article.id, article.region, article.title, themes.isEmpty ? "—" : themes])
    }
    terminal.line(table.render(width: terminal.width))
    terminal.line("\(formatCount(selected.count)) articles")
  }

  /// `--explain`: the themes an article carries, then those that came close, with evidence.
  private func renderExplanation(_ explanations: [ThemeExplanation], of article: Article) throws {
    let terminal = Terminal.current
    if output.json {
      terminal.line(
        try renderJSON(
          TagExplanationDocument(
            id: article.id, title: article.title, threshold: ThemeTaggerOptions().threshold, themes: explanations)))
      return
    }
    terminal.line("\(article.id)  \(article.title)\n")
    var table = TextTable([
      .init(header: "theme", maximumWidth: 20, minimumWidth: 8), .init(header: "P", alignsRight: true),
      .init(header: "tag"),
      .init(header: "title", alignsRight: true), .init(header: "lead", alignsRight: true),
      .init(header: "body", alignsRight: true), .init(header: "per 1k", alignsRight: true),
      .init(header: "desc", alignsRight: true), .init(header: "latent", alignsRight: true),
      .init(header: "phrases found (count)", maximumWidth: 40, minimumWidth: 10),
    ])
    let shown = explanations.filter { $0.isTagged || $0.probability >= 0.05 || $0.evidence.hasPhrase }
    for item in shown {
      let evidence = item.evidence
      let density = Double(evidence.bodyCount) * 1_000 / Double(max(1, evidence.bodyLength))
      table.append([
        item.name, String(format: "%.2f", item.probability),
        item.isTagged ? "yes" : (evidence.hasPhrase ? "close" : "—"),
        "\(evidence.titleCount)", "\(evidence.leadCount)", "\(evidence.bodyCount)", String(format: "%.1f", density),
        "\(evidence.descriptionCount)", String(format: "%.2f", evidence.latentSimilarity),
        evidence.matchedPhrases.prefix(6).map { "\($0.phrase) \($0.count)" }.joined(separator: ", "),
      ])
    }
    terminal.line(table.render(width: terminal.width))
    let learned = shown.compactMap { item in item.evidence.examples.map { (item.name, $0) } }
    if !learned.isEmpty {
      // Closeness is measured above the corpus's mean cosine (see ThemeExamples).
      let signed = { (value: Double) in String(format: "%+.2f", value) }
      terminal.line(
        "Themes with examples (tagged when P ≥ \(ThemeTaggerOptions().exampleThreshold)), closeness above the corpus mean:"
      )
      for (name, closeness) in learned {
        switch closeness.label {
        case true?: terminal.line("  \(name): marked as an example")
        case false?: terminal.line("  \(name): marked as a counter-example")
        case nil where !closeness.extendsEvidence:
          terminal.line(
            "  \(name): its phrases already find every example, so the examples label themselves only"
              + " (P is the evidence's, tagged when P ≥ \(ThemeTaggerOptions().threshold))")
        case nil:
          // Without counter-examples the feature is exactly 0 (ExampleSimilarity.counterLatent).
          let counters = closeness.counterLatent == 0 ? "none" : signed(closeness.counterLatent)
          let other = closeness.otherTheme.map { key in
            "\(explanations.first { $0.key == key }?.name ?? key) \(signed(closeness.otherLatent))"
          }
          terminal.line(
            "  \(name): its examples \(signed(closeness.latent)) (words \(signed(closeness.lexical)))"
              + " · counter-examples \(counters) · nearest other theme's examples \(other ?? "none")")
        }
      }
    }
    let untouched = explanations.count - shown.count
    terminal.line(
      "A theme is given when P ≥ \(ThemeTaggerOptions().threshold) and one of its phrases occurs; "
        + "\(untouched) theme\(untouched == 1 ? "" : "s") with no phrase and P < 0.05 not shown.")
  }
}
