import LinearAlgebra
import TestSupport
import Testing

@Suite struct SparseMatrixProductTests {
  @Test("CSR × dense and CSRᵀ × dense match dense products on random small inputs")
  func smallProducts() throws {
    var generator = SplitMix64(seed: 99)
    for trial in 0..<300 {
      let (m, n, k) = (Int(generator.next() % 9), Int(generator.next() % 9), Int(generator.next() % 5) + 1)
      let a = RandomMatrices.sparse(rows: m, columns: n, density: 0.3, using: &generator)
      let x = RandomMatrices.dense(rows: n, columns: k, using: &generator)
      let y = RandomMatrices.dense(rows: m, columns: k, using: &generator)
      let tolerance = Tolerance(relative: 1e-13, absolute: 1e-14)
      let ax = a.multiplied(by: x)
      #expect(ax.rowCount == m && ax.columnCount == k, "trial \(trial)")
      expectClose(ax.elements, RandomMatrices.naiveProduct(a.dense(), x).elements, tolerance: tolerance)
      expectClose(
        a.transposeMultiplied(by: y).elements,
        RandomMatrices.naiveProduct(a.dense().transposed(), y).elements, tolerance: tolerance)
      #expect(a.transposed().transposed() == a, "trial \(trial)")
      #expect(a.transposed().dense() == a.dense().transposed(), "trial \(trial)")
    }
  }

  @Test("A (Aᵀ Y) in one call equals the two products bit for bit, and the dense product")
  func gramProduct() {
    var generator = SplitMix64(seed: 17)
    for (m, n, k, density) in [
      (0, 3, 2, 0.5), (5, 0, 3, 0.5), (7, 9, 1, 0.3), (40, 300, 12, 0.05), (3000, 400, 40, 0.05),
    ] {
      let a = RandomMatrices.sparse(rows: m, columns: n, density: density, using: &generator)
      let y = RandomMatrices.dense(rows: m, columns: k, using: &generator)
      let at = a.transposed()
      let gram = a.gramMultiplied(by: y, transpose: at)
      #expect(gram.rowCount == m && gram.columnCount == k)
      #expect(gram == a.multiplied(by: at.multiplied(by: y)), "\(m)×\(n), k = \(k)")
      if m * n <= 40 * 300 {
        let dense = a.dense()
        expectClose(
          gram.elements,
          RandomMatrices.naiveProduct(dense, RandomMatrices.naiveProduct(dense.transposed(), y)).elements,
          tolerance: Tolerance(relative: 1e-12, absolute: 1e-12))
      }
    }
  }

  @Test("One workspace reused across products, shapes and precisions gives each product's bits")
  func reusedWorkspace() {
    var generator = SplitMix64(seed: 23)
    var workspace = ProductWorkspace()
    // Larger, smaller, then larger again than the blocks hold; empty rows, whose output the
    // kernel never writes, must come out zero from a block that held another product.
    for (m, n, k, density) in [
      (3000, 400, 40, 0.05), (300, 200, 9, 0.003), (2000, 900, 20, 0.01), (40, 300, 12, 0.05), (3000, 400, 40, 0.05),
    ] {
      let a = RandomMatrices.sparse(rows: m, columns: n, density: density, using: &generator)
      let at = a.transposed()
      let y = RandomMatrices.dense(rows: m, columns: k, using: &generator)
      if density < 0.01 {
        #expect((0..<m).contains { a.rowStarts[$0] == a.rowStarts[$0 + 1] }, "some rows of A are empty")
        #expect((0..<n).contains { at.rowStarts[$0] == at.rowStarts[$0 + 1] }, "some columns of A are empty")
      }
      for precision in [ProductPrecision.single, .double] {
        var product = y
        a.gramMultiply(&product, transpose: at, precision: precision, workspace: &workspace)
        let expected = a.multiplied(by: at.multiplied(by: y, precision: precision), precision: precision)
        #expect(product == expected, "\(m)×\(n), k = \(k), \(precision)")
        if m * n <= 300 * 200 {
          let dense = a.dense()
          let exact = RandomMatrices.naiveProduct(dense, RandomMatrices.naiveProduct(dense.transposed(), y))
          let tolerance =
            precision == .double
            ? Tolerance(relative: 1e-12, absolute: 1e-12) : Tolerance(relative: 1e-5, absolute: 1e-5)
          expectClose(product.elements, exact.elements, tolerance: tolerance)
        }
      }
    }
  }

  @Test("the parallel path equals a serial loop bit for bit")
  func parallelIsDeterministic() {
    var generator = SplitMix64(seed: 3)
    let a = RandomMatrices.sparse(rows: 3000, columns: 400, density: 0.05, using: &generator)
    let x = RandomMatrices.dense(rows: 400, columns: 40, using: &generator)
    #expect(a.nonZeroCount * 40 >= 1 << 20, "large enough to run in parallel")
    #expect(a.multiplied(by: x) == Self.serialProduct(a, x))
    #expect(a.multiplied(by: x) == a.multiplied(by: x))
  }

  @Test("an X too large for one cache panel gives the serial loop's result bit for bit", arguments: [20, 40])
  func panels(columns k: Int) {
    var generator = SplitMix64(seed: 21)
    let n = 30_000  // 30,000 rows of X at stride 24 or 40 doubles: 5.5 or 9.2 MiB, 2–4 panels
    var a = RandomMatrices.sparse(rows: 60, columns: n, density: 0.01, using: &generator)
    // A first row with every column: its run crosses every panel and many segments.
    a = SparseMatrix(
      rowCount: 61, columnCount: n, rowStarts: [0] + a.rowStarts.map { $0 + n },
      columnIndices: (0..<Int32(n)).map { $0 } + a.columnIndices,
      values: (0..<n).map { _ in RandomMatrices.uniform(&generator) } + a.values)
    let x = RandomMatrices.dense(rows: n, columns: k, using: &generator)
    let identical = a.multiplied(by: x) == Self.serialProduct(a, x)
    #expect(identical, "the paneled product differs from the serial loop")
  }

  @Test("single-precision products are within Float rounding of the exact ones")
  func singlePrecisionBound() {
    var generator = SplitMix64(seed: 41)
    let a = RandomMatrices.sparse(rows: 300, columns: 2000, density: 0.04, using: &generator)
    let x = RandomMatrices.dense(rows: 2000, columns: 40, using: &generator)
    #expect(a.nonZeroCount * 48 >= 1 << 20, "large enough to run in parallel")
    let single = a.multiplied(by: x, precision: .single)
    let exact = a.multiplied(by: x)
    // Each product and sum of row i's nᵢ terms rounds once (unit roundoff u = 2⁻²⁴), and so do
    // the value and the operand when converted: |error| ≤ γ · Σⱼ |aᵢⱼ| |xⱼ꜀| with γ = (nᵢ + 2) u
    // (Higham, Accuracy and Stability of Numerical Algorithms, §3.1, to first order), doubled
    // for the second-order terms.
    let unit = 0x1p-24
    var largestRatio = 0.0
    for i in 0..<a.rowCount {
      let row = a.row(i)
      let gamma = 2 * Double(row.count + 2) * unit
      for c in 0..<x.columnCount {
        let magnitude = row.reduce(0) { $0 + abs($1.1) * abs(x[$1.0, c]) }
        let error = abs(single[i, c] - exact[i, c])
        #expect(error <= gamma * magnitude, "row \(i), column \(c): error \(error), bound \(gamma * magnitude)")
        if magnitude > 0 { largestRatio = max(largestRatio, error / (gamma * magnitude)) }
      }
    }
    // Not exact either: the single path really rounds to Float.
    #expect(single != exact && largestRatio > 0)
    let y = RandomMatrices.dense(rows: 300, columns: 40, using: &generator)
    let at = a.transposed()
    #expect(
      a.gramMultiplied(by: y, transpose: at, precision: .single)
        == a.multiplied(by: at.multiplied(by: y, precision: .single), precision: .single),
      "A (Aᵀ Y) in one call equals the two single products bit for bit (Float → Double → Float is exact)")
  }

  @Test("a single-precision X too large for one cache panel gives a serial Float loop's result bit for bit")
  func singlePrecisionPanels() {
    var generator = SplitMix64(seed: 23)
    let n = 60_000  // 60,000 rows of X at stride 48 floats: 11 MiB, 2 panels
    var a = RandomMatrices.sparse(rows: 40, columns: n, density: 0.005, using: &generator)
    a = SparseMatrix(
      rowCount: 41, columnCount: n, rowStarts: [0] + a.rowStarts.map { $0 + n },
      columnIndices: (0..<Int32(n)).map { $0 } + a.columnIndices,
      values: (0..<n).map { _ in RandomMatrices.uniform(&generator) } + a.values)
    let x = RandomMatrices.dense(rows: n, columns: 40, using: &generator)
    var serial = Matrix(rowCount: a.rowCount, columnCount: x.columnCount)
    for i in 0..<a.rowCount {
      var sums = [Float](repeating: 0, count: x.columnCount)
      for (column, value) in a.row(i) {
        for c in 0..<x.columnCount { sums[c] += Float(value) * Float(x[column, c]) }
      }
      for c in 0..<x.columnCount { serial[i, c] = Double(sums[c]) }
    }
    let identical = a.multiplied(by: x, precision: .single) == serial
    #expect(identical, "the paneled single-precision product differs from the serial Float loop")
  }

  /// Σⱼ aᵢⱼ X[j, :] for each row i, adding the non-zeros in order.
  static func serialProduct(_ a: SparseMatrix, _ x: Matrix) -> Matrix {
    var product = Matrix(rowCount: a.rowCount, columnCount: x.columnCount)
    for i in 0..<a.rowCount {
      for (column, value) in a.row(i) {
        for c in 0..<x.columnCount { product[i, c] += value * x[column, c] }
      }
    }
    return product
  }

  @Test("squared Frobenius norm equals the dense one")
  func frobenius() {
    var generator = SplitMix64(seed: 8)
    let a = RandomMatrices.sparse(rows: 7, columns: 5, density: 0.5, using: &generator)
    expectClose(a.squaredFrobeniusNorm, a.dense().squaredFrobeniusNorm)
  }
}
