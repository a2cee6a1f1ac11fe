import RealModule

/// A named tolerance for comparing floating-point results, with its reason.
///
/// `actual` is close to `expected` when
/// `|actual − expected| ≤ max(absolute, relative × max(|actual|, |expected|))`,
/// the rule swift-numerics' `isApproximatelyEqual(to:absoluteTolerance:relativeTolerance:)` uses.
public struct Tolerance: Sendable, CustomStringConvertible {
  /// Relative tolerance, scaled by the larger magnitude of the two values.
  public var relative: Double
  /// Absolute floor, for values that should be zero.
  public var absolute: Double

  public init(relative: Double, absolute: Double = 0) {
    self.relative = relative
    self.absolute = absolute
  }

  /// Closed-form arithmetic (TF-IDF, norms, counts as doubles): a few ulps of rounding per operation.
  public static let closedForm = Tolerance(relative: 1e-12, absolute: 1e-15)
  /// LAPACK results on well-conditioned inputs: backward-stable, but the order of
  /// floating-point operations differs between BLAS builds.
  public static let decomposition = Tolerance(relative: 1e-9, absolute: 1e-12)
  /// Randomized SVD against the exact one: bounded by the power-iteration error, not rounding.
  public static let randomized = Tolerance(relative: 1e-3, absolute: 1e-9)

  /// Whether two values agree within this tolerance.
  public func accepts(_ actual: Double, _ expected: Double) -> Bool {
    if actual == expected { return true }
    guard actual.isFinite, expected.isFinite else { return false }
    return actual.isApproximatelyEqual(
      to: expected, absoluteTolerance: absolute, relativeTolerance: relative)
      || abs(actual - expected) <= absolute
  }

  public var description: String { "relative \(relative), absolute \(absolute)" }
}
