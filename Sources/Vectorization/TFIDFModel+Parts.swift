import LinearAlgebra

extension TFIDFModel {
  /// Reassembles a model from stored parts (a model directory).
  ///
  /// The caller validates the parts first (the model store reports a mismatch as a corrupted
  /// model); here a mismatch is a programming error.
  ///
  /// - Parameters:
  ///   - terms: The vocabulary in column order, as ``terms`` returned it (code-point sorted).
  ///   - trainingWeights: The documents × terms weights: the training documents, then any
  ///     folded in later.
  ///   - trainingDocumentCount: *n*, the number of training documents (the first rows of
  ///     `trainingWeights`); `nil` when every row is one, as right after a fit.
  /// - Precondition: `terms`, `documentFrequency`, `inverseDocumentFrequency` and the weight
  ///   columns have the same length, and `terms` is strictly increasing in code-point order.
  public init(
    options: TFIDFOptions, terms: [String], documentFrequency: [Int],
    inverseDocumentFrequency: [Double], trainingWeights: SparseMatrix, trainingDocumentCount: Int? = nil
  ) {
    precondition(
      documentFrequency.count == terms.count && inverseDocumentFrequency.count == terms.count
        && trainingWeights.columnCount == terms.count,
      "TF-IDF parts disagree in length")
    precondition(
      zip(terms, terms.dropFirst()).allSatisfy { Vocabulary.precedes($0, $1) },
      "TF-IDF terms must be strictly increasing in code-point order")
    self.options = options
    self.vocabulary = Vocabulary(sortedUniqueTerms: terms)
    precondition(
      (trainingDocumentCount ?? 0) <= trainingWeights.rowCount, "more training documents than weighted rows")
    self.documentCount = trainingDocumentCount ?? trainingWeights.rowCount
    self.documentFrequency = documentFrequency
    self.inverseDocumentFrequency = inverseDocumentFrequency
    self.trainingWeights = trainingWeights
  }
}
