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
  static func randomized(
    _ a: SparseMatrix, transpose at: SparseMatrix, columns l: Int, powerIterations q: Int,
    using generator: inout some RandomNumberGenerator
  ) throws(LinearAlgebraError) -> SingularValueDecomposition {
    let omega = Matrix.standardNormal(rowCount: a.columnCount, columnCount: l, using: &generator)
    // Intermediate bases only need to stay well conditioned (one Cholesky QR pass); the
    // final one must be orthonormal to rounding (two passes).
    var basis = try a.multiplied(by: omega).orthonormalizedColumns(method: q == 0 ? .choleskyQR2 : .choleskyQR)
    // Each power iteration is Q ← orth(A Aᵀ Q), normalising on the document side only: the
    // term side Aᵀ Q (n × l, the largest block when n ≫ m) is never orthonormalised nor
    // transposed (`gramMultiplied`). Its columns' spread is σ₁/σₗ at most, so A Aᵀ Q's is
    // (σ₁/σₗ)², which Cholesky QR handles (it falls back to Householder past 10⁶).
    for iteration in 0..<q {
      basis = try a.gramMultiplied(by: basis, transpose: at).orthonormalizedColumns(
        method: iteration == q - 1 ? .choleskyQR2 : .choleskyQR)
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
}
