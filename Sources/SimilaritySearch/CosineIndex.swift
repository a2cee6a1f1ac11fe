import LinearAlgebra

/// A brute-force cosine-similarity index over document vectors: the latent half of
/// ``HybridSearch``.
///
/// The index reads unit-length rows (row-major, any ``DenseRowStorage``: an array, or the
/// memory-mapped `latent_unit_rows.npy` of a model), so a query costs one pass over them:
///
///     score(q, d) = (q · d) / (‖q‖ ‖d‖) = (q / ‖q‖) · d̂
///
/// A zero row scores 0 against every query, itself included. Scores are clamped to [−1, 1]
/// to absorb rounding. Results are ordered by score descending and, for equal scores, by
/// index ascending, so the output is deterministic. This is the exact search gensim's
/// `MatrixSimilarity` performs.
///
/// - Complexity: a query is O(*n*·*k* + *n* log *count*) time (the *n*·*k* pass in stretches
///   of rows on every core) and O(*n*) scratch memory for *n* documents of dimension *k*.
public struct CosineIndex<Rows: DenseRowStorage>: Sendable {
  /// The unit rows.
  public let unitRows: Rows

  /// An index over rows that are already unit length (or zero).
  public init(unitRows: Rows) { self.unitRows = unitRows }

  /// Number of indexed documents.
  public var documentCount: Int { unitRows.rowCount }
  /// Length of each document vector.
  public var dimension: Int { unitRows.dimension }

  /// The unit-length row `index` (all zeros for a zero-norm document).
  public func unitVector(_ index: Int) -> [Double] {
    precondition(index >= 0 && index < documentCount, "document index \(index) out of range 0..<\(documentCount)")
    return unitRows.withUnsafeElements { Array($0[(index * dimension)..<((index + 1) * dimension)]) }
  }

  /// Cosine similarity between documents `first` and `second`: symmetric; 1 (up to rounding)
  /// for a non-zero row with itself; 0 when either row is zero.
  ///
  /// - Complexity: O(*k*).
  public func similarity(between first: Int, and second: Int) -> Double {
    precondition(first >= 0 && first < documentCount, "document index \(first) out of range 0..<\(documentCount)")
    precondition(second >= 0 && second < documentCount, "document index \(second) out of range 0..<\(documentCount)")
    return unitRows.withUnsafeElements { rows in
      var dot = 0.0
      for j in 0..<dimension { dot += rows[first * dimension + j] * rows[second * dimension + j] }
      return Self.clamp(dot)
    }
  }

  /// Cosine similarity of `vector` to every indexed document.
  ///
  /// - Parameter vector: A query of length `dimension`, any scaling.
  /// - Returns: `documentCount` scores; all zero when `vector` has zero or non-finite norm.
  /// - Complexity: O(*n*·*k*).
  public func scores(for vector: [Double]) -> [Double] {
    precondition(
      vector.count == dimension, "query has \(vector.count) components; the index has dimension \(dimension)")
    let unit = l2Normalized(vector)
    var scores = [Double](repeating: 0, count: documentCount)
    guard unit.contains(where: { $0 != 0 }) else { return scores }
    let (k, n) = (dimension, documentCount)
    unitRows.withUnsafeElements { rows in
      scores.withUnsafeMutableBufferPointer { scores in
        nonisolated(unsafe) let (rows, scores) = (rows, scores)
        Stretches(splitting: n, work: n * k).concurrentForEach { stretch in
          for i in stretch {
            var dot = 0.0
            let base = i * k
            for j in 0..<k { dot += rows[base + j] * unit[j] }
            scores[i] = Self.clamp(dot)
          }
        }
      }
    }
    return scores
  }

  /// The `count` documents most similar to document `row`, excluding `row` itself.
  ///
  /// - Parameters:
  ///   - row: The query document.
  ///   - count: Maximum number of results; fewer come back when fewer documents pass `filter`.
  ///   - filter: Called once per candidate index; only candidates returning `true` are kept.
  /// - Returns: Neighbours ordered by score descending, ties by index ascending.
  public func nearestNeighbours(of row: Int, count: Int, filter: (Int) -> Bool = { _ in true }) -> [Neighbour] {
    nearestNeighbours(of: unitVector(row), count: count) { $0 != row && filter($0) }
  }

  /// The `count` documents most similar to `vector`, ordered by score descending, ties by index ascending.
  ///
  /// A zero query scores 0 against everything, so the result is then the first `count` admitted
  /// indices.
  public func nearestNeighbours(of vector: [Double], count: Int, filter: (Int) -> Bool = { _ in true }) -> [Neighbour] {
    precondition(count >= 0, "count must be non-negative")
    let scores = scores(for: vector)
    var top = TopK(capacity: min(count, documentCount))
    for i in 0..<documentCount where filter(i) { top.offer(index: i, score: scores[i]) }
    return top.sorted()
  }

  @inline(__always)
  static func clamp(_ value: Double) -> Double { min(1, max(-1, value)) }
}

extension CosineIndex where Rows == InMemoryDenseRows {
  /// Indexes the rows of `documentVectors` (*documents × dimensions*, any row scaling): each
  /// row is divided by its L2 norm once; a zero or non-finite row is stored as zero.
  ///
  /// - Complexity: O(*n*·*k*).
  public init(documentVectors: Matrix) {
    self.init(
      unitRows: InMemoryDenseRows(
        rowCount: documentVectors.rowCount, dimension: documentVectors.columnCount,
        elements: documentVectors.unitRows().transposed().elements))
  }
}
