import LinearAlgebra
import TestSupport
import Testing

@Suite struct OrthonormalizationTests {
  @Test(
    "thin Q is orthonormal and spans the columns",
    arguments: [OrthonormalizationMethod.householder, .choleskyQR2, .choleskyQR])
  func orthonormalAndSpanning(method: OrthonormalizationMethod) throws {
    var generator = SplitMix64(seed: 5)
    for _ in 0..<100 {
      let n = Int(generator.next() % 6) + 1
      let m = n + Int(generator.next() % 4)
      let a = RandomMatrices.dense(rows: m, columns: n, using: &generator)
      let q = try a.orthonormalizedColumns(method: method)
      expectClose(
        try q.multiplied(by: q, transposingSelf: true).elements, Matrix.identity(n).elements,
        tolerance: Tolerance(relative: 1e-12, absolute: 1e-13))
      // Q Qᵀ A = A: A's columns lie in Q's span (random A has full column rank).
      let projected = try q.multiplied(by: try q.multiplied(by: a, transposingSelf: true))
      expectClose(projected.elements, a.elements, tolerance: Tolerance(relative: 1e-10, absolute: 1e-12))
    }
  }

  @Test("thin QR: Q orthonormal, R upper triangular, Q R = A (full rank and rank deficient)")
  func thinQRFactorization() throws {
    var generator = SplitMix64(seed: 8)
    var matrices = [Matrix(rows: [[1, 2], [2, 4], [3, 6]]), Matrix(rows: [[0], [0]])]
    for _ in 0..<100 {
      let n = Int(generator.next() % 6) + 1
      let m = n + Int(generator.next() % 4)
      matrices.append(RandomMatrices.dense(rows: m, columns: n, using: &generator))
    }
    let tolerance = Tolerance(relative: 1e-10, absolute: 1e-12)
    for (index, a) in matrices.enumerated() {
      let (q, r) = try a.thinQRFactorization()
      #expect(q.rowCount == a.rowCount && q.columnCount == a.columnCount)
      #expect(r.rowCount == a.columnCount && r.columnCount == a.columnCount)
      for j in 0..<r.columnCount {
        for i in (j + 1)..<r.rowCount { #expect(r[i, j] == 0, "R[\(i), \(j)] = \(r[i, j])") }
      }
      expectClose(try q.multiplied(by: r).elements, a.elements, tolerance: tolerance)
      if index >= 2 {  // the random ones have full column rank
        expectClose(
          try q.multiplied(by: q, transposingSelf: true).elements, Matrix.identity(a.columnCount).elements,
          tolerance: Tolerance(relative: 1e-12, absolute: 1e-13))
      }
    }
  }

  @Test(
    "rank-deficient input still gives orthonormal columns",
    arguments: [OrthonormalizationMethod.householder, .choleskyQR2, .choleskyQR])
  func rankDeficient(method: OrthonormalizationMethod) throws {
    let a = Matrix(rows: [[1, 2], [2, 4], [3, 6]])
    let q = try a.orthonormalizedColumns(method: method)
    expectClose(
      try q.multiplied(by: q, transposingSelf: true).elements, Matrix.identity(2).elements,
      tolerance: Tolerance(relative: 0, absolute: 1e-14))
  }
}

@Suite struct TransposeTests {
  @Test("transposing twice is the identity; entries move to (j, i)")
  func transpose() {
    var generator = SplitMix64(seed: 21)
    for (m, n) in [(0, 3), (1, 1), (33, 70), (64, 5)] {
      let a = RandomMatrices.dense(rows: m, columns: n, using: &generator)
      let t = a.transposed()
      #expect(t.rowCount == n && t.columnCount == m)
      #expect(t.transposed() == a)
      for i in 0..<m { for j in 0..<n where t[j, i] != a[i, j] { Issue.record("(\(i), \(j))") } }
    }
  }
}
