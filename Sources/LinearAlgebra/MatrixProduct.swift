internal import CLAPACK

extension Matrix {
  /// The product op(self) × op(other) by BLAS `dgemm`, where op is the identity or the transpose.
  ///
  ///     result = op(A) op(B),  op(A): m × k,  op(B): k × n,  result: m × n
  ///
  /// Transposition is a flag passed to BLAS, never a copy.
  ///
  /// - Parameters:
  ///   - other: The right factor B.
  ///   - transposingSelf: Use Aᵀ instead of A.
  ///   - transposingOther: Use Bᵀ instead of B.
  /// - Throws: ``LinearAlgebraError/dimensionTooLarge(routine:dimension:)``.
  /// - Precondition: the inner dimensions agree.
  /// - Complexity: O(m n k).
  public func multiplied(
    by other: Matrix, transposingSelf: Bool = false, transposingOther: Bool = false
  ) throws(LinearAlgebraError) -> Matrix {
    let m = transposingSelf ? columnCount : rowCount
    let k = transposingSelf ? rowCount : columnCount
    let otherK = transposingOther ? other.columnCount : other.rowCount
    let n = transposingOther ? other.rowCount : other.columnCount
    precondition(
      k == otherK,
      "dgemm: inner dimensions differ (\(rowCount)×\(columnCount)\(transposingSelf ? "ᵀ" : "") × "
        + "\(other.rowCount)×\(other.columnCount)\(transposingOther ? "ᵀ" : ""))")
    var result = Matrix(rowCount: m, columnCount: n)
    guard m > 0, n > 0 else { return result }
    guard k > 0 else { return result }
    var m32 = try lapackInteger(m, routine: "dgemm")
    var n32 = try lapackInteger(n, routine: "dgemm")
    var k32 = try lapackInteger(k, routine: "dgemm")
    var lda = try lapackInteger(Swift.max(1, rowCount), routine: "dgemm")
    var ldb = try lapackInteger(Swift.max(1, other.rowCount), routine: "dgemm")
    var ldc = m32
    var transA = fortranCharacter(transposingSelf ? "T" : "N")
    var transB = fortranCharacter(transposingOther ? "T" : "N")
    var alpha = 1.0
    var beta = 0.0
    elements.withUnsafeBufferPointer { a in
      other.elements.withUnsafeBufferPointer { b in
        result.elements.withUnsafeMutableBufferPointer { c in
          LAPACKLibrary.routines.dgemm(
            &transA, &transB, &m32, &n32, &k32, &alpha, a.baseAddress, &lda, b.baseAddress, &ldb,
            &beta, c.baseAddress, &ldc, 1, 1)
        }
      }
    }
    return result
  }
}
