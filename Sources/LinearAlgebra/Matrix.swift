/// A dense matrix of `Double`, stored column-major because LAPACK is.
///
/// Throughout PolicyLens matrices are *documents × terms* (rows are documents) or, after
/// reduction, *documents × topics*; term loadings are *terms × topics*. Element (i, j) lives at
/// `elements[i + j * rowCount]`. Nothing in the package transposes a matrix silently: a
/// transposition is always an explicit call.
public struct Matrix: Sendable, Hashable, Codable {
  /// Number of rows.
  public let rowCount: Int
  /// Number of columns.
  public let columnCount: Int
  /// The entries in column-major order; `elements.count == rowCount * columnCount`.
  public var elements: [Double]

  /// A matrix of the given shape filled with `value`.
  public init(rowCount: Int, columnCount: Int, repeating value: Double = 0) {
    precondition(rowCount >= 0 && columnCount >= 0, "matrix dimensions must be non-negative")
    self.rowCount = rowCount
    self.columnCount = columnCount
    self.elements = Array(repeating: value, count: rowCount * columnCount)
  }

  /// A matrix over column-major `elements`.
  public init(rowCount: Int, columnCount: Int, columnMajor elements: [Double]) {
    precondition(
      elements.count == rowCount * columnCount,
      "expected \(rowCount * columnCount) elements for a \(rowCount)×\(columnCount) matrix, got \(elements.count)")
    self.rowCount = rowCount
    self.columnCount = columnCount
    self.elements = elements
  }

  /// A matrix from an array of equally long rows (convenient in tests).
  public init(rows: [[Double]]) {
    let columnCount = rows.first?.count ?? 0
    precondition(rows.allSatisfy { $0.count == columnCount }, "all rows must have the same length")
    var elements = [Double](repeating: 0, count: rows.count * columnCount)
    for (i, row) in rows.enumerated() {
      for (j, value) in row.enumerated() { elements[i + j * rows.count] = value }
    }
    self.init(rowCount: rows.count, columnCount: columnCount, columnMajor: elements)
  }

  /// The element at row `row`, column `column`.
  @inlinable
  public subscript(row: Int, column: Int) -> Double {
    get { elements[row + column * rowCount] }
    set { elements[row + column * rowCount] = newValue }
  }

  /// Row `index` as an array (a strided copy).
  public func row(_ index: Int) -> [Double] {
    (0..<columnCount).map { elements[index + $0 * rowCount] }
  }

  /// Column `index` as an array (a contiguous copy).
  public func column(_ index: Int) -> [Double] {
    Array(elements[(index * rowCount)..<((index + 1) * rowCount)])
  }

  /// The rows as arrays.
  public var rows: [[Double]] { (0..<rowCount).map(row) }

  /// The transpose, as a new matrix.
  ///
  /// - Complexity: O(m n), in 32 × 32 tiles so that reads and writes both stay in cache.
  public func transposed() -> Matrix {
    var result = Matrix(rowCount: columnCount, columnCount: rowCount)
    let m = rowCount
    let n = columnCount
    let tile = 32
    elements.withUnsafeBufferPointer { source in
      result.elements.withUnsafeMutableBufferPointer { target in
        for jStart in stride(from: 0, to: n, by: tile) {
          let jEnd = Swift.min(jStart + tile, n)
          for iStart in stride(from: 0, to: m, by: tile) {
            let iEnd = Swift.min(iStart + tile, m)
            for j in jStart..<jEnd {
              for i in iStart..<iEnd { target[j + i * n] = source[i + j * m] }
            }
          }
        }
      }
    }
    return result
  }

  /// The identity matrix of size `n`.
  public static func identity(_ n: Int) -> Matrix {
    var result = Matrix(rowCount: n, columnCount: n)
    for i in 0..<n { result[i, i] = 1 }
    return result
  }
}
