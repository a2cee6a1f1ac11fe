import ArgumentParser
import Foundation
import Ingest
import PolicyLensKit

/// `policylens show`: everything about one article, to read it and cite it.
struct ShowCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Show one article: where and when, source and links, themes, cluster, text and similar policies.",
    discussion: """
      Prints the article's metadata (publication, issue, date, its place and the places its \
      text names, section, source, URLs, the file with its format and pages), its themes with \
      the seed terms found, its topic cluster, the text (as written: traditional characters \
      stay traditional) wrapped to the terminal (paragraphs kept), and the most similar \
      articles from other places.

      Example:
        policylens show 2024-21#1
      """)

  @Argument(help: ArgumentHelp("The article's id (see policylens articles).", valueName: "id"))
  var id: String

  @Option(
    name: [.customShort("n"), .customLong("similar")],
    help: ArgumentHelp("Number of similar articles from other places (0 for none).", valueName: "n"))
  var similarCount = 3

  @Flag(help: "Leave out the text.")
  var noBody = false

  @OptionGroup var modelOptions: ModelOptions
  @OptionGroup var themeOptions: ThemeOptions
  @OptionGroup var seedOptions: SeedOptions
  @OptionGroup var output: OutputOptions

  /// Above this many articles the cluster is left out: clustering the whole model is no longer cheap.
  static let clusteringArticleLimit = 5_000

  func validate() throws {
    if similarCount < 0 || similarCount > 100 {
      throw ValidationError("--similar must be between 0 and 100; got \(similarCount).")
    }
  }

  func run() async throws {
    let terminal = Terminal.current
    // The model without its text: the article's own line is read alone, its themes come from the
    // stored evidence (or its text) and its mapped unit latent row, similar articles from the
    // mapped index. The TF-IDF rows and coordinates are read for themes with examples and for the
    // cluster (small models only).
    var model = try PolicyModel.load(
      from: modelOptions.url, articleText: false, termWeights: false, documentCoordinates: false)
    let row =
      try model.row(ofArticle: id) ?? ArticleLookup.row(of: id, in: model.articles, model: modelOptions.model)
    guard let article = try model.fullArticles(atRows: [row], from: modelOptions.url).first else { return }
    let catalog = try themeOptions.catalog(for: model)
    if model.articles.count <= Self.clusteringArticleLimit {
      try model.loadTermWeights(from: modelOptions.url)
      try model.loadDocumentCoordinates(from: modelOptions.url)
    } else {
      try model.loadExampleDataIfNeeded(toTagWith: catalog, from: modelOptions.url)
    }
    let themes = try model.articleThemes(ofRow: row, catalog: catalog, article: article).themes
    var cluster: ClusterSummary?
    if model.articles.count <= Self.clusteringArticleLimit {
      let result = try model.clusters(ClusterRequest(seed: seedOptions.seed))
      if let label = result.labels[row] {
        let found = result.clusters[label - 1]
        cluster = ClusterSummary(number: found.number, terms: found.terms, articleCount: found.articles.count)
      }
    }
    let similar =
      similarCount == 0
      ? []
      : try QueryModel(directory: modelOptions.url, withTextAnalysis: false).similar(
        toArticle: row, request: SimilarityRequest(count: similarCount, excludesOwnRegion: true))
    let detail = ArticleDetail(
      article: article,
      places: Gazetteer.places(in: article.analysisText).map { Place(region: $0.region, city: $0.city) },
      themes: themes, cluster: cluster, similar: similar)
    if output.json {
      terminal.line(try renderJSON(detail))
    } else {
      terminal.line(render(detail, width: terminal.width).joined(separator: "\n"))
    }
  }

  /// The text view: a header, labelled fields, the body and the similar articles.
  func render(_ detail: ArticleDetail, width: Int?) -> [String] {
    let article = detail.article
    var lines = ["\(article.id)  \(article.title)"]
    lines.append(
      [article.publication, article.issue, article.date ?? "undated", article.section].joined(separator: " · "))
    lines.append("")
    func field(_ label: String, _ value: String) {
      let lead = DisplayWidth.pad(label, to: 9) + "  "
      let wrapped =
        width.map { TextWrapping.lines(of: value, width: $0 - DisplayWidth.of(lead), keepsWordsWhole: true) } ?? [value]
      for (index, text) in wrapped.enumerated() {
        lines.append((index == 0 ? lead : String(repeating: " ", count: DisplayWidth.of(lead))) + text)
      }
    }
    field(
      "place", detail.primaryPlace.map { $0 + (article.city != nil ? " (\(article.region))" : "") } ?? article.region)
    if !detail.places.isEmpty {
      field("mentions", detail.places.map { $0.city.map { "\($0)" } ?? $0.region }.joined(separator: ", "))
    }
    if let source = article.source {
      field("source", source + (article.sourceDate.map { ", \($0)" } ?? ""))
    }
    for url in article.urls { field("link", url) }
    if let format = article.format {
      let pages = article.pages.map { ", \($0.label)" } ?? ""
      field(
        "file",
        "\(article.file) (\(format.displayName)\(pages)), lines \(article.lines.first)–\(article.lines.last) of its text"
      )
    } else {
      field("file", "\(article.file), lines \(article.lines.first)–\(article.lines.last)")
    }
    if let simplified = article.simplified {
      field("script", "traditional; analysed as simplified: \(simplified.title)")
    }
    if let cluster = detail.cluster {
      field("cluster", "[\(cluster.number)] \(cluster.terms.joined(separator: " ")) (\(cluster.articleCount) articles)")
    }
    if detail.themes.isEmpty {
      field("themes", "—")
    } else {
      for (index, theme) in detail.themes.enumerated() {
        field(
          index == 0 ? "themes" : "",
          "\(theme.name) (\(theme.key)) \(String(format: "%.1f", theme.score)); \(theme.evidence.joined(separator: " "))"
        )
      }
    }
    if !noBody {
      for paragraph in article.body {
        lines.append("")
        lines += width.map { TextWrapping.lines(of: paragraph, width: $0) } ?? [paragraph]
      }
    }
    if !detail.similar.isEmpty {
      lines += ["", "Similar in other places:"]
      var table = TextTable([
        .init(header: "score", alignsRight: true), .init(header: "id"), .init(header: "place"),
        .init(header: "date"), .init(header: "title", maximumWidth: 60, minimumWidth: 14),
      ])
      for match in detail.similar {
        table.append([
          String(format: "%.3f", match.score), match.id, match.region + (match.city.map { "·" + $0 } ?? ""),
          match.date ?? "", match.title,
        ])
      }
      lines.append(table.render(width: width))
    }
    return lines
  }

  /// A place named in the text.
  struct Place: Encodable {
    var region: String
    var city: String?

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(region, forKey: .region)
      try container.encode(city, forKey: .city)
    }
    private enum CodingKeys: String, CodingKey { case region, city }
  }

  /// The article's topic cluster (as `policylens clusters` numbers it).
  struct ClusterSummary: Encodable {
    var number: Int
    var terms: [String]
    var articleCount: Int
  }

  /// Everything `show` prints; `--json` encodes every key, absent values as `null`.
  struct ArticleDetail: Encodable {
    var article: Article
    var places: [Place]
    var themes: [ArticleThemes.Theme]
    var cluster: ClusterSummary?
    var similar: [SimilarityMatch]

    /// The article's own place: its city, else its region (区域, 全国 or 国际 for a roundup).
    var primaryPlace: String? { article.city ?? article.region }

    private enum CodingKeys: String, CodingKey {
      case id, title, publication, issue, date, region, city, primaryPlace, places, section, source
      case sourceDate = "source_date"
      case urls, file, format, pages, lines, body, simplified, themes, cluster, similar
    }

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(article.id, forKey: .id)
      try container.encode(article.title, forKey: .title)
      try container.encode(article.publication, forKey: .publication)
      try container.encode(article.issue, forKey: .issue)
      try container.encode(article.date, forKey: .date)
      try container.encode(article.region, forKey: .region)
      try container.encode(article.city, forKey: .city)
      try container.encode(primaryPlace, forKey: .primaryPlace)
      try container.encode(places, forKey: .places)
      try container.encode(article.section, forKey: .section)
      try container.encode(article.source, forKey: .source)
      try container.encode(article.sourceDate, forKey: .sourceDate)
      try container.encode(article.urls, forKey: .urls)
      try container.encode(article.file, forKey: .file)
      try container.encode(article.format ?? .text, forKey: .format)
      try container.encode(article.pages, forKey: .pages)
      try container.encode(article.lines, forKey: .lines)
      try container.encode(article.simplified, forKey: .simplified)
      try container.encode(article.body, forKey: .body)
      try container.encode(themes, forKey: .themes)
      try container.encode(cluster, forKey: .cluster)
      try container.encode(similar, forKey: .similar)
    }
  }
}
