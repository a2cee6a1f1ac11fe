extension Matrix {
  /// The dot product of every row, scaled to unit length, with every column of `vectors`.
  ///
  /// Entry (*i*, *t*) is
  ///
  ///     (aᵢ / ‖aᵢ‖₂) · v_t = Σⱼ (a[i, j] / ‖aᵢ‖₂) × v[j, t]
  ///
  /// with each row scaled exactly as ``unitRows()`` and ``l2Normalized(_:)`` scale it (zero rows
  /// stay zero) and each sum taken over *j* in order, from 0: the same bits as
  /// `zip(l2Normalized(row(i)), vectors.column(t)).reduce(0) { $0 + $1.0 * $1.1 }`, for every
  /// entry. That is why this is not `unitRows().multiplied(by: vectors)`: BLAS `dgemm` blocks and
  /// fuses the sums differently on every build, so results computed row by row elsewhere (a single
  /// article's evidence) would no longer agree with the batch to the last bit.
  ///
  /// Rows are taken in blocks that stay in cache, and the innermost loop runs over the rows of a
  /// block, which the compiler vectorizes; nothing *n* × *k* is allocated.
  ///
  /// - Parameter vectors: *k* × *T*, one vector per column (unit vectors give cosines).
  /// - Returns: *n* × *T*.
  /// - Precondition: `vectors.rowCount == columnCount`.
  /// - Complexity: O(*n* · *k* · *T*) time, O(*n* · *T*) memory.
  public func unitRowProducts(with vectors: Matrix) -> Matrix {
    precondition(vectors.rowCount == columnCount, "one vector component per column")
    let (n, k, vectorCount) = (rowCount, columnCount, vectors.columnCount)
    var result = Matrix(rowCount: n, columnCount: vectorCount)
    guard n > 0, vectorCount > 0 else { return result }
    let blockSize = 256
    var norms = [Double](repeating: 0, count: blockSize)
    var scaled = [Double](repeating: 0, count: blockSize)
    elements.withUnsafeBufferPointer { a in
      vectors.elements.withUnsafeBufferPointer { v in
        result.elements.withUnsafeMutableBufferPointer { r in
          norms.withUnsafeMutableBufferPointer { norms in
            scaled.withUnsafeMutableBufferPointer { scaled in
              for start in stride(from: 0, to: n, by: blockSize) {
                let count = min(blockSize, n - start)
                // ‖aᵢ‖₂ with the squares summed in column order, as rowNorms() and l2Norm(_:) sum them.
                for i in 0..<count { norms[i] = 0 }
                for j in 0..<k {
                  let column = j * n + start
                  for i in 0..<count { norms[i] += a[column + i] * a[column + i] }
                }
                for i in 0..<count { norms[i] = norms[i].squareRoot() }
                for j in 0..<k {
                  let column = j * n + start
                  for i in 0..<count {
                    let norm = norms[i]
                    scaled[i] = norm > 0 && norm.isFinite ? a[column + i] / norm : 0
                  }
                  for t in 0..<vectorCount {
                    let weight = v[j + t * k]
                    let output = t * n + start
                    for i in 0..<count { r[output + i] += scaled[i] * weight }
                  }
                }
              }
            }
          }
        }
      }
    }
    return result
  }
}
