extension Matrix {
  /// The squared Frobenius norm ‖A‖²_F = Σ aᵢⱼ².
  ///
  /// - Complexity: O(m n).
  public var squaredFrobeniusNorm: Double { elements.reduce(0) { $0 + $1 * $1 } }

  /// This matrix with column j multiplied by `factors[j]` (A · diag(factors)).
  ///
  /// - Precondition: `factors.count == columnCount`.
  /// - Complexity: O(m n).
  public func scalingColumns(by factors: [Double]) -> Matrix {
    precondition(factors.count == columnCount, "one factor per column")
    var result = self
    for j in 0..<columnCount {
      let factor = factors[j]
      for i in 0..<rowCount { result.elements[i + j * rowCount] *= factor }
    }
    return result
  }

  /// The first `count` columns, as a new matrix.
  ///
  /// - Precondition: `0 <= count <= columnCount`.
  public func leadingColumns(_ count: Int) -> Matrix {
    precondition(count >= 0 && count <= columnCount, "column count out of range")
    return Matrix(
      rowCount: rowCount, columnCount: count,
      columnMajor: Array(elements[0..<(rowCount * count)]))
  }
}
