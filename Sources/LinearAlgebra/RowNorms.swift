/// The Euclidean (L2) norm ‖x‖₂ = (Σᵢ xᵢ²)^½ of a vector.
///
/// Squares are summed in the collection's order, then the square root taken, with no scaling
/// against overflow (BLAS's `dnrm2` scales): entries above about 10¹⁵⁴ give `infinity`.
/// Every L2 norm in PolicyLens comes from here, so two stages that normalise the same vector
/// agree to the last bit.
///
/// - Parameter vector: The components, in any order the caller wants them summed.
/// - Returns: The norm; 0 for an empty vector.
/// - Complexity: O(*n*).
@inlinable
public func l2Norm<Vector: Sequence<Double>>(_ vector: Vector) -> Double {
  var squares = 0.0
  for value in vector { squares += value * value }
  return squares.squareRoot()
}

extension Matrix {
  /// The L2 norm of each row, ‖aᵢ‖₂ for *i* in 0..<rowCount.
  ///
  /// Each row's squares are summed in column order, as ``l2Norm(_:)`` sums them.
  ///
  /// - Complexity: O(*m*·*n*), one pass over the column-major elements.
  public func rowNorms() -> [Double] {
    var squares = [Double](repeating: 0, count: rowCount)
    elements.withUnsafeBufferPointer { a in
      for j in 0..<columnCount {
        let base = j * rowCount
        for i in 0..<rowCount { squares[i] += a[base + i] * a[base + i] }
      }
    }
    return squares.map { $0.squareRoot() }
  }

  /// This matrix with every row scaled to unit L2 norm: row *i* becomes aᵢ / ‖aᵢ‖₂.
  ///
  /// Rows whose norm is zero or not finite become zero rows, as scikit-learn's `normalize`
  /// leaves zero rows at zero. The dot product of two rows of the result is then the cosine
  /// similarity of the original rows (0 when either is a zero row). This is the only row
  /// normalisation in PolicyLens; ``rowNorms()`` gives the norms divided by.
  ///
  /// - Complexity: O(*m*·*n*).
  public func unitRows() -> Matrix {
    let norms = rowNorms()
    var result = self
    result.elements.withUnsafeMutableBufferPointer { a in
      for j in 0..<columnCount {
        let base = j * rowCount
        for i in 0..<rowCount {
          let norm = norms[i]
          a[base + i] = norm > 0 && norm.isFinite ? a[base + i] / norm : 0
        }
      }
    }
    return result
  }
}

/// `vector / ‖vector‖₂` (``l2Norm(_:)``), or all zeros when the norm is zero or not finite,
/// as ``Matrix/unitRows()`` treats a row.
///
/// - Complexity: O(*n*).
public func l2Normalized(_ vector: [Double]) -> [Double] {
  let norm = l2Norm(vector)
  guard norm > 0, norm.isFinite else { return [Double](repeating: 0, count: vector.count) }
  return vector.map { $0 / norm }
}
