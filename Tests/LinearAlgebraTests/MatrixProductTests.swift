import LinearAlgebra
import TestSupport
import Testing

@Suite struct MatrixProductTests {
  @Test(
    "dgemm matches the naive product for every transposition",
    arguments: [
      (false, false), (true, false), (false, true), (true, true),
    ])
  func transpositions(transposingSelf: Bool, transposingOther: Bool) throws {
    var generator = SplitMix64(seed: 11)
    for _ in 0..<50 {
      let (m, k, n) = (Int(generator.next() % 8) + 1, Int(generator.next() % 8) + 1, Int(generator.next() % 8) + 1)
      let a = RandomMatrices.dense(rows: m, columns: k, using: &generator)
      let b = RandomMatrices.dense(rows: k, columns: n, using: &generator)
      let left = transposingSelf ? a.transposed() : a
      let right = transposingOther ? b.transposed() : b
      let product = try left.multiplied(by: right, transposingSelf: transposingSelf, transposingOther: transposingOther)
      expectClose(
        product.elements, RandomMatrices.naiveProduct(a, b).elements,
        tolerance: Tolerance(relative: 1e-13, absolute: 1e-14))
    }
  }

  @Test("an empty inner dimension gives zeros")
  func emptyInner() throws {
    let product = try Matrix(rowCount: 2, columnCount: 0).multiplied(by: Matrix(rowCount: 0, columnCount: 3))
    #expect(product == Matrix(rowCount: 2, columnCount: 3))
  }
}
