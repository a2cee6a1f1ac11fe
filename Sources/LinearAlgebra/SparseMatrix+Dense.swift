extension SparseMatrix {
  /// The non-zero entries of a dense matrix, in CSR form (for small matrices: tests, fixtures).
  ///
  /// Exact zeros are not stored.
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
