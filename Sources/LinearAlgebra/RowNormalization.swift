/// Scaling vectors and matrix rows to unit L2 length: the one implementation every stage uses.
public enum RowNormalization {
  /// ‖v‖₂, the Euclidean norm.
  public static func norm(_ vector: some Collection<Double>) -> Double {
    vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
  }

  /// `vector / ‖vector‖₂`, or all zeros when the norm is zero or not finite.
  public static func unitVector(_ vector: [Double]) -> [Double] {
    let norm = norm(vector)
    guard norm > 0, norm.isFinite else { return [Double](repeating: 0, count: vector.count) }
    return vector.map { $0 / norm }
  }

  /// The rows of `matrix` scaled to unit length, row-major (*rows × columns*); a zero or
  /// non-finite row stays zero.
  ///
  /// - Complexity: O(*rows* · *columns*).
  public static func unitRowsRowMajor(of matrix: Matrix) -> [Double] {
    let n = matrix.rowCount
    let k = matrix.columnCount
    var squares = [Double](repeating: 0, count: n)
    matrix.elements.withUnsafeBufferPointer { elements in
      for j in 0..<k {
        for i in 0..<n { squares[i] += elements[j * n + i] * elements[j * n + i] }
      }
    }
    var rows = [Double](repeating: 0, count: n * k)
    matrix.elements.withUnsafeBufferPointer { elements in
      for i in 0..<n {
        let norm = squares[i].squareRoot()
        guard norm > 0, norm.isFinite else { continue }
        for j in 0..<k { rows[i * k + j] = elements[j * n + i] / norm }
      }
    }
    return rows
  }
}
