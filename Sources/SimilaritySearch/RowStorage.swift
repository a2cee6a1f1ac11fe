/// Dense rows of doubles, row-major (*rows × dimension*), wherever they live: in memory or in a
/// memory-mapped model file.
///
/// The index types read them in place.
public protocol DenseRowStorage: Sendable {
  /// Number of rows.
  var rowCount: Int { get }
  /// Length of each row.
  var dimension: Int { get }
  /// Calls `body` with all `rowCount × dimension` elements, row-major, without copying.
  func withUnsafeElements<R>(_ body: (UnsafeBufferPointer<Double>) -> R) -> R
}

/// Sparse rows in compressed sparse row form (`scipy.sparse.csr_matrix`'s `indptr`,
/// `indices`, `data`), in memory or memory-mapped.
public protocol SparseRowStorage: Sendable {
  /// Number of rows.
  var rowCount: Int { get }
  /// Number of columns (terms).
  var columnCount: Int { get }
  /// Calls `body` with the row offsets (`rowCount + 1` of them), the column of each stored
  /// value, and the values.
  func withUnsafeRows<R>(
    _ body: (
      _ rowStarts: UnsafeBufferPointer<Int32>, _ columns: UnsafeBufferPointer<Int32>,
      _ values: UnsafeBufferPointer<Double>
    ) -> R
  ) -> R
}

/// Dense rows held in an array.
public struct InMemoryDenseRows: DenseRowStorage {
  public let rowCount: Int
  public let dimension: Int
  /// The elements, row-major.
  public let elements: [Double]

  /// Rows from `elements`, row-major; `elements.count` must be `rowCount × dimension`.
  public init(rowCount: Int, dimension: Int, elements: [Double]) {
    precondition(elements.count == rowCount * dimension, "expected \(rowCount) × \(dimension) elements")
    self.rowCount = rowCount
    self.dimension = dimension
    self.elements = elements
  }

  public func withUnsafeElements<R>(_ body: (UnsafeBufferPointer<Double>) -> R) -> R {
    elements.withUnsafeBufferPointer(body)
  }
}

/// Sparse rows held in arrays.
public struct InMemorySparseRows: SparseRowStorage {
  public let rowCount: Int
  public let columnCount: Int
  let rowStarts: [Int32]
  let columns: [Int32]
  let values: [Double]

  /// CSR rows; offsets must be non-decreasing from 0 to `values.count` and columns in range.
  public init(columnCount: Int, rowStarts: [Int32], columns: [Int32], values: [Double]) {
    precondition(!rowStarts.isEmpty && columns.count == values.count, "malformed CSR rows")
    self.rowCount = rowStarts.count - 1
    self.columnCount = columnCount
    self.rowStarts = rowStarts
    self.columns = columns
    self.values = values
  }

  public func withUnsafeRows<R>(
    _ body: (UnsafeBufferPointer<Int32>, UnsafeBufferPointer<Int32>, UnsafeBufferPointer<Double>) -> R
  ) -> R {
    rowStarts.withUnsafeBufferPointer { starts in
      columns.withUnsafeBufferPointer { columns in
        values.withUnsafeBufferPointer { values in body(starts, columns, values) }
      }
    }
  }
}
