import Dispatch

extension SparseMatrix {
  /// The product A X of this CSR matrix (m × n) and a dense matrix X (n × k), as an m × k
  /// dense matrix.
  ///
  /// X is first copied to row-major order so that each non-zero aᵢⱼ adds aᵢⱼ·X[j, :] —
  /// one contiguous run of k doubles — into row i of the result. Row blocks run in parallel
  /// when the work is large enough; each output row is written by exactly one block in the
  /// same order as a serial run, so the result is bit-for-bit identical to the serial one.
  ///
  /// - Precondition: `x.rowCount == columnCount`.
  /// - Complexity: O(nnz · k + (m + n) k) time, O((m + n) k) extra memory.
  public func multiplied(by x: Matrix) -> Matrix {
    precondition(
      x.rowCount == columnCount,
      "sparse product: \(rowCount)×\(columnCount) times \(x.rowCount)×\(x.columnCount)")
    let k = x.columnCount
    let m = rowCount
    guard m > 0, k > 0 else { return Matrix(rowCount: m, columnCount: k) }
    // x.transposed() is k × n column-major, i.e. X in row-major order.
    let xRowMajor = x.transposed().elements
    var outRowMajor = [Double](repeating: 0, count: m * k)
    xRowMajor.withUnsafeBufferPointer { xs in
      outRowMajor.withUnsafeMutableBufferPointer { out in
        rowStarts.withUnsafeBufferPointer { starts in
          columnIndices.withUnsafeBufferPointer { columns in
            values.withUnsafeBufferPointer { vals in
              let kernel = SparseRowKernel(
                starts: starts, columns: columns, values: vals, dense: xs, output: out, width: k)
              kernel.runInParallel(rowCount: m, nonZeroCount: nonZeroCount)
            }
          }
        }
      }
    }
    // The row-major m × k result read as column-major is its k × m transpose.
    return Matrix(rowCount: k, columnCount: m, columnMajor: outRowMajor).transposed()
  }

  /// The product Aᵀ Y of this matrix's transpose (n × m) and a dense Y (m × k), as n × k.
  ///
  /// Builds the transpose in CSR form (O(nnz)) and calls ``multiplied(by:)``, so the result
  /// is deterministic and parallel like it. Callers that multiply by Aᵀ repeatedly should call
  /// ``transposed()`` once and reuse it.
  ///
  /// - Precondition: `y.rowCount == rowCount`.
  /// - Complexity: O(nnz · k + (m + n) k).
  public func transposeMultiplied(by y: Matrix) -> Matrix {
    precondition(
      y.rowCount == rowCount,
      "sparse product: (\(rowCount)×\(columnCount))ᵀ times \(y.rowCount)×\(y.columnCount)")
    return transposed().multiplied(by: y)
  }

  /// The transpose, in CSR form with sorted column indices (a counting sort by column).
  ///
  /// - Precondition: `rowCount` fits in `Int32` (it becomes the column index type).
  /// - Complexity: O(nnz + m + n).
  public func transposed() -> SparseMatrix {
    precondition(rowCount <= Int(Int32.max), "sparse transpose: too many rows for Int32 indices")
    var starts = [Int](repeating: 0, count: columnCount + 1)
    for column in columnIndices { starts[Int(column) + 1] += 1 }
    for j in 0..<columnCount { starts[j + 1] += starts[j] }
    var next = starts
    var newColumns = [Int32](repeating: 0, count: nonZeroCount)
    var newValues = [Double](repeating: 0, count: nonZeroCount)
    for i in 0..<rowCount {
      for p in rowStarts[i]..<rowStarts[i + 1] {
        let j = Int(columnIndices[p])
        let q = next[j]
        newColumns[q] = Int32(i)
        newValues[q] = values[p]
        next[j] = q + 1
      }
    }
    return SparseMatrix(
      rowCount: columnCount, columnCount: rowCount, rowStarts: starts, columnIndices: newColumns,
      values: newValues)
  }

  /// The squared Frobenius norm ‖A‖²_F = Σ aᵢⱼ², the sum of all squared singular values.
  ///
  /// - Complexity: O(nnz).
  public var squaredFrobeniusNorm: Double { values.reduce(0) { $0 + $1 * $1 } }
}

/// The inner loop of CSR × dense, over raw buffers that outlive it.
private struct SparseRowKernel: @unchecked Sendable {
  let starts: UnsafeBufferPointer<Int>
  let columns: UnsafeBufferPointer<Int32>
  let values: UnsafeBufferPointer<Double>
  let dense: UnsafeBufferPointer<Double>
  let output: UnsafeMutableBufferPointer<Double>
  let width: Int

  /// Rows `range` of the product, each written once, in row order.
  func run(rows range: Range<Int>) {
    guard let x = dense.baseAddress, let out = output.baseAddress else { return }
    let k = width
    for i in range {
      let row = out + i * k
      for p in starts[i]..<starts[i + 1] {
        let value = values[p]
        let source = x + Int(columns[p]) * k
        for c in 0..<k { row[c] += value * source[c] }
      }
    }
  }

  /// Splits rows into blocks of roughly equal non-zero counts and runs them concurrently
  /// when the product is big enough to repay the threads (≥ 2²⁰ multiply-adds).
  func runInParallel(rowCount: Int, nonZeroCount: Int) {
    let work = nonZeroCount * width
    let blockCount = work < 1 << 20 ? 1 : min(rowCount, 8 * ProcessInfoShim.processorCount)
    guard blockCount > 1 else {
      run(rows: 0..<rowCount)
      return
    }
    var bounds = [0]
    var target = nonZeroCount / blockCount
    for i in 0..<rowCount where starts[i + 1] >= target && bounds.count < blockCount {
      bounds.append(i + 1)
      target += nonZeroCount / blockCount
    }
    if bounds.last != rowCount { bounds.append(rowCount) }
    let blocks = bounds
    DispatchQueue.concurrentPerform(iterations: blocks.count - 1) { b in
      run(rows: blocks[b]..<blocks[b + 1])
    }
  }
}
