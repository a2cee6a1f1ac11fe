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

extension SparseMatrix {
  /// The dense matrix has the same shape and entries: a convenience for building a
  /// ``SparseMatrix`` from a small dense one (tests, fixtures). Exact zeros are not stored.
  ///
  /// - Complexity: O(m n).
  public init(_ dense: Matrix) {
    var starts = [0]
    var columns: [Int32] = []
    var values: [Double] = []
    for i in 0..<dense.rowCount {
      for j in 0..<dense.columnCount where dense[i, j] != 0 {
        columns.append(Int32(j))
        values.append(dense[i, j])
      }
      starts.append(values.count)
    }
    self.init(
      rowCount: dense.rowCount, columnCount: dense.columnCount, rowStarts: starts,
      columnIndices: columns, values: values)
  }
}
