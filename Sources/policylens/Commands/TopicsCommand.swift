import ArgumentParser
import Foundation
import PolicyLensKit

/// `policylens topics`: each latent dimension with its strength, terms and articles.
struct TopicsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "topics",
    abstract: "Show the latent topics: singular value, share of variance, top terms and articles.",
    discussion: """
      A topic is an LSA dimension. Its positive terms and negative terms are the two ends \
      of one axis; its representative articles have the largest coordinates along it.

      Example:
        policylens topics -n 8 --limit 5
      """)

  @OptionGroup var modelOptions: ModelOptions

  @Option(
    name: [.customShort("n"), .customLong("terms")],
    help: ArgumentHelp("Terms shown at each end of a topic.", valueName: "n"))
  var termCount = 8

  @Option(help: ArgumentHelp("Representative articles shown per topic.", valueName: "n"))
  var articles = 3

  @Option(help: ArgumentHelp("Show only the first n topics.", valueName: "n"))
  var limit: Int?

  @OptionGroup var output: OutputOptions

  func validate() throws {
    if termCount < 1 { throw ValidationError("-n must be at least 1; got \(termCount).") }
    if articles < 0 { throw ValidationError("--articles must be at least 0; got \(articles).") }
    if let limit, limit < 1 { throw ValidationError("--limit must be at least 1; got \(limit).") }
  }

  func run() async throws {
    let terminal = Terminal.current
    let model = try PolicyModel.load(from: URL(fileURLWithPath: modelOptions.model), articleText: false)
    var topics = TopicSummary.topics(of: model, termCount: termCount, articleCount: articles)
    if let limit { topics = Array(topics.prefix(limit)) }
    if output.json {
      struct Payload: Encodable { var model: String; var topics: [TopicSummary] }
      terminal.line(try renderJSON(Payload(model: modelOptions.model, topics: topics)))
      return
    }
    for topic in topics {
      terminal.line(
        "topic \(topic.index)  σ \(String(format: "%.3f", topic.singularValue))  "
          + String(format: "%.1f%%", topic.varianceShare * 100) + " of variance")
      terminal.line("  + " + topic.positiveTerms.map(\.term).joined(separator: " "))
      terminal.line(
        topic.negativeTerms.isEmpty
          ? "  − (none: every term loads positively, as on a first topic)"
          : "  − " + topic.negativeTerms.map(\.term).joined(separator: " "))
      for article in topic.articles {
        terminal.line(
          "    \(DisplayWidth.pad(article.id, to: 18)) \(DisplayWidth.pad(article.region, to: 6)) \(DisplayWidth.truncate(article.title, to: 60))"
        )
      }
      terminal.line()
    }
  }
}
