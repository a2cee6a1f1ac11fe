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
    throw CommandError(description: message, exitCode: ExitStatus.usage)
  }

  /// Levenshtein distance over characters.
  static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}
