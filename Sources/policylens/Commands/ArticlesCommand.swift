import FileIntegrity
import ArgumentParser
import Foundation
import Ingest
import PolicyLensKit

/// `policylens articles`: the articles as a readable table or JSON.
struct ArticlesCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "articles",
    abstract: "List articles with their id, region, issue, date and size.",
    discussion: """
      Reads newsletter files (default: seeds), or a fitted model's articles with --model \
      (including articles added later with policylens add).

      Example:
        policylens articles --region 广东
      """)

  @Argument(
    help: ArgumentHelp("Newsletter files or folders (default: seeds).", valueName: "path"),
    completion: .file())
  var paths: [String] = []

  @Option(
    help: ArgumentHelp("List a fitted model's articles instead of reading files.", valueName: "dir"),
    completion: .directory)
  var model: String?

  @Option(
    help: ArgumentHelp(
      "Only articles of this region or city, as written (江苏, 江苏省, Jiangsu, 苏州市, Shenzhen).",
      valueName: "place"))
  var region: String?

  @Option(
    help: ArgumentHelp(
      "Only articles of issues whose label contains this text (2024年第21期, 第21期, 2023).", valueName: "issue"))
  var issue: String?

  @Option(help: ArgumentHelp("Show at most this many articles.", valueName: "n"))
  var limit: Int?

  @OptionGroup var output: OutputOptions

  func validate() throws {
    if let limit, limit < 1 { throw ValidationError("--limit must be at least 1; got \(limit).") }
    if model != nil && !paths.isEmpty {
      throw ValidationError("Give either newsletter paths or --model, not both.")
    }
  }

  struct Row: Encodable {
    var id, file, publication, issue: String
    var date: String?
    var region: String
    var city: String?
    var section, title: String
    var source: String?
    var sourceDate: String?
    var characters: Int
    enum CodingKeys: String, CodingKey {
      case id, file, publication, issue, date, region, city, section, title, source, characters
      case sourceDate = "source_date"
    }
  }

  func run() async throws {
    let terminal = Terminal.current
    let articles: [Article]
    if let model {
      articles = try PolicyModel.loadArticles(from: URL(fileURLWithPath: model))
    } else {
      let loaded = try await CorpusLoader.load(paths: paths.isEmpty ? ["seeds"] : paths)
      for warning in loaded.warnings { terminal.note("warning: \(warning.description)") }
      articles = loaded.articles
    }
    let place = try region.map { try NameLookup.place($0) }
    var selected = articles.filter { article in
      (place.map { article.region == $0 || article.city == $0 } ?? true)
        && (issue.map { article.issue.contains($0) } ?? true)
    }
    let total = selected.count
    if let limit { selected = Array(selected.prefix(limit)) }
    let rows = selected.map { article in
      Row(
        id: article.id, file: article.file, publication: article.publication, issue: article.issue,
        date: article.date, region: article.region, city: article.city, section: article.section,
        title: article.title, source: article.source, sourceDate: article.sourceDate,
        characters: article.body.reduce(0) { $0 + $1.count })
    }
    if output.json {
      struct Payload: Encodable { var articles: [Row]; var total: Int }
      terminal.line(try renderJSON(Payload(articles: rows, total: total)))
      return
    }
    var table = TextTable([
      .init(header: "id"), .init(header: "place"), .init(header: "issue", maximumWidth: 24, minimumWidth: 10),
      .init(header: "date"), .init(header: "chars", alignsRight: true),
      .init(header: "title", maximumWidth: 60, minimumWidth: 14),
    ])
    for row in rows {
      table.append([
        row.id, row.region + (row.city.map { "·" + $0 } ?? ""), row.issue, row.date ?? "",
        formatCount(row.characters), row.title,
      ])
    }
    if let place, total == 0 {
      let source = model.map { "the model \(ShellQuoting.quote($0))" } ?? "these newsletters"
      terminal.line("No articles of \(place) in \(source)\(issue.map { " for issue \($0)" } ?? "").")
      return
    }
    terminal.line(table.render(width: terminal.width))
    if rows.count < total {
      terminal.line("… \(formatCount(total - rows.count)) more (of \(formatCount(total))); raise --limit to see them.")
    } else {
      terminal.line("\(formatCount(total)) articles")
    }
  }
}
