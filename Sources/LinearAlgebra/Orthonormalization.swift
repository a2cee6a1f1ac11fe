internal import CLAPACK

extension Matrix {
  /// An orthonormal basis of this matrix's column space: the thin Q of A = Q R, by LAPACK's
  /// `dgeqrf` (Householder QR) followed by `dorgqr` (explicit Q).
  ///
  /// For an m × n matrix with m ≥ n the result is m × n with QᵀQ = I. Q's first j columns
  /// span A's first j columns whenever those are independent; when A is rank deficient, Q is
  /// still orthonormal (Householder QR does not break down). Used between power iterations
  /// of randomized SVD, where it keeps the columns from collapsing onto σ₁'s direction.
  ///
  /// - Throws: ``LinearAlgebraError/dimensionTooLarge(routine:dimension:)``.
  /// - Precondition: `rowCount >= columnCount`.
  /// - Complexity: O(m n²).
  public func orthonormalizedColumns() throws(LinearAlgebraError) -> Matrix {
    let m = rowCount
    let n = columnCount
    precondition(m >= n, "dgeqrf: thin Q needs rows (\(m)) ≥ columns (\(n))")
    guard n > 0 else { return self }
    var m32 = try lapackInteger(m, routine: "dgeqrf")
    var n32 = try lapackInteger(n, routine: "dgeqrf")
    _ = try lapackInteger(m * n, routine: "dgeqrf")
    var lda = m32
    var a = elements
    var tau = [Double](repeating: 0, count: n)
    var info: Int32 = 0
    var lwork: Int32 = -1
    var query = 0.0
    dgeqrf_(&m32, &n32, &a, &lda, &tau, &query, &lwork, &info)
    try checkInfo(info, routine: "dgeqrf")
    var workCount = workspaceCount(query)
    lwork = try lapackInteger(workCount, routine: "dgeqrf")
    var work = [Double](repeating: 0, count: workCount)
    dgeqrf_(&m32, &n32, &a, &lda, &tau, &work, &lwork, &info)
    try checkInfo(info, routine: "dgeqrf")

    var k32 = n32
    lwork = -1
    dorgqr_(&m32, &n32, &k32, &a, &lda, &tau, &query, &lwork, &info)
    try checkInfo(info, routine: "dorgqr")
    workCount = workspaceCount(query)
    lwork = try lapackInteger(workCount, routine: "dorgqr")
    if work.count < workCount { work = [Double](repeating: 0, count: workCount) }
    dorgqr_(&m32, &n32, &k32, &a, &lda, &tau, &work, &lwork, &info)
    try checkInfo(info, routine: "dorgqr")
    return Matrix(rowCount: m, columnCount: n, columnMajor: a)
  }
}
