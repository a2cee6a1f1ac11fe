import Dispatch

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
  /// Rows are taken in blocks that stay in cache, on every core (each entry is computed by one
  /// thread, in the same order, so the result does not depend on the number of cores); the
  /// innermost loop runs over the rows of a block, which the compiler vectorizes; nothing
  /// *n* × *k* is allocated.
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
    let blockCount = (n + blockSize - 1) / blockSize
    elements.withUnsafeBufferPointer { a in
      vectors.elements.withUnsafeBufferPointer { v in
        result.elements.withUnsafeMutableBufferPointer { output in
          nonisolated(unsafe) let (a, v, r) = (a, v, output)
          DispatchQueue.concurrentPerform(iterations: blockCount) { block in
            let start = block * blockSize
            let count = min(blockSize, n - start)
            withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * blockSize) { scratch in
              let (norms, scaled) = (
                scratch.baseAddress.unsafelyUnwrapped, scratch.baseAddress.unsafelyUnwrapped + blockSize
              )
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
    return result
  }

  /// The dot product of every row of a row-major *n* × *k* array with every column of
  /// `vectors`: entry (*i*, *t*) is Σⱼ rows[*i*·*k* + *j*] × v[*j*, *t*], summed over *j* in
  /// order, from 0.
  ///
  /// For rows stored already scaled to unit length (a model's `latent_unit_rows.npy`, written
  /// from ``unitRows()``), this gives the same bits as ``unitRowProducts(with:)`` on the rows
  /// they were scaled from, without reading or scaling those. Rows are shared out to every core
  /// (each entry is computed by one thread, in the same order).
  ///
  /// - Parameters:
  ///   - rows: *n* × *k* values, row after row (a mapped file's values, for example).
  ///   - vectors: *k* × *T*, one vector per column.
  /// - Returns: *n* × *T*.
  /// - Precondition: `rows.count` is a multiple of `vectors.rowCount`.
  /// - Complexity: O(*n* · *k* · *T*).
  public static func rowProducts(ofRowMajor rows: UnsafeBufferPointer<Double>, with vectors: Matrix) -> Matrix {
    let (k, vectorCount) = (vectors.rowCount, vectors.columnCount)
    precondition(k > 0 && rows.count % k == 0, "rows of the vectors' length")
    let n = rows.count / k
    var result = Matrix(rowCount: n, columnCount: vectorCount)
    guard n > 0, vectorCount > 0 else { return result }
    // The vectors row-major (k × T′), T′ the next multiple of 8 (zero columns added), so that a
    // pass sums eight of them at once in two SIMD registers. Each lane adds its products in j
    // order, from 0, like a scalar sum: vector multiplies and adds are lane by lane, never fused.
    let paddedCount = (vectorCount + 7) / 8 * 8
    var byRow = [Double](repeating: 0, count: k * paddedCount)
    for j in 0..<k {
      for t in 0..<vectorCount { byRow[j * paddedCount + t] = vectors.elements[j + t * k] }
    }
    let blockSize = 1_024
    let blockCount = (n + blockSize - 1) / blockSize
    byRow.withUnsafeBufferPointer { v in
      result.elements.withUnsafeMutableBufferPointer { output in
        nonisolated(unsafe) let (x, v, r) = (rows, v, output)
        DispatchQueue.concurrentPerform(iterations: blockCount) { block in
          for i in (block * blockSize)..<min(n, (block + 1) * blockSize) {
            for pass in stride(from: 0, to: paddedCount, by: 8) {
              var low = SIMD4<Double>(repeating: 0)
              var high = SIMD4<Double>(repeating: 0)
              for j in 0..<k {
                let value = SIMD4<Double>(repeating: x[i * k + j])
                let base = j * paddedCount + pass
                low += value * SIMD4(v[base], v[base + 1], v[base + 2], v[base + 3])
                high += value * SIMD4(v[base + 4], v[base + 5], v[base + 6], v[base + 7])
              }
              for lane in 0..<8 where pass + lane < vectorCount {
                r[(pass + lane) * n + i] = lane < 4 ? low[lane] : high[lane - 4]
              }
            }
          }
        }
      }
    }
    return result
  }
}
