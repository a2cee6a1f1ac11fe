import Ingest

/// The articles a mistyped id or title most likely meant, for "did you mean" messages: one rule
/// for the CLI's unknown ids, the check set's unknown articles and a theme's unknown examples.
public enum ArticleSuggestions {
  /// Up to `limit` rows: articles whose title contains `value` first (in article order), then
  /// ids within an edit distance of max(2, ⌊length / 3⌋) of it, nearest first.
  ///
  /// - Parameters:
  ///   - value: What the user wrote (an id or part of a title).
  ///   - ids: The articles' ids; `titles` their titles, in the same order.
  ///   - limit: At most this many rows.
  /// - Complexity: O(*n* · *m*²) for *n* articles and ids of *m* characters.
  public static func rows(closestTo value: String, ids: [String], titles: [String], limit: Int = 5) -> [Int] {
    precondition(ids.count == titles.count, "one title per id")
    let byTitle: [Int] = value.isEmpty ? [] : Array(ids.indices.filter { titles[$0].contains(value) }.prefix(3))
    let tolerance = max(2, value.count / 3)
    var near: [(row: Int, distance: Int)] = []
    for row in ids.indices {
      let distance = EditDistance.between(ids[row], value)
      if distance <= tolerance { near.append((row, distance)) }
    }
    near.sort { $0.distance < $1.distance || ($0.distance == $1.distance && $0.row < $1.row) }
    let byID = near.prefix(3).map(\.row)
    var rows: [Int] = []
    for row in byTitle + byID where !rows.contains(row) && rows.count < limit { rows.append(row) }
    return rows
  }

  /// The ids of ``rows(closestTo:ids:titles:limit:)`` for the articles of `articles`.
  public static func ids(closestTo value: String, in articles: [Article], limit: Int = 3) -> [String] {
    rows(closestTo: value, ids: articles.map(\.id), titles: articles.map(\.title), limit: limit).map {
      articles[$0].id
    }
  }
}
