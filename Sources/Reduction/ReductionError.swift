import LinearAlgebra

/// Errors raised while fitting an LSA model.
public enum ReductionError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The weight matrix has no rows or no columns.
  case emptyMatrix(documentCount: Int, termCount: Int)
  /// The requested number of dimensions is not in 1 … min(documents, terms).
  case invalidDimensionCount(requested: Int, maximum: Int)
  /// Every weight is zero, so there is no direction to find.
  case zeroMatrix(documentCount: Int, termCount: Int)
  /// An option is outside its allowed range.
  case invalidOption(name: String, value: Int, allowed: String)
  /// A LAPACK routine failed.
  case linearAlgebra(LinearAlgebraError)

  /// What happened, the offending value, and what to try.
  public var description: String {
    switch self {
    case .emptyMatrix(let n, let v):
      "Cannot fit LSA on an empty \(n) × \(v) weight matrix; the corpus needs at least one "
        + "document with at least one term."
    case .invalidDimensionCount(let requested, let maximum):
      "--dimensions must be between 1 and min(documents, terms) = \(maximum); got \(requested)."
    case .zeroMatrix(let n, let v):
      "All weights of the \(n) × \(v) matrix are zero; LSA has nothing to decompose. Check "
        + "that documents still have terms after --min-df/--max-df pruning."
    case .invalidOption(let name, let value, let allowed):
      "\(name) must be \(allowed); got \(value)."
    case .linearAlgebra(let error):
      error.description
    }
  }
}
