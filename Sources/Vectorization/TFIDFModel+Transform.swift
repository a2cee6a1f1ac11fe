import LinearAlgebra

extension TFIDFModel {
  /// Weights new documents like the training documents (``TFIDFWeighting/transform(_:)``), so
  /// `transform(trainingDocuments) == trainingWeights`.
  public func transform(_ documents: [[String]]) -> SparseMatrix { weighting.transform(documents) }

  /// For each document, how many of its tokens are in the vocabulary
  /// (``TFIDFWeighting/coverage(of:)``).
  public func coverage(of documents: [[String]]) -> [TermCoverage] { weighting.coverage(of: documents) }
}
