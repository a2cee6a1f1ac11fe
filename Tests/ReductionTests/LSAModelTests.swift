import Foundation
import LinearAlgebra
import Reduction
import TestSupport
import Testing

@Suite struct LSAModelTests {
  static let reference: LSAReference = {
    do { return try loadFixture(LSAReference.self, named: "lsa_reference.json", in: .module) } catch {
      fatalError("fixture lsa_reference.json: \(error)")
    }
  }()

  var seedWeights: SparseMatrix { Self.reference.seeds.weights.matrix }

  @Test("exact singular values equal numpy.linalg.svd on the seeds' TF-IDF matrix")
  func exactMatchesNumPy() throws {
    let expected = Self.reference.seeds.singularValues
    var generator = SplitMix64(seed: 1)
    let k = min(seedWeights.rowCount, seedWeights.columnCount)
    let model = try LSAModel(
      fitting: seedWeights, options: LSAOptions(dimensionCount: k, algorithm: .exact), using: &generator)
    // numpy's smallest σ are ~1e-16-level noise for a rank-deficient matrix; compare those kept.
    let kept = model.dimensionCount
    #expect(kept >= k - 2 && kept <= k)
    expectClose(
      model.singularValues, Array(expected.prefix(kept)), tolerance: Tolerance(relative: 1e-8, absolute: 1e-12))
    for (j, loadings) in Self.reference.seeds.leadingTermLoadings.enumerated() {
      expectEqualUpToSign(model.termLoadings.column(j), loadings, tolerance: Tolerance(relative: 1e-8, absolute: 1e-10))
    }
  }

  @Test("randomized σ are lower bounds of the exact ones, within 5 % at the defaults", arguments: [10, 40])
  func randomizedDefaultsOnSeeds(rank: Int) throws {
    // TF-IDF spectra are flat, so q = 5 leaves the trailing σ a few percent low;
    // scikit-learn's TruncatedSVD(n_iter=5) averages 1.9 % (k = 10) and 2.7 % (k = 40)
    // maximum relative error on this matrix over 20 seeds (recorded in the fixture).
    var generator = SplitMix64(seed: 42)
    let model = try LSAModel(
      fitting: seedWeights, options: LSAOptions(dimensionCount: rank, algorithm: .randomized), using: &generator)
    #expect(model.algorithm == .randomized)
    let exact = Array(Self.reference.seeds.singularValues.prefix(rank))
    for (index, (approximate, reference)) in zip(model.singularValues, exact).enumerated() {
      // Rayleigh–Ritz: σᵢ(QᵀA) ≤ σᵢ(A) for any orthonormal Q.
      #expect(approximate <= reference * (1 + 1e-12), "σ\(index)")
    }
    expectClose(model.singularValues, exact, tolerance: Tolerance(relative: 0.05))
  }

  @Test("randomized top-k is within 1e-3 of exact with more power iterations", arguments: [10, 40])
  func randomizedConvergesOnSeeds(rank: Int) throws {
    var generator = SplitMix64(seed: 42)
    let options = LSAOptions(dimensionCount: rank, algorithm: .randomized, oversampling: 30, powerIterations: 20)
    let model = try LSAModel(fitting: seedWeights, options: options, using: &generator)
    expectClose(model.singularValues, Array(Self.reference.seeds.singularValues.prefix(rank)), tolerance: .randomized)
  }

  @Test("randomized σ on a generated matrix match scikit-learn's TruncatedSVD and numpy")
  func randomizedMatchesScikitLearn() throws {
    let generated = Self.reference.generated
    let matrix = GeneratedMatrix.make(generated.recipe)
    #expect(matrix.nonZeroCount == generated.nonZeroCount, "recipe reproduced")
    var generator = SplitMix64(seed: 2011)
    let k = generated.rank
    let model = try LSAModel(
      fitting: matrix, options: LSAOptions(dimensionCount: k, algorithm: .randomized), using: &generator)
    // Same algorithm and defaults (n_iter = 5, 10 oversamples): the leading half agrees to
    // 1e-3 with both references; the trailing σ are a few percent low in both.
    let half = k / 2
    expectClose(
      Array(model.singularValues.prefix(half)), Array(generated.sklearnRandomizedSingularValues.prefix(half)),
      tolerance: .randomized)
    expectClose(
      Array(model.singularValues.prefix(half)), Array(generated.exactSingularValues.prefix(half)),
      tolerance: .randomized)
    expectClose(model.singularValues, generated.exactSingularValues, tolerance: Tolerance(relative: 0.05))
    let converged = try LSAModel(
      fitting: matrix,
      options: LSAOptions(dimensionCount: k, algorithm: .randomized, oversampling: 30, powerIterations: 20),
      using: &generator)
    expectClose(converged.singularValues, generated.exactSingularValues, tolerance: .randomized)
  }

  @Test("transform of the training matrix equals documentCoordinates", arguments: LSAOptions.Algorithm.allCases)
  func transformOfTraining(algorithm: LSAOptions.Algorithm) throws {
    var generator = SplitMix64(seed: 9)
    let model = try LSAModel(
      fitting: seedWeights, options: LSAOptions(dimensionCount: 12, algorithm: algorithm), using: &generator)
    let folded = model.transform(seedWeights)
    if model.algorithm == .exact {
      expectClose(
        folded.elements, model.documentCoordinates.elements, tolerance: Tolerance(relative: 1e-9, absolute: 1e-11))
    } else {
      #expect(folded == model.documentCoordinates)
    }
  }

  @Test(
    "term loadings are orthonormal and signs follow the convention",
    arguments: [LSAOptions.Algorithm.exact, .randomized])
  func orthonormalAndSigned(algorithm: LSAOptions.Algorithm) throws {
    var generator = SplitMix64(seed: 10)
    let model = try LSAModel(
      fitting: seedWeights, options: LSAOptions(dimensionCount: 15, algorithm: algorithm), using: &generator)
    let v = model.termLoadings
    let u = model.documentCoordinates
    // A randomized fit's coordinates are the fold-in A V Σ⁻¹, orthonormal only to the fit's
    // accuracy (a few percent at q = 5 on this flat spectrum).
    let tolerance =
      algorithm == .exact ? Tolerance(relative: 1e-12, absolute: 1e-12) : Tolerance(relative: 0, absolute: 0.05)
    expectClose(
      try v.multiplied(by: v, transposingSelf: true).elements, Matrix.identity(15).elements,
      tolerance: Tolerance(relative: 1e-12, absolute: 1e-12))
    expectClose(
      try u.multiplied(by: u, transposingSelf: true).elements, Matrix.identity(15).elements, tolerance: tolerance)
    for j in 0..<model.dimensionCount {
      let largest = v.column(j).max { abs($0) < abs($1) } ?? 0
      #expect(largest > 0, "topic \(j)")
    }
    let shares = model.varianceShares
    #expect(shares.reduce(0, +) <= 1 + 1e-12)
    #expect(zip(shares, shares.dropFirst()).allSatisfy { $0 >= $1 })
  }

  @Test("a fixed seed gives an identical model")
  func deterministic() throws {
    var first = SplitMix64(seed: 77)
    var second = SplitMix64(seed: 77)
    let options = LSAOptions(dimensionCount: 8, algorithm: .randomized)
    let a = try LSAModel(fitting: seedWeights, options: options, using: &first)
    let b = try LSAModel(fitting: seedWeights, options: options, using: &second)
    #expect(a == b)
  }

  @Test("identities on a few hundred random small matrices (sizes 1–8)")
  func properties() throws {
    var generator = SplitMix64(seed: 31337)
    for trial in 0..<300 {
      let m = Int(generator.next() % 8) + 1
      let n = Int(generator.next() % 8) + 1
      var dense = Matrix(rowCount: m, columnCount: n)
      for i in 0..<m {
        for j in 0..<n where generator.next() % 3 != 0 { dense[i, j] = Double(generator.next() % 1000) / 250 - 2 }
      }
      let a = SparseMatrix(dense)
      let k = Int(generator.next() % UInt64(min(m, n))) + 1
      let algorithm: LSAOptions.Algorithm = trial % 2 == 0 ? .exact : .randomized
      let label = "trial \(trial) (seed 31337), \(m)×\(n), k \(k), \(algorithm)"
      guard a.squaredFrobeniusNorm > 0 else {
        #expect(throws: ReductionError.zeroMatrix(documentCount: m, termCount: n), "\(label)") {
          try LSAModel(fitting: a, options: LSAOptions(dimensionCount: k), using: &generator)
        }
        continue
      }
      let model = try LSAModel(
        fitting: a, options: LSAOptions(dimensionCount: k, algorithm: algorithm), using: &generator)
      let exact = try SingularValueDecomposition(dense)
      let s = model.singularValues
      #expect(s.count <= k && !s.isEmpty, "\(label)")
      #expect(s.allSatisfy { $0 > 0 } && zip(s, s.dropFirst()).allSatisfy { $0 >= $1 }, "\(label)")
      // l = min(k + 10, m, n) = min(m, n) here, so even the randomized fit is exact.
      expectClose(s, Array(exact.singularValues.prefix(s.count)), tolerance: Tolerance(relative: 1e-9, absolute: 1e-12))
      #expect(model.documentCoordinates.rowCount == m && model.termLoadings.rowCount == n, "\(label)")
      // Full rank reconstructs A.
      if k == min(m, n), s.count == k {
        let rebuilt = try model.documentCoordinates.scalingColumns(by: s).multiplied(
          by: model.termLoadings, transposingOther: true)
        expectClose(rebuilt.elements, dense.elements, tolerance: Tolerance(relative: 1e-9, absolute: 1e-10))
      }
    }
  }

  @Test("a rank-deficient matrix returns fewer dimensions than asked")
  func rankDeficient() throws {
    // Rank 2: the third row is the sum of the first two.
    let dense = Matrix(rows: [[1, 0, 2, 0], [0, 3, 0, 1], [1, 3, 2, 1]])
    for algorithm in [LSAOptions.Algorithm.exact, .randomized] {
      var generator = SplitMix64(seed: 4)
      let model = try LSAModel(
        fitting: SparseMatrix(dense), options: LSAOptions(dimensionCount: 3, algorithm: algorithm), using: &generator)
      #expect(model.dimensionCount == 2, "\(algorithm)")
      expectClose(model.varianceShares.reduce(0, +), 1, tolerance: Tolerance(relative: 1e-12))
    }
  }

  @Test("scaling A by c scales σ by |c| and keeps the coordinates")
  func scaling() throws {
    var generator = SplitMix64(seed: 5)
    let base = try LSAModel(
      fitting: seedWeights, options: LSAOptions(dimensionCount: 5, algorithm: .exact), using: &generator)
    var scaledWeights = seedWeights
    scaledWeights.values = scaledWeights.values.map { $0 * -3 }
    let scaled = try LSAModel(
      fitting: scaledWeights, options: LSAOptions(dimensionCount: 5, algorithm: .exact), using: &generator)
    expectClose(scaled.singularValues, base.singularValues.map { $0 * 3 }, tolerance: .decomposition)
    // V's signs are fixed by V itself, so V is unchanged and U flips.
    expectClose(
      scaled.termLoadings.elements, base.termLoadings.elements, tolerance: Tolerance(relative: 1e-9, absolute: 1e-12))
    expectClose(
      scaled.documentCoordinates.elements, base.documentCoordinates.elements.map { -$0 },
      tolerance: Tolerance(relative: 1e-9, absolute: 1e-12))
  }

  @Test("invalid input throws typed errors")
  func errors() {
    var generator = SplitMix64(seed: 6)
    let a = SparseMatrix(Matrix(rows: [[1, 0], [0, 2], [1, 1]]))
    #expect(throws: ReductionError.invalidDimensionCount(requested: 0, maximum: 2)) {
      try LSAModel(fitting: a, options: LSAOptions(dimensionCount: 0), using: &generator)
    }
    #expect(throws: ReductionError.invalidDimensionCount(requested: 3, maximum: 2)) {
      try LSAModel(fitting: a, options: LSAOptions(dimensionCount: 3), using: &generator)
    }
    #expect(throws: ReductionError.emptyMatrix(documentCount: 0, termCount: 4)) {
      try LSAModel(
        fitting: SparseMatrix(Matrix(rowCount: 0, columnCount: 4)), options: LSAOptions(dimensionCount: 1),
        using: &generator)
    }
    #expect(throws: ReductionError.self) {
      try LSAModel(fitting: a, options: LSAOptions(dimensionCount: 1, powerIterations: -1), using: &generator)
    }
    #expect(ReductionError.invalidDimensionCount(requested: 3, maximum: 2).description.contains("--dimensions"))
  }

  @Test("automatic picks exact for cheap matrices and randomized past either limit")
  func automatic() {
    let options = LSAOptions(dimensionCount: 10)
    #expect(options.resolvedAlgorithm(documentCount: 106, termCount: 6_068) == .exact)
    // The cost m · n · min(m, n): 316² × 10⁴ < 10⁹ < 317² × 10⁴.
    #expect(options.resolvedAlgorithm(documentCount: 316, termCount: 10_000) == .exact)
    #expect(options.resolvedAlgorithm(documentCount: 317, termCount: 10_000) == .randomized)
    #expect(options.resolvedAlgorithm(documentCount: 10_000, termCount: 316) == .exact)
    // The entries m · n, with the cost below 10⁹ on both sides: 9,999,000 ≤ 10⁷ < 10,008,900.
    #expect(options.resolvedAlgorithm(documentCount: 99, termCount: 101_000) == .exact)
    #expect(options.resolvedAlgorithm(documentCount: 99, termCount: 101_100) == .randomized)
    #expect(options.resolvedAlgorithm(documentCount: .max, termCount: 2) == .randomized)
    #expect(
      LSAOptions(dimensionCount: 10, algorithm: .exact).resolvedAlgorithm(documentCount: 5_000, termCount: 9_000)
        == .exact)
  }

  @Test("a Codable round trip gives an equal model")
  func codable() throws {
    var generator = SplitMix64(seed: 8)
    let model = try LSAModel(fitting: seedWeights, options: LSAOptions(dimensionCount: 4), using: &generator)
    #expect(try JSONDecoder().decode(LSAModel.self, from: JSONEncoder().encode(model)) == model)
  }
}
