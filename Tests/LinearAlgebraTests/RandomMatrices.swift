import LinearAlgebra
import TestSupport

/// Seeded random test inputs.
enum RandomMatrices {
  static func uniform(_ generator: inout SplitMix64) -> Double {
    Double(generator.next() >> 11) * 0x1p-53 * 2 - 1
  }

  static func dense(rows: Int, columns: Int, using generator: inout SplitMix64) -> Matrix {
    Matrix(
      rowCount: rows, columnCount: columns,
      columnMajor: (0..<(rows * columns)).map { _ in uniform(&generator) })
  }

  /// About `density` of the entries non-zero.
  static func sparse(rows: Int, columns: Int, density: Double, using generator: inout SplitMix64)
    -> SparseMatrix
  {
    var dense = Matrix(rowCount: rows, columnCount: columns)
    for i in 0..<rows {
      for j in 0..<columns where (uniform(&generator) + 1) / 2 < density {
        dense[i, j] = uniform(&generator)
      }
    }
    return SparseMatrix(dense)
  }

  /// Naive triple loop, the oracle for products.
  static func naiveProduct(_ a: Matrix, _ b: Matrix) -> Matrix {
    var c = Matrix(rowCount: a.rowCount, columnCount: b.columnCount)
    for i in 0..<a.rowCount {
      for j in 0..<b.columnCount {
        var sum = 0.0
        for k in 0..<a.columnCount { sum += a[i, k] * b[k, j] }
        c[i, j] = sum
      }
    }
    return c
  }
}
