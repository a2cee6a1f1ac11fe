import LinearAlgebra
import TestSupport
import Testing

@testable import Reduction

@Suite struct TruncatedSVDTests {
  @Test("the single-precision range finder finds the double one's subspace")
  func singlePrecisionRangeFinder() throws {
    let generated = LSAModelTests.reference.generated
    let a = GeneratedMatrix.make(generated.recipe)
    let at = a.transposed()
    let l = generated.rank + 10
    func fit(_ precision: ProductPrecision) throws -> SingularValueDecomposition {
      var generator = SplitMix64(seed: 2011)
      return try TruncatedSVD.randomized(
        a, transpose: at, columns: l, powerIterations: 5, rangeFinderPrecision: precision, using: &generator)
    }
    let single = try fit(.single)
    let double = try fit(.double)
    #expect(single.singularValues != double.singularValues, "the single path rounds differently")
    // σ and the leading vectors agree far inside the method's own error (the leading half to
    // 1e-3 of exact at q = 5, the trailing σ a few percent low): Float rounding (ε ≈ 1e-7)
    // moves the subspace by about ε / gap, least where it has converged. Measured: 3e-8 at
    // worst, in the trailing σ of this flat spectrum.
    expectClose(single.singularValues, double.singularValues, tolerance: Tolerance(relative: 1e-6))
    for j in 0..<generated.rank / 2 {
      let cosine = zip(single.rightSingularVectors.column(j), double.rightSingularVectors.column(j)).reduce(0) {
        $0 + $1.0 * $1.1
      }
      #expect(abs(cosine - 1) < 1e-6, "v\(j): cosine \(cosine)")
    }
    // The last product and the factorizations are Double: U and V stay orthonormal to rounding.
    for factor in [single.leftSingularVectors, single.rightSingularVectors] {
      let gram = try factor.multiplied(by: factor, transposingSelf: true)
      expectClose(gram.elements, Matrix.identity(l).elements, tolerance: Tolerance(relative: 1e-12, absolute: 1e-12))
    }
    let half = generated.rank / 2
    expectClose(
      Array(single.singularValues.prefix(half)), Array(generated.exactSingularValues.prefix(half)),
      tolerance: .randomized)
  }

  @Test("large products find the range in single precision, small ones in double")
  func precisionChoice() {
    let small = SparseMatrix(Matrix(rows: [[1, 0, 2], [0, 3, 0]]))
    #expect(TruncatedSVD.rangeFinderPrecision(for: small, columns: 2) == .double)
    let nonZeros = TruncatedSVD.singlePrecisionWork / 110
    let large = SparseMatrix(
      rowCount: 1, columnCount: nonZeros + 1, rowStarts: [0, nonZeros + 1],
      columnIndices: (0...Int32(nonZeros)).map { $0 }, values: Array(repeating: 1, count: nonZeros + 1))
    #expect(TruncatedSVD.rangeFinderPrecision(for: large, columns: 110) == .single)
    #expect(TruncatedSVD.rangeFinderPrecision(for: large, columns: 100) == .double)
  }
}
