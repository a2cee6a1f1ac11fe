import FileIntegrity
import Ingest
import PolicyLensKit

/// Finds an article by id, or explains which ids or titles come closest.
enum ArticleLookup {
  /// The row of the article `id` among `articles`.
  static func row(of id: String, in articles: [Article], model: String) throws -> Int {
    try row(of: id, among: articles.map(\.id), titles: articles.map(\.title), model: model)
  }

  /// The row of `id` among `ids` (with their `titles`, for suggestions).
  static func row(of id: String, among ids: [String], titles: [String], model: String) throws -> Int {
    if let row = ids.firstIndex(of: id) { return row }
    let suggestions = ArticleSuggestions.rows(closestTo: id, ids: ids, titles: titles)
    var message = "No article with id \(id) in \(model)."
    if suggestions.isEmpty {
      message += " List the ids with: policylens articles --model \(ShellQuoting.quote(model))"
    } else {
      message += " Did you mean:\n" + suggestions.map { "  \(ids[$0])  \(titles[$0])" }.joined(separator: "\n")
    }
    // A missing article is missing input, like a missing file (sysexits EX_NOINPUT).
    throw CommandError(description: message, exitCode: ExitStatus.noInput)
  }

  /// Levenshtein distance over characters (``EditDistance``).
  static func editDistance(_ a: String, _ b: String) -> Int { EditDistance.between(a, b) }
}
