import LinearAlgebra

extension LSAModel {
  /// Reassembles a model from stored parts (a model directory).
  ///
  /// The caller validates shapes first; here a mismatch is a programming error.
  ///
  /// - Precondition: `termLoadings` and `documentCoordinates` have one column per singular
  ///   value, and `singularValues` is positive and non-increasing.
  public init(
    options: LSAOptions, algorithm: LSAOptions.Algorithm, singularValues: [Double],
    termLoadings: Matrix, documentCoordinates: Matrix, totalSumOfSquares: Double
  ) {
    precondition(
      termLoadings.columnCount == singularValues.count
        && documentCoordinates.columnCount == singularValues.count,
      "LSA parts disagree in dimension count")
    self.options = options
    self.algorithm = algorithm
    self.singularValues = singularValues
    self.termLoadings = termLoadings
    self.documentCoordinates = documentCoordinates
    self.totalSumOfSquares = totalSumOfSquares
  }
}
