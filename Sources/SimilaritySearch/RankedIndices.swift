/// The indices of `scores` from best to worst (``Neighbour/ranks(before:)``: higher score
/// first, then lower index), produced lazily.
///
/// A filtered search (other regions only, one per region, a date range) usually finds its
/// results among the first few hundred candidates, so sorting all of a large model's scores
/// would be wasted: the first `batch` come from a bounded heap in O(n log batch), and only a
/// search that gets past them pays for sorting the rest, O(n log n).
public struct RankedIndices: Sequence, Sendable {
  let scores: [Double]
  let batch: Int

  /// - Parameters:
  ///   - scores: One score per index.
  ///   - batch: How many of the best indices to select before falling back to a full sort.
  public init(_ scores: [Double], batch: Int = 512) {
    self.scores = scores
    self.batch = Swift.max(1, batch)
  }

  public func makeIterator() -> Iterator { Iterator(scores: scores, batch: batch) }

  public struct Iterator: IteratorProtocol {
    private let scores: [Double]
    private var order: [Int]
    private var position = 0
    private var sortedRest = false

    init(scores: [Double], batch: Int) {
      self.scores = scores
      var top = TopK(capacity: Swift.min(batch, scores.count))
      for (index, score) in scores.enumerated() { top.offer(index: index, score: score) }
      order = top.sorted().map { (neighbour: Neighbour) in neighbour.index }
      sortedRest = order.count == scores.count
    }

    public mutating func next() -> Int? {
      if position == order.count && !sortedRest {
        sortedRest = true
        var taken = [Bool](repeating: false, count: scores.count)
        for index in order { taken[index] = true }
        let scores = self.scores
        let rest = scores.indices.filter { !taken[$0] }.sorted {
          Neighbour(index: $0, score: scores[$0]).ranks(before: Neighbour(index: $1, score: scores[$1]))
        }
        order += rest
      }
      guard position < order.count else { return nil }
      defer { position += 1 }
      return order[position]
    }
  }
}
