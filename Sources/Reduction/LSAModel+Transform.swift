import LinearAlgebra

extension LSAModel {
  /// Folds documents into topic space.
  ///
  /// Each weight row q (1 × terms) maps to
  ///
  ///     q̂ = q V_k Σ_k⁻¹   (1 × k),
  ///
  /// the documents × terms form of the literature's Σ⁻¹ Uᵀ q (Deerwester et al. 1990;
  /// Berry, Dumais and O'Brien 1995). Training rows map to their ``documentCoordinates``
  /// (exactly for randomized fits, to rounding for exact ones). The fitted topics do not
  /// change: fold-in is cheap but drifts as new documents' vocabulary departs from the
  /// training corpus; refit when much of it is unknown.
  ///
  /// - Parameter weights: Documents × terms, weighted like the training matrix (the same
  ///   `TFIDFModel`).
  /// - Returns: Documents × k coordinates. An empty row maps to the origin.
  /// - Precondition: `weights.columnCount` equals the training term count.
  /// - Complexity: O(nnz · k).
  public func transform(_ weights: SparseMatrix) -> Matrix {
    precondition(
      weights.columnCount == termLoadings.rowCount,
      "LSA transform: \(weights.columnCount) terms, model has \(termLoadings.rowCount)")
    return Self.foldIn(weights, loadings: termLoadings, singularValues: singularValues)
  }
}
