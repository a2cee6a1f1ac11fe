internal import CLAPACK

/// Which factor's singular vectors fix the sign of each singular pair.
///
/// A singular pair (uᵢ, vᵢ) is only defined up to a common sign: (−uᵢ, −vᵢ) is just as valid,
/// and LAPACK builds disagree on which one they return. The deciding factor's vector is
/// flipped so that its largest-magnitude component is positive (the first one, if several
/// tie), and the paired vector gets the same flip, so U Σ Vᵀ is unchanged. This is
/// scikit-learn's `svd_flip`; `TruncatedSVD` has decided by the right vectors (V) since
/// version 1.5 so that `fit_transform` and `transform` agree.
public enum SingularVectorSide: String, Sendable, Hashable, Codable {
  /// The columns of U (left singular vectors) decide.
  case left
  /// The columns of V (right singular vectors) decide.
  case right
}

/// A thin singular value decomposition A = U Σ Vᵀ of an m × n matrix, in deterministic form.
///
/// With r = min(m, n): `leftSingularVectors` is U (m × r, orthonormal columns),
/// `singularValues` is diag(Σ) (r values, non-negative, descending) and
/// `rightSingularVectors` is V (n × r, orthonormal columns). Note that V is stored, not Vᵀ;
/// in the body, `u`, `s` and `vt` are LAPACK's names for U, Σ and Vᵀ.
///
/// Signs are fixed per ``SingularVectorSide``. Singular values that are equal to rounding
/// leave their vectors' span determined but not the vectors themselves; no convention can
/// fix that.
public struct SingularValueDecomposition: Sendable, Hashable, Codable {
  /// U: m × r, orthonormal columns.
  public var leftSingularVectors: Matrix
  /// σ₁ ≥ σ₂ ≥ … ≥ σᵣ ≥ 0.
  public var singularValues: [Double]
  /// V: n × r, orthonormal columns.
  public var rightSingularVectors: Matrix

  /// Thin SVD of `matrix` by LAPACK's `dgesdd` (divide and conquer, `jobz = "S"`).
  ///
  /// - Parameters:
  ///   - matrix: Any m × n matrix; an empty matrix gives an empty decomposition.
  ///   - signDecidedBy: The factor whose vectors decide each pair's sign (default V).
  /// - Throws: ``LinearAlgebraError/nonFiniteValue(routine:)`` for NaN or infinite entries,
  ///   ``LinearAlgebraError/didNotConverge(routine:info:)`` when `dgesdd`'s bidiagonal
  ///   iteration fails, ``LinearAlgebraError/dimensionTooLarge(routine:dimension:)``.
  /// - Complexity: O(m n min(m, n)) time; about m n + 4 min(m, n)² + (m + n) min(m, n)
  ///   doubles of memory.
  public init(_ matrix: Matrix, signDecidedBy: SingularVectorSide = .right)
    throws(LinearAlgebraError)
  {
    let m = matrix.rowCount
    let n = matrix.columnCount
    let r = min(m, n)
    guard r > 0 else {
      self.init(
        leftSingularVectors: Matrix(rowCount: m, columnCount: 0), singularValues: [],
        rightSingularVectors: Matrix(rowCount: n, columnCount: 0))
      return
    }
    // Step 1: shapes.
    var m32 = try lapackInteger(m, routine: "dgesdd")
    var n32 = try lapackInteger(n, routine: "dgesdd")
    _ = try lapackInteger(m * n, routine: "dgesdd")
    guard matrix.elements.allSatisfy(\.isFinite) else { throw .nonFiniteValue(routine: "dgesdd") }
    var lda = m32
    var ldu = m32
    var ldvt = try lapackInteger(r, routine: "dgesdd")
    var a = matrix.elements
    var s = [Double](repeating: 0, count: r)
    var u = [Double](repeating: 0, count: m * r)
    var vt = [Double](repeating: 0, count: r * n)
    var iwork = [Int32](repeating: 0, count: 8 * r)
    var info: Int32 = 0
    var jobz = fortranCharacter("S")
    // Step 2: workspace query, then the call.
    var lwork: Int32 = -1
    var query = 0.0
    LAPACKLibrary.routines.dgesdd(
      &jobz, &m32, &n32, &a, &lda, &s, &u, &ldu, &vt, &ldvt, &query, &lwork, &iwork, &info, 1)
    try checkInfo(info, routine: "dgesdd")
    let workCount = workspaceCount(query)
    lwork = try lapackInteger(workCount, routine: "dgesdd")
    var work = [Double](repeating: 0, count: workCount)
    LAPACKLibrary.routines.dgesdd(
      &jobz, &m32, &n32, &a, &lda, &s, &u, &ldu, &vt, &ldvt, &work, &lwork, &iwork, &info, 1)
    // Step 3: info.
    try checkInfo(info, routine: "dgesdd")
    // Step 4: deterministic form. dgesdd already returns σ descending; V = (Vᵀ)ᵀ.
    var left = Matrix(rowCount: m, columnCount: r, columnMajor: u)
    var right = Matrix(rowCount: r, columnCount: n, columnMajor: vt).transposed()
    fixSigns(left: &left, right: &right, decidedBy: signDecidedBy)
    // Step 5.
    self.init(leftSingularVectors: left, singularValues: s, rightSingularVectors: right)
  }

  /// A decomposition from its parts (no checks; used by truncated algorithms).
  public init(leftSingularVectors: Matrix, singularValues: [Double], rightSingularVectors: Matrix) {
    precondition(leftSingularVectors.columnCount == singularValues.count)
    precondition(rightSingularVectors.columnCount == singularValues.count)
    self.leftSingularVectors = leftSingularVectors
    self.singularValues = singularValues
    self.rightSingularVectors = rightSingularVectors
  }
}

/// Flips each column pair (left[:, j], right[:, j]) so that the deciding column's
/// largest-magnitude entry (first on ties) is positive.
///
/// - Complexity: O((m + n) r).
public func fixSigns(left: inout Matrix, right: inout Matrix, decidedBy side: SingularVectorSide) {
  precondition(left.columnCount == right.columnCount, "paired factors need equal column counts")
  for j in 0..<left.columnCount {
    let deciding = side == .left ? left : right
    let rows = deciding.rowCount
    var best = 0.0
    var bestValue = 0.0
    for i in 0..<rows {
      let value = deciding.elements[i + j * rows]
      if abs(value) > best {
        best = abs(value)
        bestValue = value
      }
    }
    guard bestValue < 0 else { continue }
    for i in 0..<left.rowCount { left.elements[i + j * left.rowCount].negate() }
    for i in 0..<right.rowCount { right.elements[i + j * right.rowCount].negate() }
  }
}
