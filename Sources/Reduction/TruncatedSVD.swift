import LinearAlgebra

/// The two truncated SVD algorithms, on inputs already validated by ``LSAModel``.
enum TruncatedSVD {
  /// Dense `dgesdd`, V-decided signs; returns all min(m, n) triplets.
  static func exact(_ a: SparseMatrix) throws(LinearAlgebraError) -> SingularValueDecomposition {
    try SingularValueDecomposition(a.dense(), signDecidedBy: .right)
  }

  /// The randomized SVD of Halko, Martinsson and Tropp (2011).
  ///
  /// Algorithms 4.4 (randomized power iteration with re-orthonormalization) and 5.1 (direct
  /// SVD), with l = min(k + p, m, n) columns:
  ///
  ///     Ω ~ N(0, 1)^{n×l};  Q = qr(A Ω)
  ///     repeat q times:  Q̃ = qr(Aᵀ Q);  Q = qr(A Q̃)
  ///     C = Aᵀ Q  (n × l, = Bᵀ for B = Qᵀ A);  C = P R;  R = Ũ Σ Ṽᵀ  (dgesdd)
  ///     V = P Ũ,  U = Q Ṽ
  ///
  /// Every product is re-orthonormalized by Cholesky QR (level-3 BLAS, O((m + n) l²) per
  /// step; scikit-learn uses LU there), one pass in between and two passes (Cholesky QR2,
  /// orthonormal to rounding) for the final Q, falling back to Householder QR when a block
  /// is nearly rank deficient; see ``OrthonormalizationMethod``. Householder
  /// alone was the bottleneck: LAPACK runs it unblocked for l < 128 columns. Signs are then
  /// fixed by V. Returns l triplets.
  ///
  /// **Precision.** The range finder (A Ω and the power iterations, every product but the
  /// last) runs in `rangeFinderPrecision`; see ``rangeFinderPrecision(for:columns:)``. It only
  /// has to find the subspace: an error of 10⁻⁷ in a basis vector perturbs the subspace by as
  /// much, far below the method's own error (about 2 % in σₖ at q = 5 on a flat spectrum). The
  /// orthonormalizations, the last product C = Aᵀ Q and everything after it stay `Double`, so
  /// the result is the exact Rayleigh–Ritz projection of A on the subspace found: U, Σ and V
  /// are orthonormal and consistent with A to `Double` rounding.
  static func randomized(
    _ a: SparseMatrix, transpose at: SparseMatrix, columns l: Int, powerIterations q: Int,
    rangeFinderPrecision: ProductPrecision? = nil, using generator: inout some RandomNumberGenerator
  ) throws(LinearAlgebraError) -> SingularValueDecomposition {
    let precision = rangeFinderPrecision ?? Self.rangeFinderPrecision(for: a, columns: l)
    let omega = Matrix.standardNormal(rowCount: a.columnCount, columnCount: l, using: &generator)
    // Intermediate bases only need to stay well conditioned (one Cholesky QR pass); the
    // final one must be orthonormal to rounding (two passes).
    var basis = try a.multiplied(by: omega, precision: precision).orthonormalizedColumns(
      method: q == 0 ? .choleskyQR2 : .choleskyQR)
    // Each power iteration is Q ← orth(A Aᵀ Q), normalising on the document side only: the
    // term side Aᵀ Q (n × l, the largest block when n ≫ m) is never orthonormalised nor
    // transposed (`gramMultiply`). Its columns' spread is σ₁/σₗ at most, so A Aᵀ Q's is
    // (σ₁/σₗ)², which Cholesky QR handles (it falls back to Householder past 10⁶).
    // Every step works in place, in one workspace: after the first, a power iteration
    // allocates nothing large.
    var workspace = ProductWorkspace()
    for iteration in 0..<q {
      a.gramMultiply(&basis, transpose: at, precision: precision, workspace: &workspace)
      basis = try (consume basis).orthonormalizedColumns(method: iteration == q - 1 ? .choleskyQR2 : .choleskyQR)
    }
    // C = Aᵀ Q (n × l) = Bᵀ. Factor C = P R (P orthonormal, R l × l, from Cholesky QR2's
    // factors), then R = Ũ Σ Ṽᵀ by dgesdd: C = (P Ũ) Σ Ṽᵀ. Calling dgesdd on the tall C
    // directly would run LAPACK's unblocked QR on it.
    let c = at.multiplied(by: basis)
    let (p, r) = try c.thinQRFactorization()
    let small = try SingularValueDecomposition(r, signDecidedBy: .left)
    var v = try p.multiplied(by: small.leftSingularVectors)  // n × l
    var u = try basis.multiplied(by: small.rightSingularVectors)  // m × l
    fixSigns(left: &u, right: &v, decidedBy: .right)
    return SingularValueDecomposition(
      leftSingularVectors: u, singularValues: small.singularValues, rightSingularVectors: v)
  }

  /// Products of at least this many multiply-adds (nnz · l) find the range in single precision.
  ///
  /// 2²⁴: about 150k non-zeros at l = 110, where the dense operands outgrow the caches and the
  /// products wait on memory (single precision: A X 0.66 → 0.44 s and Aᵀ Y 0.86 → 0.55 s on a
  /// 100k × 207k matrix, bench/README.md). Smaller problems gain little, and stay `Double`,
  /// so that a problem whose rank l covers is still solved to `Double` rounding.
  static let singlePrecisionWork = 1 << 24

  /// `.single` for products of at least ``singlePrecisionWork`` multiply-adds, else `.double`.
  static func rangeFinderPrecision(for a: SparseMatrix, columns l: Int) -> ProductPrecision {
    a.nonZeroCount * l >= singlePrecisionWork ? .single : .double
  }
}
