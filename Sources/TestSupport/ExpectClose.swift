import Testing

/// Checks that `actual` is within `tolerance` of `expected`.
public func expectClose(
  _ actual: Double, _ expected: Double, tolerance: Tolerance = .closedForm,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(
    tolerance.accepts(actual, expected),
    "\(actual) ≠ \(expected) (error \(abs(actual - expected)), tolerance \(tolerance))",
    sourceLocation: sourceLocation)
}

/// Checks two vectors element by element; a failure names the first mismatching index,
/// both values, and the largest error over the whole vector.
public func expectClose(
  _ actual: [Double], _ expected: [Double], tolerance: Tolerance = .closedForm,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  guard actual.count == expected.count else {
    Issue.record(
      Comment(rawValue: "length \(actual.count) ≠ expected length \(expected.count)"),
      sourceLocation: sourceLocation)
    return
  }
  var firstMismatch: Int?
  var largestError = 0.0
  for index in actual.indices {
    let error = abs(actual[index] - expected[index])
    largestError = max(largestError, error.isNaN ? .infinity : error)
    if firstMismatch == nil, !tolerance.accepts(actual[index], expected[index]) {
      firstMismatch = index
    }
  }
  if let index = firstMismatch {
    let message =
      "first mismatch at [\(index)]: \(actual[index]) ≠ \(expected[index]); "
      + "largest error \(largestError); tolerance \(tolerance)"
    Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
  }
}

/// Checks two vectors that may differ by an overall sign (singular vectors).
public func expectEqualUpToSign(
  _ actual: [Double], _ expected: [Double], tolerance: Tolerance = .decomposition,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let dot = zip(actual, expected).reduce(0) { $0 + $1.0 * $1.1 }
  let sign: Double = dot < 0 ? -1 : 1
  expectClose(actual.map { $0 * sign }, expected, tolerance: tolerance, sourceLocation: sourceLocation)
}
