import LinearAlgebra

/// Principal component analysis by SVD of the centred rows, for low-dimensional maps.
///
/// With μ the mean row of *X* (*n* × *d*) and the thin SVD of the centred matrix
///
///     X − 1 μᵀ = U Σ Vᵀ,
///
/// the scores on the first *c* principal components are the columns of U_c Σ_c (equal to
/// (X − 1 μᵀ) V_c): column *j* has variance σⱼ² / *n*, so the first column spreads the rows
/// most. This is scikit-learn's `PCA(n_components=c).fit_transform(X)` without whitening.
/// Signs follow ``LinearAlgebra/SingularValueDecomposition``'s convention (each principal
/// axis's largest-magnitude entry is positive), so the same input always gives the same map.
public enum PrincipalComponents {
  /// The scores of the rows of `rows` on their first `count` principal components.
  ///
  /// The report's article map passes unit latent vectors and `count` 2: centring removes the
  /// "mean article" direction that LSA's first dimension mostly is, so cosine neighbours sit
  /// close together.
  ///
  /// - Parameters:
  ///   - rows: *n* × *d*, one observation per row.
  ///   - count: Number of components *c*, at least 1.
  /// - Returns: *n* × *c* scores. With fewer than 2 rows or fewer than `count` columns there is
  ///   no *c*-dimensional spread to show and every score is 0; components beyond the rank of
  ///   the centred matrix score 0.
  /// - Throws: ``ReductionError/linearAlgebra(_:)`` when `dgesdd` does not converge.
  /// - Complexity: O(*n*·*d*·min(*n*, *d*)), one dense SVD.
  public static func scores(of rows: Matrix, count: Int) throws(ReductionError) -> Matrix {
    precondition(count >= 1, "the number of principal components must be at least 1")
    let n = rows.rowCount
    let d = rows.columnCount
    var scores = Matrix(rowCount: n, columnCount: count)
    guard n >= 2, d >= count else { return scores }
    var centred = rows
    for j in 0..<d {
      let mean = (0..<n).reduce(0) { $0 + centred[$1, j] } / Double(n)
      for i in 0..<n { centred[i, j] -= mean }
    }
    let svd: SingularValueDecomposition
    do {
      svd = try SingularValueDecomposition(centred)
    } catch {
      throw .linearAlgebra(error)
    }
    let sigma = svd.singularValues
    for j in 0..<min(count, sigma.count) {
      for i in 0..<n { scores[i, j] = svd.leftSingularVectors[i, j] * sigma[j] }
    }
    return scores
  }
}
