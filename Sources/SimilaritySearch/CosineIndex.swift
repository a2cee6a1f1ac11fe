import LinearAlgebra

/// A brute-force cosine-similarity index over document vectors.
///
/// Built from a *documents × dimensions* matrix of vectors in any scaling (for example rows
/// of *U*Σ from latent semantic analysis, or of *U* alone). Each row is divided by its L2 norm
/// once, so a query costs one pass over the matrix:
///
///     score(q, d) = (q · d) / (‖q‖ ‖d‖)
///
/// A row whose norm is zero, or not finite, is stored as the zero vector: its score against
/// every query, itself included, is 0. Scores are clamped to [−1, 1] to absorb rounding.
///
/// Results are ordered by score descending and, for equal scores, by index ascending, so the
/// output is deterministic. This is the exact search gensim's `MatrixSimilarity` performs.
///
/// - Complexity: Building is O(*n*·*k*) for *n* documents of dimension *k*; a query is
///   O(*n*·*k* + *n* log *count*) time and O(*n*) scratch memory.
public struct CosineIndex: Sendable {
  /// Number of indexed documents.
  public let documentCount: Int
  /// Length of each document vector.
  public let dimension: Int
  /// The L2 norm of each input row before normalization (0 for zero or non-finite rows).
  public let norms: [Double]
  /// Unit rows, column-major *documentCount × dimension*, so a query is a sequence of
  /// contiguous `axpy` updates over columns (the access pattern of BLAS `dgemv` with "N").
  let unitColumns: [Double]

  /// Indexes the rows of `documentVectors`.
  ///
  /// - Parameter documentVectors: *documents × dimensions*; any row scaling.
  /// - Complexity: O(*n*·*k*).
  public init(documentVectors: Matrix) {
    let n = documentVectors.rowCount
    let k = documentVectors.columnCount
    documentCount = n
    dimension = k
    var squares = [Double](repeating: 0, count: n)
    let elements = documentVectors.elements
    for j in 0..<k {
      let base = j * n
      for i in 0..<n { squares[i] += elements[base + i] * elements[base + i] }
    }
    let norms = squares.map { value -> Double in
      let norm = value.squareRoot()
      return norm.isFinite && norm > 0 ? norm : 0
    }
    let inverse = norms.map { $0 > 0 ? 1 / $0 : 0 }
    var unit = elements
    for j in 0..<k {
      let base = j * n
      for i in 0..<n { unit[base + i] = inverse[i] == 0 ? 0 : elements[base + i] * inverse[i] }
    }
    self.norms = norms
    self.unitColumns = unit
  }

  /// The unit-length row `index` (all zeros for a zero-norm document).
  public func unitVector(_ index: Int) -> [Double] {
    precondition(
      index >= 0 && index < documentCount,
      "document index \(index) out of range 0..<\(documentCount)")
    return (0..<dimension).map { unitColumns[index + $0 * documentCount] }
  }

  /// Cosine similarity between documents `first` and `second`.
  ///
  /// Symmetric; 1 (up to rounding) when `first == second` and the row is non-zero; 0 when
  /// either row has zero norm.
  /// - Complexity: O(*k*).
  public func similarity(between first: Int, and second: Int) -> Double {
    precondition(
      first >= 0 && first < documentCount,
      "document index \(first) out of range 0..<\(documentCount)")
    precondition(
      second >= 0 && second < documentCount,
      "document index \(second) out of range 0..<\(documentCount)")
    var dot = 0.0
    for j in 0..<dimension {
      dot += unitColumns[first + j * documentCount] * unitColumns[second + j * documentCount]
    }
    return Self.clamp(dot)
  }

  /// Cosine similarity of `vector` to every indexed document.
  ///
  /// - Parameter vector: A query of length `dimension`, any scaling.
  /// - Returns: `documentCount` scores; all zero when `vector` has zero norm.
  /// - Complexity: O(*n*·*k*).
  public func scores(for vector: [Double]) -> [Double] {
    precondition(
      vector.count == dimension,
      "query has \(vector.count) components; the index has dimension \(dimension)")
    let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
    var scores = [Double](repeating: 0, count: documentCount)
    guard norm > 0, norm.isFinite else { return scores }
    let n = documentCount
    unitColumns.withUnsafeBufferPointer { columns in
      scores.withUnsafeMutableBufferPointer { out in
        for j in 0..<dimension {
          let coefficient = vector[j] / norm
          if coefficient == 0 { continue }
          let column = columns.baseAddress! + j * n
          for i in 0..<n { out[i] += coefficient * column[i] }
        }
      }
    }
    for i in 0..<n { scores[i] = Self.clamp(scores[i]) }
    return scores
  }

  /// The `count` documents most similar to document `row`, excluding `row` itself.
  ///
  /// - Parameters:
  ///   - row: The query document.
  ///   - count: Maximum number of results; fewer come back when fewer documents pass `filter`.
  ///   - filter: Called once per candidate index; only candidates returning `true` are kept.
  /// - Returns: Neighbours ordered by score descending, ties by index ascending.
  /// - Complexity: O(*n*·*k* + *n* log *count*).
  public func nearestNeighbours(
    of row: Int, count: Int, filter: (Int) -> Bool = { _ in true }
  ) -> [Neighbour] {
    nearestNeighbours(of: unitVector(row), count: count) { $0 != row && filter($0) }
  }

  /// The `count` documents most similar to `vector`.
  ///
  /// - Parameters:
  ///   - vector: A query in the same space as the indexed rows (length `dimension`).
  ///   - count: Maximum number of results (non-negative).
  ///   - filter: Called once per candidate index; only candidates returning `true` are kept.
  /// - Returns: Neighbours ordered by score descending, ties by index ascending. A zero query
  ///   scores 0 against everything, so the result is then the first `count` admitted indices.
  /// - Complexity: O(*n*·*k* + *n* log *count*).
  public func nearestNeighbours(
    of vector: [Double], count: Int, filter: (Int) -> Bool = { _ in true }
  ) -> [Neighbour] {
    precondition(count >= 0, "count must be non-negative")
    let scores = scores(for: vector)
    var top = TopK(capacity: min(count, documentCount))
    for i in 0..<documentCount where filter(i) { top.offer(index: i, score: scores[i]) }
    return top.sorted()
  }

  @inline(__always)
  static func clamp(_ value: Double) -> Double { min(1, max(-1, value)) }
}
