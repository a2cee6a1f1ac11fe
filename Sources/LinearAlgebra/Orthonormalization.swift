internal import CLAPACK

/// How ``Matrix/orthonormalizedColumns(method:)`` computes its thin Q.
public enum OrthonormalizationMethod: String, Sendable, Hashable, Codable {
  /// Householder QR: LAPACK `dgeqrf` then `dorgqr`. Unconditionally stable, but for tall
  /// matrices with fewer than ~128 columns LAPACK runs its unblocked, level-2 code, which
  /// streams the whole matrix once per column.
  case householder
  /// Cholesky QR, twice (Fukaya et al. 2014): R = chol(YᵀY) by `dsyrk` and `dpotrf`,
  /// Q = Y R⁻¹ by `dtrsm`, then once more on Q. Only level-3 BLAS, so many times faster on
  /// tall matrices, and orthonormal to rounding when cond(Y) ≲ 10⁶. When the Cholesky
  /// factorization fails or R's diagonal spans more than 10⁶ (a sign of near rank
  /// deficiency), it falls back to ``householder``, so the result is always orthonormal.
  case choleskyQR2
  /// One pass of Cholesky QR, with the same fallback: half the work of ``choleskyQR2``, and
  /// QᵀQ = I only to about ε·cond(A)². Enough between power iterations, where the basis
  /// just has to stay well conditioned (scikit-learn uses LU there).
  case choleskyQR
}

extension Matrix {
  /// An orthonormal basis of this matrix's column space: the thin Q of A = Q R.
  ///
  /// For an m × n matrix with m ≥ n the result is m × n with QᵀQ = I, and Q's first j
  /// columns span A's first j columns when those are independent. When A is rank deficient,
  /// Householder QR still returns orthonormal columns (it does not break down). Used between
  /// power iterations of randomized SVD, where it keeps the columns from collapsing onto σ₁'s
  /// direction.
  ///
  /// - Parameter method: See ``OrthonormalizationMethod``; default ``OrthonormalizationMethod/householder``.
  /// - Throws: ``LinearAlgebraError/dimensionTooLarge(routine:dimension:)``.
  /// - Precondition: `rowCount >= columnCount`.
  /// - Complexity: O(m n²).
  ///
  /// The method consumes the matrix: called on a temporary (a product's result), Cholesky QR
  /// overwrites its elements with Q instead of copying them (at 100k rows × 110 columns, 88 MB of
  /// fresh pages per step).
  public consuming func orthonormalizedColumns(method: OrthonormalizationMethod = .householder)
    throws(LinearAlgebraError) -> Matrix
  {
    precondition(rowCount >= columnCount, "thin Q needs rows (\(rowCount)) ≥ columns (\(columnCount))")
    var q = consume self
    guard q.columnCount > 0 else { return q }
    switch method {
    case .householder:
      return try q.householderQ()
    case .choleskyQR2:
      // The first step copies (the fallback needs the matrix as it was); the second is in place.
      let original = q
      guard try Self.choleskyStep(&q) != nil, try Self.choleskyStep(&q) != nil else {
        return try original.householderQ()
      }
      return q
    case .choleskyQR:
      if try Self.choleskyStep(&q) != nil { return q }
      return try q.householderQ()
    }
  }

  /// The thin QR factorization A = Q R of this m × n matrix (m ≥ n): Q as
  /// ``orthonormalizedColumns(method:)`` with ``OrthonormalizationMethod/choleskyQR2`` returns
  /// it, and the n × n upper triangular R.
  ///
  /// With Cholesky QR2, R = R₂ R₁ from its two Cholesky factors, so no product with A is
  /// needed; after the Householder fallback, R = QᵀA with its rounding below the diagonal zeroed.
  ///
  /// - Throws: ``LinearAlgebraError/dimensionTooLarge(routine:dimension:)``.
  /// - Precondition: `rowCount >= columnCount`.
  /// - Complexity: O(m n²).
  public func thinQRFactorization() throws(LinearAlgebraError) -> (q: Matrix, r: Matrix) {
    precondition(rowCount >= columnCount, "thin QR needs rows (\(rowCount)) ≥ columns (\(columnCount))")
    guard columnCount > 0 else { return (self, Matrix(rowCount: 0, columnCount: 0)) }
    // The first step copies this matrix (the fallback below needs it); the second is in place.
    var cholesky = self
    if let first = try Self.choleskyStep(&cholesky), let second = try Self.choleskyStep(&cholesky) {
      return (cholesky, try second.multiplied(by: first))
    }
    let q = try householderQ()
    // QᵀA is upper triangular up to rounding; its strictly lower entries are that rounding.
    var r = try q.multiplied(by: self, transposingSelf: true)
    for j in 0..<columnCount {
      for i in (j + 1)..<columnCount { r[i, j] = 0 }
    }
    return (q, r)
  }

  /// Householder thin Q (`dgeqrf`, `dorgqr`).
  private func householderQ() throws(LinearAlgebraError) -> Matrix {
    let m = rowCount
    let n = columnCount
    var m32 = try lapackInteger(m, routine: "dgeqrf")
    var n32 = try lapackInteger(n, routine: "dgeqrf")
    _ = try lapackInteger(m * n, routine: "dgeqrf")
    var lda = m32
    var a = elements
    var tau = [Double](repeating: 0, count: n)
    var info: Int32 = 0
    var lwork: Int32 = -1
    var query = 0.0
    LAPACKLibrary.routines.dgeqrf(&m32, &n32, &a, &lda, &tau, &query, &lwork, &info)
    try checkInfo(info, routine: "dgeqrf")
    var workCount = workspaceCount(query)
    lwork = try lapackInteger(workCount, routine: "dgeqrf")
    var work = [Double](repeating: 0, count: workCount)
    LAPACKLibrary.routines.dgeqrf(&m32, &n32, &a, &lda, &tau, &work, &lwork, &info)
    try checkInfo(info, routine: "dgeqrf")

    var k32 = n32
    lwork = -1
    LAPACKLibrary.routines.dorgqr(&m32, &n32, &k32, &a, &lda, &tau, &query, &lwork, &info)
    try checkInfo(info, routine: "dorgqr")
    workCount = workspaceCount(query)
    lwork = try lapackInteger(workCount, routine: "dorgqr")
    if work.count < workCount { work = [Double](repeating: 0, count: workCount) }
    LAPACKLibrary.routines.dorgqr(&m32, &n32, &k32, &a, &lda, &tau, &work, &lwork, &info)
    try checkInfo(info, routine: "dorgqr")
    return Matrix(rowCount: m, columnCount: n, columnMajor: a)
  }

  /// One Cholesky QR step in place: `y` becomes Q = Y R⁻¹ with RᵀR = YᵀY, and R is returned;
  /// `nil`, with `y` unchanged, when YᵀY is not numerically positive definite or R is too
  /// ill-conditioned for the result to be trusted.
  private static func choleskyStep(_ y: inout Matrix) throws(LinearAlgebraError) -> Matrix? {
    let m = y.rowCount
    let n = y.columnCount
    var m32 = try lapackInteger(m, routine: "dsyrk")
    var n32 = try lapackInteger(n, routine: "dsyrk")
    _ = try lapackInteger(m * n, routine: "dsyrk")
    var lda = m32
    var ldg = n32
    var gram = [Double](repeating: 0, count: n * n)
    var upper = fortranCharacter("U")
    var transpose = fortranCharacter("T")
    var alpha = 1.0
    var beta = 0.0
    y.elements.withUnsafeBufferPointer { y in
      LAPACKLibrary.routines.dsyrk(
        &upper, &transpose, &n32, &m32, &alpha, y.baseAddress, &lda, &beta, &gram, &ldg, 1, 1)
    }
    var info: Int32 = 0
    LAPACKLibrary.routines.dpotrf(&upper, &n32, &gram, &ldg, &info, 1)
    precondition(info >= 0, "dpotrf: argument \(-info) had an illegal value (wrapper bug)")
    if info > 0 { return nil }
    var smallest = Double.infinity
    var largest = 0.0
    for j in 0..<n {
      let d = abs(gram[j + j * n])
      smallest = Swift.min(smallest, d)
      largest = Swift.max(largest, d)
    }
    guard smallest.isFinite, smallest > 0, largest <= 1e6 * smallest else { return nil }
    var right = fortranCharacter("R")
    var noTranspose = fortranCharacter("N")
    var nonUnit = fortranCharacter("N")
    y.elements.withUnsafeMutableBufferPointer { q in
      LAPACKLibrary.routines.dtrsm(
        &right, &upper, &noTranspose, &nonUnit, &m32, &n32, &alpha, &gram, &ldg, q.baseAddress, &lda, 1, 1, 1, 1)
    }
    // dsyrk and dpotrf touched only the upper triangle; the lower one is still zero.
    return Matrix(rowCount: n, columnCount: n, columnMajor: gram)
  }
}
