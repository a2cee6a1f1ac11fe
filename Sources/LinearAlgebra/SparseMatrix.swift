/// A sparse matrix in compressed sparse row (CSR) form: *documents × terms*.
///
/// Row *i*'s non-zeros are `values[rowStarts[i]..<rowStarts[i + 1]]` at columns
/// `columnIndices[rowStarts[i]..<rowStarts[i + 1]]`, with column indices strictly increasing
/// within a row. This is scikit-learn's `csr_matrix` layout with sorted indices.
public struct SparseMatrix: Sendable, Hashable, Codable {
  /// Number of rows (documents).
  public let rowCount: Int
  /// Number of columns (terms).
  public let columnCount: Int
  /// Offsets into `columnIndices` / `values`; `rowStarts.count == rowCount + 1`.
  public var rowStarts: [Int]
  /// Column of each stored value.
  public var columnIndices: [Int32]
  /// The stored values.
  public var values: [Double]

  /// A sparse matrix from CSR arrays; column indices must be sorted within each row.
  public init(
    rowCount: Int, columnCount: Int, rowStarts: [Int], columnIndices: [Int32], values: [Double]
  ) {
    precondition(rowStarts.count == rowCount + 1, "rowStarts must have rowCount + 1 entries")
    precondition(columnIndices.count == values.count, "one column index per value")
    precondition(rowStarts.last == values.count, "rowStarts must end at the number of values")
    self.rowCount = rowCount
    self.columnCount = columnCount
    self.rowStarts = rowStarts
    self.columnIndices = columnIndices
    self.values = values
  }

  /// Number of stored (non-zero) values.
  public var nonZeroCount: Int { values.count }

  /// The stored entries of row `index` as (column, value) pairs.
  public func row(_ index: Int) -> [(column: Int, value: Double)] {
    (rowStarts[index]..<rowStarts[index + 1]).map { (Int(columnIndices[$0]), values[$0]) }
  }

  /// The dense form (for small matrices and tests).
  public func dense() -> Matrix {
    var result = Matrix(rowCount: rowCount, columnCount: columnCount)
    for i in 0..<rowCount {
      for k in rowStarts[i]..<rowStarts[i + 1] { result[i, Int(columnIndices[k])] = values[k] }
    }
    return result
  }
}
