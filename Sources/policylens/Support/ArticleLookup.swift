import FileIntegrity
import Ingest

/// Finds an article by id, or explains which ids or titles come closest.
enum ArticleLookup {
  /// The row of the article `id` among `articles`.
  static func row(of id: String, in articles: [Article], model: String) throws -> Int {
    try row(of: id, among: articles.map(\.id), titles: articles.map(\.title), model: model)
  }

  /// The row of `id` among `ids` (with their `titles`, for suggestions).
  static func row(of id: String, among ids: [String], titles: [String], model: String) throws -> Int {
    if let row = ids.firstIndex(of: id) { return row }
    let byID = ids.indices.map { ($0, editDistance(ids[$0], id)) }.sorted { $0.1 < $1.1 }.prefix(3)
      .filter { $0.1 <= max(2, id.count / 3) }.map(\.0)
    let byTitle = ids.indices.filter { titles[$0].contains(id) }.prefix(3)
    var suggestions: [Int] = []
    for row in Array(byTitle) + byID where !suggestions.contains(row) && suggestions.count < 5 {
      suggestions.append(row)
    }
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
