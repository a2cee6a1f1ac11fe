/// The arithmetic of a sparse × dense product.
///
/// A large product waits on memory, not on arithmetic: each non-zero of the sparse matrix
/// reads a whole row of the dense operand (880 bytes at 110 `Double` columns), from outside
/// the core's caches when the operand is large. Single precision halves those bytes.
public enum ProductPrecision: Sendable, Hashable {
  /// `Double` operand and sums: rounding as a serial `Double` loop.
  case double
  /// A `Float` copy of the dense operand, `Float` sums, each sparse value rounded to `Float`
  /// as it is used; the result is returned as `Double`. Each entry carries a relative error
  /// of about 10⁻⁷ per term summed (the unit roundoff of `Float` is 6 × 10⁻⁸).
  case single
}
