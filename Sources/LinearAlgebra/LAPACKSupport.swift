internal import CLAPACK

/// Converts a dimension to LAPACK's 32-bit `INTEGER`, or throws
/// ``LinearAlgebraError/dimensionTooLarge(routine:dimension:)``.
@inline(__always)
func lapackInteger(_ value: Int, routine: String) throws(LinearAlgebraError) -> Int32 {
  guard let result = Int32(exactly: value) else {
    throw .dimensionTooLarge(routine: routine, dimension: value)
  }
  return result
}

/// Step 3 of every wrapper: `info < 0` is a bug in the wrapper (a precondition naming the
/// argument); `info > 0` is a typed non-convergence error.
@inline(__always)
func checkInfo(_ info: Int32, routine: String) throws(LinearAlgebraError) {
  precondition(info >= 0, "\(routine): argument \(-info) had an illegal value (wrapper bug)")
  if info > 0 { throw .didNotConverge(routine: routine, info: Int(info)) }
}

/// The workspace size a LAPACK query (`lwork = -1`) returned, rounded up and at least 1.
@inline(__always)
func workspaceCount(_ query: Double) -> Int { max(1, Int(query.rounded(.up))) }

/// A Fortran `CHARACTER*1` argument.
@inline(__always)
func fortranCharacter(_ character: Unicode.Scalar) -> CChar { CChar(UInt8(ascii: character)) }
