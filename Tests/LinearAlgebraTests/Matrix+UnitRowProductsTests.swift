import LinearAlgebra
import TestSupport
import Testing

@Suite struct MatrixUnitRowProductsTests {
  /// The row-by-row computation the batch must reproduce bit for bit.
  static func oneRowAtATime(_ a: Matrix, _ vectors: Matrix) -> Matrix {
    var result = Matrix(rowCount: a.rowCount, columnCount: vectors.columnCount)
    for i in 0..<a.rowCount {
      let unit = l2Normalized(a.row(i))
      for t in 0..<vectors.columnCount {
        result[i, t] = zip(unit, vectors.column(t)).reduce(0) { $0 + $1.0 * $1.1 }
      }
    }
    return result
  }

  @Test("equals normalising each row and summing its dot products in order, bit for bit, on shapes 0…8 and 300 rows")
  func matchesRowByRow() {
    var generator = SplitMix64(seed: 41)
    for trial in 0..<300 {
      // Some tall matrices, so that rows span more than one block.
      let m = trial % 50 == 0 ? 300 + Int(generator.next() % 300) : Int(generator.next() % 9)
      let k = Int(generator.next() % 8) + 1
      let t = Int(generator.next() % 9)
      let a = RandomMatrices.dense(rows: m, columns: k, using: &generator)
      let vectors = RandomMatrices.dense(rows: k, columns: t, using: &generator)
      let batch = a.unitRowProducts(with: vectors)
      #expect(batch.rowCount == m && batch.columnCount == t)
      #expect(batch.elements == Self.oneRowAtATime(a, vectors).elements, "\(m)×\(k) · \(k)×\(t), seed 41")
    }
  }

  @Test("rowProducts on unitRows() stored row-major gives unitRowProducts' bits")
  func storedUnitRows() {
    var generator = SplitMix64(seed: 42)
    for trial in 0..<200 {
      let m = trial % 40 == 0 ? 1_000 + Int(generator.next() % 2_000) : Int(generator.next() % 9)
      let k = Int(generator.next() % 8) + 1
      let t = Int(generator.next() % 9)
      let a = RandomMatrices.dense(rows: m, columns: k, using: &generator)
      let vectors = RandomMatrices.dense(rows: k, columns: t, using: &generator)
      let rowMajor = a.unitRows().transposed().elements
      let stored = rowMajor.withUnsafeBufferPointer { Matrix.rowProducts(ofRowMajor: $0, with: vectors) }
      #expect(stored.rowCount == m && stored.columnCount == t)
      #expect(stored.elements == a.unitRowProducts(with: vectors).elements, "\(m)×\(k) · \(k)×\(t), seed 42")
    }
  }

  @Test("zero and non-finite rows give zero; unit vectors give cosines")
  func degenerateRowsAndCosines() {
    let a = Matrix(rows: [[0, 0], [3, 4], [.infinity, 1], [.nan, 0], [-2, 0]])
    let vectors = Matrix(rows: [[1, 0], [0, 1]])
    let products = a.unitRowProducts(with: vectors)
    #expect(products.row(0) == [0, 0])
    #expect(products.row(1) == [0.6, 0.8])
    #expect(products.row(2) == [0, 0])
    #expect(products.row(3) == [0, 0])
    #expect(products.row(4) == [-1, 0])
  }
}
