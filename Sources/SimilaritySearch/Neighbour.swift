/// One search result: a document's row index and its cosine similarity to the query.
public struct Neighbour: Sendable, Hashable, Codable {
  /// The document's row in the matrix the index was built from.
  public var index: Int
  /// Cosine similarity to the query, in [−1, 1]; 0 when either vector has zero norm.
  public var score: Double

  /// A result for document `index` with similarity `score`.
  public init(index: Int, score: Double) {
    self.index = index
    self.score = score
  }

  /// Whether `self` ranks before `other`: higher score first, then lower index.
  ///
  /// This is the one order every result list in this module uses, so equal scores
  /// always come back in the same (ascending index) order.
  @inlinable
  public func ranks(before other: Neighbour) -> Bool {
    score > other.score || (score == other.score && index < other.index)
  }
}
