import LinearAlgebra
import TestSupport
import Testing

@Suite struct SingularValueDecompositionTests {
  @Test("planted singular values 3.142, 2.718, 1.0 come back")
  func plantedValues() throws {
    // A = Q₁ diag(σ) Q₂ᵀ with orthonormal Q from QR of random matrices.
    var generator = SplitMix64(seed: 7)
    let q1 = try RandomMatrices.dense(rows: 6, columns: 3, using: &generator).orthonormalizedColumns()
    let q2 = try RandomMatrices.dense(rows: 5, columns: 3, using: &generator).orthonormalizedColumns()
    let planted = [3.142, 2.718, 1.0]
    let a = try q1.scalingColumns(by: planted).multiplied(by: q2, transposingOther: true)
    let svd = try SingularValueDecomposition(a)
    expectClose(Array(svd.singularValues.prefix(3)), planted, tolerance: .decomposition)
    expectClose(Array(svd.singularValues.dropFirst(3)), [0, 0], tolerance: Tolerance(relative: 0, absolute: 1e-14))
    for j in 0..<3 { expectEqualUpToSign(svd.rightSingularVectors.column(j), q2.column(j)) }
  }

  @Test("identities hold on a few hundred random matrices of sizes 1–8")
  func identities() throws {
    var generator = SplitMix64(seed: 2024)
    for trial in 0..<300 {
      let m = Int(generator.next() % 8) + 1
      let n = Int(generator.next() % 8) + 1
      let a = RandomMatrices.dense(rows: m, columns: n, using: &generator)
      let svd = try SingularValueDecomposition(a, signDecidedBy: trial % 2 == 0 ? .right : .left)
      let r = min(m, n)
      let s = svd.singularValues
      #expect(s.count == r, "trial \(trial)")
      #expect(s.allSatisfy { $0 >= 0 }, "trial \(trial): negative σ")
      #expect(zip(s, s.dropFirst()).allSatisfy { $0 >= $1 }, "trial \(trial): not descending")
      let u = svd.leftSingularVectors
      let v = svd.rightSingularVectors
      let tolerance = Tolerance(relative: 1e-12, absolute: 1e-13)  // unit-scale entries
      expectClose(
        try u.multiplied(by: u, transposingSelf: true).elements, Matrix.identity(r).elements, tolerance: tolerance)
      expectClose(
        try v.multiplied(by: v, transposingSelf: true).elements, Matrix.identity(r).elements, tolerance: tolerance)
      let rebuilt = try u.scalingColumns(by: s).multiplied(by: v, transposingOther: true)
      expectClose(rebuilt.elements, a.elements, tolerance: tolerance)
      // Sign convention: the deciding column's largest-magnitude entry is positive.
      let deciding = trial % 2 == 0 ? v : u
      for j in 0..<r {
        let column = deciding.column(j)
        let largest = column.max { abs($0) < abs($1) } ?? 0
        #expect(largest > 0, "trial \(trial) (seed 2024), column \(j)")
      }
      // Scaling A by c scales σ by |c|.
      let c = trial % 3 == 0 ? -2.5 : 0.75
      let scaled = try SingularValueDecomposition(
        Matrix(rowCount: m, columnCount: n, columnMajor: a.elements.map { $0 * c }))
      expectClose(scaled.singularValues, s.map { $0 * abs(c) }, tolerance: tolerance)
    }
  }

  @Test("empty and single-entry matrices")
  func edgeCases() throws {
    let empty = try SingularValueDecomposition(Matrix(rowCount: 0, columnCount: 3))
    #expect(empty.singularValues.isEmpty)
    #expect(empty.rightSingularVectors.rowCount == 3)
    let single = try SingularValueDecomposition(Matrix(rows: [[-4]]))
    #expect(single.singularValues == [4])
    #expect(single.rightSingularVectors[0, 0] == 1)
    #expect(single.leftSingularVectors[0, 0] == -1)
  }

  @Test("NaN or infinite input is a typed error, not a trap", arguments: [Double.nan, .infinity])
  func nonFiniteInput(value: Double) {
    #expect(throws: LinearAlgebraError.nonFiniteValue(routine: "dgesdd")) {
      try SingularValueDecomposition(Matrix(rows: [[value, 1], [1, 1]]))
    }
  }

  @Test("errors describe the routine")
  func errorDescriptions() {
    let error = LinearAlgebraError.didNotConverge(routine: "dgesdd", info: 3)
    #expect(error.description.contains("dgesdd"))
    #expect(
      LinearAlgebraError.dimensionTooLarge(routine: "dgemm", dimension: 1 << 33).description.contains("8589934592"))
  }
}
