/// Errors raised by the linear-algebra wrappers.
///
/// Shape mistakes made by code (multiplying a 3×4 by a 5×2 matrix) are programmer errors and
/// stop at a `precondition`; this enum holds what input data or a numerical routine can cause.
public enum LinearAlgebraError: Error, Sendable, Hashable, CustomStringConvertible {
  /// A LAPACK routine reported `info > 0`: the iteration did not converge.
  case didNotConverge(routine: String, info: Int)
  /// The input holds NaN or an infinity, which LAPACK rejects (`dgesdd` reports
  /// `info = -4`).
  case nonFiniteValue(routine: String)
  /// A dimension or leading dimension does not fit LAPACK's 32-bit `INTEGER`.
  case dimensionTooLarge(routine: String, dimension: Int)

  /// What happened, the offending value, and what to try.
  public var description: String {
    switch self {
    case .didNotConverge(let routine, let info):
      "LAPACK routine \(routine) did not converge (info = \(info)). The input may contain NaN "
        + "or infinite values; check the weights, or retry with a different --dimensions."
    case .nonFiniteValue(let routine):
      "The matrix passed to \(routine) contains NaN or infinite values; check the weights "
        + "(an empty document normalized by zero, or an overflow)."
    case .dimensionTooLarge(let routine, let dimension):
      "A dimension of \(dimension) exceeds LAPACK's 32-bit limit (\(Int32.max)) in \(routine). "
        + "Reduce the corpus, or raise --min-df to shrink the vocabulary."
    }
  }
}
