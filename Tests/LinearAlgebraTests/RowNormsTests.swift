import LinearAlgebra
import TestSupport
import Testing

@Suite struct RowNormsTests {
  @Test("l2Norm of a 3-4-5 triangle and of an empty vector")
  func handComputed() {
    #expect(l2Norm([3.0, 4.0]) == 5)
    #expect(l2Norm([-3.0, 0, 4.0]) == 5)
    #expect(l2Norm([Double]()) == 0)
    #expect(l2Norm([1.0, 2.0, 2.0][1...]) == 8.0.squareRoot())
  }

  @Test("rowNorms equals l2Norm of each row, bit for bit, on random shapes 0…8")
  func rowNormsMatchVectorNorm() {
    var generator = SplitMix64(seed: 31)
    for _ in 0..<300 {
      let m = Int(generator.next() % 9)
      let n = Int(generator.next() % 9)
      let a = RandomMatrices.dense(rows: m, columns: n, using: &generator)
      #expect(a.rowNorms() == (0..<m).map { l2Norm(a.row($0)) }, "\(m)×\(n)")
    }
  }

  @Test("unitRows has unit rows, keeps directions, and is idempotent")
  func unitRowsInvariants() {
    var generator = SplitMix64(seed: 32)
    for _ in 0..<300 {
      let m = Int(generator.next() % 9)
      let n = Int(generator.next() % 8) + 1
      let a = RandomMatrices.dense(rows: m, columns: n, using: &generator)
      let unit = a.unitRows()
      #expect(unit.rowCount == m && unit.columnCount == n)
      expectClose(unit.rowNorms(), [Double](repeating: 1, count: m))
      let norms = a.rowNorms()
      for i in 0..<m {
        expectClose(unit.row(i).map { $0 * norms[i] }, a.row(i))
      }
      expectClose(unit.unitRows().elements, unit.elements)
    }
  }

  @Test("zero and non-finite rows become zero rows")
  func degenerateRows() {
    let a = Matrix(rows: [[0, 0], [3, 4], [.infinity, 1], [.nan, 0], [1e300, 1e300]])
    let unit = a.unitRows()
    #expect(unit.row(0) == [0, 0])
    #expect(unit.row(1) == [0.6, 0.8])
    #expect(unit.row(2) == [0, 0])
    #expect(unit.row(3) == [0, 0])
    // (1e300)² overflows: the norm is infinite, so the row is treated as degenerate.
    #expect(unit.row(4) == [0, 0])
  }
}
