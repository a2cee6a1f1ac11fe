import LinearAlgebra

/// Latent semantic analysis: the rank-k truncated SVD of a documents × terms weight matrix.
///
/// The factorization
///
///     A ≈ U_k Σ_k V_kᵀ
///
/// has ``documentCoordinates`` = U_k (documents × k), ``singularValues`` = diag(Σ_k) and
/// ``termLoadings`` = V_k (terms × k). Deerwester et al. (1990) write the terms × documents
/// transpose; the factors simply swap names.
///
/// **Determinism.** Singular values descend; each pair's sign is fixed so that the largest-
/// magnitude entry of its term-loading column (V's column) is positive, and the document
/// column gets the same flip (``SingularVectorSide/right``; scikit-learn's `svd_flip` with
/// `u_based_decision=False`). Randomized fits draw from the caller's generator only, so a
/// seeded generator gives identical output; the sparse products' parallel blocks do not
/// change results.
///
/// **Rank deficiency.** The model may have fewer than `options.dimensionCount` dimensions:
/// triplets with σᵢ ≤ max(m, n) · ε · σ₁ (ε = 2.2 × 10⁻¹⁶, the cut-off of NumPy's `matrix_rank`)
/// are numerically zero, their vectors arbitrary, and they are dropped, as gensim's
/// `stochastic_svd` does.
///
/// **Randomized fits.** ``documentCoordinates`` is A V Σ⁻¹ (the fold-in of the training
/// rows), not the range finder's Q Ṽ, so that `transform(training) == documentCoordinates`
/// holds for both algorithms; its columns are orthonormal to the accuracy of the fit.
public struct LSAModel: Sendable, Hashable, Codable {
  /// The options the model was fitted with.
  public let options: LSAOptions
  /// The algorithm actually used (``LSAOptions/Algorithm/automatic`` resolved).
  public let algorithm: LSAOptions.Algorithm
  /// σ₁ ≥ … ≥ σ_k > 0.
  public let singularValues: [Double]
  /// V_k: terms × k, orthonormal columns; entry (t, j) is term t's weight in topic j.
  public let termLoadings: Matrix
  /// U_k: documents × k; row i is document i's position in topic space (unscaled by σ).
  public let documentCoordinates: Matrix
  /// ‖A‖²_F = Σ over all (not only kept) σᵢ², the total sum of squares of the weights.
  public let totalSumOfSquares: Double

  /// Number of dimensions actually kept (≤ `options.dimensionCount`).
  public var dimensionCount: Int { singularValues.count }

  /// σᵢ² / ‖A‖²_F: the share of the weights' (uncentered) sum of squares each dimension captures.
  ///
  /// Sums to at most 1. Unlike scikit-learn's `explained_variance_ratio_`, which centers each
  /// column first, this is the LSA literature's "energy".
  public var varianceShares: [Double] { singularValues.map { $0 * $0 / totalSumOfSquares } }

  /// Fits LSA to a documents × terms weight matrix (typically TF-IDF rows).
  ///
  /// - Parameters:
  ///   - weights: Documents × terms, m × n.
  ///   - options: Number of dimensions and algorithm; see ``LSAOptions``.
  ///   - generator: Source of the random test matrix (randomized fits only; an exact fit does
  ///     not draw from it).
  /// - Throws: ``ReductionError/emptyMatrix(documentCount:termCount:)``,
  ///   ``ReductionError/invalidDimensionCount(requested:maximum:)`` unless 1 ≤ k ≤ min(m, n),
  ///   ``ReductionError/zeroMatrix(documentCount:termCount:)``,
  ///   ``ReductionError/invalidOption(name:value:allowed:)`` for negative oversampling or
  ///   power iterations, ``ReductionError/linearAlgebra(_:)`` when LAPACK fails.
  /// - Complexity: see ``LSAOptions/Algorithm``.
  public init(
    fitting weights: SparseMatrix, options: LSAOptions,
    using generator: inout some RandomNumberGenerator
  ) throws(ReductionError) {
    let m = weights.rowCount
    let n = weights.columnCount
    guard m > 0, n > 0 else { throw .emptyMatrix(documentCount: m, termCount: n) }
    guard options.dimensionCount >= 1, options.dimensionCount <= min(m, n) else {
      throw .invalidDimensionCount(requested: options.dimensionCount, maximum: min(m, n))
    }
    guard options.oversampling >= 0 else {
      throw .invalidOption(name: "oversampling", value: options.oversampling, allowed: "at least 0")
    }
    guard options.powerIterations >= 0 else {
      throw .invalidOption(
        name: "power iterations", value: options.powerIterations, allowed: "at least 0")
    }
    let total = weights.squaredFrobeniusNorm
    guard total > 0 else { throw .zeroMatrix(documentCount: m, termCount: n) }
    do {
      try self.init(validated: weights, options: options, totalSumOfSquares: total, using: &generator)
    } catch {
      throw .linearAlgebra(error)
    }
  }

  private init(
    validated weights: SparseMatrix, options: LSAOptions, totalSumOfSquares: Double,
    using generator: inout some RandomNumberGenerator
  ) throws(LinearAlgebraError) {
    let m = weights.rowCount
    let n = weights.columnCount
    let algorithm = options.resolvedAlgorithm(documentCount: m, termCount: n)
    let svd: SingularValueDecomposition
    if algorithm == .exact {
      svd = try TruncatedSVD.exact(weights)
    } else {
      svd = try TruncatedSVD.randomized(
        weights, transpose: weights.transposed(),
        columns: min(options.dimensionCount + options.oversampling, m, n),
        powerIterations: options.powerIterations, using: &generator)
    }
    let threshold = Double(max(m, n)) * Double.ulpOfOne * (svd.singularValues.first ?? 0)
    let kept = min(options.dimensionCount, svd.singularValues.prefix { $0 > threshold }.count)
    let sigma = Array(svd.singularValues.prefix(kept))
    let loadings = svd.rightSingularVectors.leadingColumns(kept)
    self.options = options
    self.algorithm = algorithm
    self.singularValues = sigma
    self.termLoadings = loadings
    self.totalSumOfSquares = totalSumOfSquares
    self.documentCoordinates =
      algorithm == .exact
      ? svd.leftSingularVectors.leadingColumns(kept)
      : Self.foldIn(weights, loadings: loadings, singularValues: sigma)
  }

  /// q V Σ⁻¹ for each row q.
  static func foldIn(_ weights: SparseMatrix, loadings: Matrix, singularValues: [Double]) -> Matrix {
    weights.multiplied(by: loadings).scalingColumns(by: singularValues.map { 1 / $0 })
  }
}
