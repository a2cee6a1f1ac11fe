/// Rules that turn a plain nearest-neighbour list into a varied one, for questions such as
/// "what did other cities do about this?".
///
/// Two rules, applied in this order:
/// 1. **Near-duplicates of the query are dropped**: a candidate whose score is at least
///    `duplicateThreshold` (default 0.95), or that the caller marks as a duplicate (for
///    example because it has the same title, i.e. the same item reprinted in another issue).
/// 2. **At most one result per group** (optional): among candidates with the same group key
///    (for example the region in an article's `【区域】` marker) only the best-ranked survives.
///    Candidates whose key is `nil` are not grouped and compete on their own.
///
/// The threshold 0.95 is high on purpose: in a 100-dimensional latent space two different
/// articles on the same policy usually score 0.6–0.9, while a reprint scores above 0.98.
public struct Diversification: Sendable, Hashable, Codable {
  /// Candidates scoring at or above this cosine are treated as copies of the query.
  public var duplicateThreshold: Double

  /// Rules with the given duplicate threshold (default 0.95; use a value above 1 to keep all).
  public init(duplicateThreshold: Double = 0.95) {
    self.duplicateThreshold = duplicateThreshold
  }

  /// Applies both rules to an already ranked list.
  ///
  /// - Parameters:
  ///   - neighbours: Results ordered best first (as ``CosineIndex`` returns them).
  ///   - isDuplicate: Marks extra duplicates of the query, e.g. same normalised title.
  ///   - groupKey: The group of a document, or `nil` for "not grouped".
  /// - Returns: The surviving results, in their original order.
  /// - Complexity: O(*m*) for *m* input results (plus the closures' cost).
  public func apply<Key: Hashable>(
    to neighbours: [Neighbour], isDuplicate: (Int) -> Bool = { _ in false },
    groupKey: (Int) -> Key?
  ) -> [Neighbour] {
    var seen = Set<Key>()
    return neighbours.filter { admits($0, isDuplicate: isDuplicate, groupKey: groupKey, seen: &seen) }
  }

  /// Whether `neighbour`, the next candidate of a list walked best first, survives both
  /// rules; `seen` holds the groups already taken and is updated when it does.
  ///
  /// - Complexity: O(1) plus the closures' cost.
  public func admits<Key: Hashable>(
    _ neighbour: Neighbour, isDuplicate: (Int) -> Bool, groupKey: (Int) -> Key?, seen: inout Set<Key>
  ) -> Bool {
    guard neighbour.score < duplicateThreshold, !isDuplicate(neighbour.index) else { return false }
    guard let key = groupKey(neighbour.index) else { return true }
    return seen.insert(key).inserted
  }

  /// Applies the duplicate rule only.
  ///
  /// - Complexity: O(*m*).
  public func apply(to neighbours: [Neighbour], isDuplicate: (Int) -> Bool = { _ in false })
    -> [Neighbour]
  {
    apply(to: neighbours, isDuplicate: isDuplicate, groupKey: { _ -> Int? in nil })
  }
}
