import Dispatch

extension SparseMatrix {
  /// The product A X of this CSR matrix (m × n) and a dense matrix X (n × k), as an m × k
  /// dense matrix.
  ///
  /// X is first copied to row-major order (rows padded to a multiple of the SIMD width) so that
  /// each non-zero aᵢⱼ adds aᵢⱼ·X[j, :] — one contiguous run — into row i of the result, a
  /// SIMD vector at a time in registers. An X larger than a few MiB is swept in row panels
  /// that fit in cache (see `SparseRowKernel`). Row blocks run in parallel when the work is
  /// large enough; each output row is written by exactly one block in the same order as a
  /// serial run, so the result is bit-for-bit identical to the serial one.
  ///
  /// With `precision: .single`, X and the sums are `Float` (the result is returned as
  /// `Double`): each non-zero then reads half the bytes of X, which is what a large product
  /// waits for. Each entry's relative error grows to about 10⁻⁷ times the row's length.
  ///
  /// - Precondition: `x.rowCount == columnCount`.
  /// - Complexity: O(nnz · k + (m + n) k) time, O((m + n) k) extra memory.
  public func multiplied(by x: Matrix, precision: ProductPrecision = .double) -> Matrix {
    precondition(
      x.rowCount == columnCount,
      "sparse product: \(rowCount)×\(columnCount) times \(x.rowCount)×\(x.columnCount)")
    let k = x.columnCount
    let m = rowCount
    guard m > 0, k > 0 else { return Matrix(rowCount: m, columnCount: k) }
    switch precision {
    case .double: return multiplied(by: x, vector: SIMD8<Double>.self)
    case .single: return multiplied(by: x, vector: SIMD16<Float>.self)
    }
  }

  private func multiplied<Vector: SIMD & SendableMetatype>(by x: Matrix, vector: Vector.Type) -> Matrix
  where Vector.Scalar: BinaryFloatingPoint {
    let stride = Self.stride(columns: x.columnCount, vector: vector)
    var workspace = ProductWorkspace()
    let packed = workspace.buffer(0, count: x.rowCount * stride, of: Vector.Scalar.self)
    let product = workspace.buffer(1, count: rowCount * stride, of: Vector.Scalar.self)
    Self.packRowMajor(x, stride: stride, into: packed)
    multiply(byRowMajor: UnsafeBufferPointer(packed), stride: stride, into: product, vector: vector)
    return Self.unpackRowMajor(
      UnsafeBufferPointer(product), rowCount: rowCount, columnCount: x.columnCount, stride: stride)
  }

  /// Row length of a packed operand: `columns` rounded up to a whole number of vectors.
  private static func stride<Vector: SIMD>(columns: Int, vector: Vector.Type) -> Int {
    (columns + Vector.scalarCount - 1) / Vector.scalarCount * Vector.scalarCount
  }

  /// A (Aᵀ Y): this matrix A (m × n) times its transpose `at` (n × m) times a dense Y (m × k),
  /// as an m × k dense matrix; one step of the randomized SVD's power iteration.
  ///
  /// Equal to `multiplied(by: at.multiplied(by: y, precision:), precision:)` up to rounding
  /// (bit for bit, in fact: the same kernel sums in the same order), but the n × k middle factor
  /// Aᵀ Y stays in the row-major layout the kernel writes and reads: with many terms (n ≫ m) it
  /// is the largest block of the SVD, and this skips transposing it out of and back into that
  /// layout. `precision` is as in ``multiplied(by:precision:)``; with `.single` the middle factor
  /// is `Float` too. Repeated products should call
  /// ``gramMultiply(_:transpose:precision:workspace:)`` with one workspace instead.
  ///
  /// - Precondition: `at` has the shape of this matrix's transpose (it should be
  ///   `transposed()`), and `y.rowCount == rowCount`.
  /// - Complexity: O(nnz · k + (m + n) k) time, O((m + n) k) extra memory.
  public func gramMultiplied(by y: Matrix, transpose at: SparseMatrix, precision: ProductPrecision = .double) -> Matrix
  {
    var product = y
    var workspace = ProductWorkspace()
    gramMultiply(&product, transpose: at, precision: precision, workspace: &workspace)
    return product
  }

  /// Replaces Y (m × k) by A (Aᵀ Y), as ``gramMultiplied(by:transpose:precision:)`` computes it
  /// (the same bits), with its operands packed into `workspace`'s blocks and the result written
  /// over Y's elements.
  ///
  /// The randomized SVD's power iterations call it with one workspace: after the first, a
  /// product allocates nothing (at 100k × 207k, l = 110, each used to take 270 MB of fresh
  /// pages).
  ///
  /// - Precondition: as ``gramMultiplied(by:transpose:precision:)``.
  /// - Complexity: O(nnz · k + (m + n) k) time; the workspace holds (m + n) k values.
  public func gramMultiply(
    _ y: inout Matrix, transpose at: SparseMatrix, precision: ProductPrecision = .double,
    workspace: inout ProductWorkspace
  ) {
    precondition(
      at.rowCount == columnCount && at.columnCount == rowCount && at.nonZeroCount == nonZeroCount,
      "gram product: the transpose given is \(at.rowCount)×\(at.columnCount), not \(columnCount)×\(rowCount)")
    precondition(y.rowCount == rowCount, "gram product: \(rowCount)×\(columnCount) with Y of \(y.rowCount) rows")
    guard rowCount > 0, y.columnCount > 0 else { return }
    switch precision {
    case .double: gramMultiply(&y, transpose: at, vector: SIMD8<Double>.self, workspace: &workspace)
    case .single: gramMultiply(&y, transpose: at, vector: SIMD16<Float>.self, workspace: &workspace)
    }
  }

  private func gramMultiply<Vector: SIMD & SendableMetatype>(
    _ y: inout Matrix, transpose at: SparseMatrix, vector: Vector.Type, workspace: inout ProductWorkspace
  ) where Vector.Scalar: BinaryFloatingPoint {
    let stride = Self.stride(columns: y.columnCount, vector: vector)
    // Y's packed rows are read only by the first product, so the second writes over them.
    let outer = workspace.buffer(0, count: rowCount * stride, of: Vector.Scalar.self)
    let middle = workspace.buffer(1, count: columnCount * stride, of: Vector.Scalar.self)
    Self.packRowMajor(y, stride: stride, into: outer)
    at.multiply(byRowMajor: UnsafeBufferPointer(outer), stride: stride, into: middle, vector: vector)
    multiply(byRowMajor: UnsafeBufferPointer(middle), stride: stride, into: outer, vector: vector)
    let (m, k) = (rowCount, y.columnCount)
    y.elements.withUnsafeMutableBufferPointer { elements in
      Self.unpackRowMajor(UnsafeBufferPointer(outer), rowCount: m, columnCount: k, stride: stride, into: elements)
    }
  }

  /// Writes the product with X (row-major rows of `stride` scalars, a multiple of the vector's
  /// width) into `output` (`rowCount` rows of `stride`), whatever it held.
  private func multiply<Vector: SIMD & SendableMetatype>(
    byRowMajor xs: UnsafeBufferPointer<Vector.Scalar>, stride: Int,
    into output: UnsafeMutableBufferPointer<Vector.Scalar>,
    vector: Vector.Type
  ) where Vector.Scalar: BinaryFloatingPoint {
    precondition(
      output.count == rowCount * stride, "sparse product: output of \(output.count), not \(rowCount * stride)")
    rowStarts.withUnsafeBufferPointer { starts in
      // The kernel writes every row that has a non-zero before reading it (its first segment
      // starts from zero), so only empty rows need zeros: filling all of it first was 3 % of a
      // 100k fit.
      if let base = output.baseAddress {
        for i in 0..<rowCount where starts[i] == starts[i + 1] {
          (base + i * stride).update(repeating: 0, count: stride)
        }
      }
      columnIndices.withUnsafeBufferPointer { columns in
        values.withUnsafeBufferPointer { vals in
          let kernel = SparseRowKernel<Vector>(
            starts: starts, columns: columns, values: vals, dense: xs, output: output, stride: stride)
          kernel.runInParallel(rowCount: rowCount, nonZeroCount: nonZeroCount)
        }
      }
    }
  }

  /// Writes `x` (column-major) into `target` as row-major rows of `stride ≥ columnCount`
  /// scalars, zero-padded; every entry of `target` is written.
  private static func packRowMajor<Scalar: BinaryFloatingPoint>(
    _ x: Matrix, stride: Int, into target: UnsafeMutableBufferPointer<Scalar>
  ) {
    let n = x.rowCount
    let k = x.columnCount
    precondition(target.count == n * stride, "packing \(n) rows of \(stride) into \(target.count)")
    x.elements.withUnsafeBufferPointer { source in
      for rowStart in Swift.stride(from: 0, to: n, by: 64) {
        let rowEnd = Swift.min(rowStart + 64, n)
        for j in 0..<k {
          for r in rowStart..<rowEnd { target.initializeElement(at: r * stride + j, to: Scalar(source[r + j * n])) }
        }
        for r in rowStart..<rowEnd {
          for j in k..<stride { target.initializeElement(at: r * stride + j, to: 0) }
        }
      }
    }
  }

  /// Row-major rows of `stride` scalars back to a column-major m × k matrix.
  private static func unpackRowMajor<Scalar: BinaryFloatingPoint>(
    _ rows: UnsafeBufferPointer<Scalar>, rowCount m: Int, columnCount k: Int, stride: Int
  ) -> Matrix {
    let elements = [Double](unsafeUninitializedCapacity: m * k) { target, count in
      HugePages.advise(target)
      unpackRowMajor(rows, rowCount: m, columnCount: k, stride: stride, into: target)
      count = m * k
    }
    return Matrix(rowCount: m, columnCount: k, columnMajor: elements)
  }

  /// Writes row-major rows of `stride` scalars into `target` as a column-major m × k matrix;
  /// every entry of `target` is written.
  private static func unpackRowMajor<Scalar: BinaryFloatingPoint>(
    _ source: UnsafeBufferPointer<Scalar>, rowCount m: Int, columnCount k: Int, stride: Int,
    into target: UnsafeMutableBufferPointer<Double>
  ) {
    precondition(target.count == m * k, "unpacking \(m) × \(k) into \(target.count)")
    for rowStart in Swift.stride(from: 0, to: m, by: 64) {
      let rowEnd = Swift.min(rowStart + 64, m)
      for j in 0..<k {
        for r in rowStart..<rowEnd { target.initializeElement(at: r + j * m, to: Double(source[r * stride + j])) }
      }
    }
  }

  /// The product Aᵀ Y of this matrix's transpose (n × m) and a dense Y (m × k), as n × k.
  ///
  /// Builds the transpose in CSR form (O(nnz)) and calls ``multiplied(by:precision:)``, so the result
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

/// The inner loop of CSR × dense, over raw buffers that outlive it, in the precision of
/// `Vector`'s scalars (`SIMD8<Double>` or `SIMD16<Float>`: 64 bytes, one cache line, each).
private struct SparseRowKernel<Vector: SIMD & SendableMetatype>: @unchecked Sendable
where Vector.Scalar: BinaryFloatingPoint {
  typealias Scalar = Vector.Scalar
  let starts: UnsafeBufferPointer<Int>
  let columns: UnsafeBufferPointer<Int32>
  let values: UnsafeBufferPointer<Double>
  let dense: UnsafeBufferPointer<Scalar>
  let output: UnsafeMutableBufferPointer<Scalar>
  /// Row length of `dense` and `output`, a multiple of the vector's width.
  let stride: Int

  /// Non-zeros per segment: a segment's rows of `dense` (at most 128 × `stride` scalars,
  /// 112 KiB at stride 112 in `Double`) stay in L2 while the column chunks pass over them.
  static var segmentLength: Int { 128 }

  /// Bytes of `dense` per column panel: small enough to stay in the last-level cache (and
  /// shared by the threads, which sweep the panels in the same order), large enough that
  /// the output rows, revisited once per panel, cost little.
  ///
  /// 8 MiB: at 207k terms (a 185 MB term side) 3 MiB made 62 panels, and streaming the
  /// 90 MB output once per panel cost more than the panels saved; 8 MiB was 10–15 % faster
  /// on both products, 24 MiB and no panels slower (bench/README.md, issue 17's third pass).
  static var panelBytes: Int { 8 << 20 }

  /// Rows `range` of the product, each written once.
  ///
  /// When `dense` is larger than one panel, the columns of A (rows of `dense`) are taken in
  /// panels of ``panelBytes`` and each row's non-zeros in the panel are added before moving
  /// on: without panels, Aᵀ Y on a 100k-document corpus read every document's row of Y
  /// (896 bytes at k + p = 110) from memory once per term of the document, 15 GB per product.
  /// Since column indices are sorted within a row, a per-row cursor finds each panel's run.
  func run(rows range: Range<Int>) {
    let panelWidth = Swift.max(1, Self.panelBytes / (stride * MemoryLayout<Scalar>.stride))
    let panelCount = (dense.count / stride + panelWidth - 1) / panelWidth
    if panelCount <= 1 {
      for i in range { accumulate(row: i, terms: starts[i]..<starts[i + 1]) }
      return
    }
    var cursor = Array(starts[range.lowerBound..<range.upperBound])
    for panel in 0..<panelCount {
      let panelEnd = Int32(clamping: (panel + 1) * panelWidth)
      for i in range {
        let first = cursor[i - range.lowerBound]
        let end = starts[i + 1]
        var next = first
        while next < end && columns[next] < panelEnd { next += 1 }
        if next > first { accumulate(row: i, terms: first..<next) }
        cursor[i - range.lowerBound] = next
      }
    }
  }

  /// Adds Σ values[p] · dense[columns[p], :] over `terms` (a run of row `i`'s non-zeros) to output
  /// row `i`, in segments of ``segmentLength``.
  ///
  /// For each pair of vector-wide chunks, a segment's terms are summed in order into two
  /// register-held accumulators, which start from the output row unless `terms` starts the row.
  /// Every entry's sum thus keeps the order of a serial loop over the row, whatever the panels,
  /// segments and threads.
  @inline(__always)
  func accumulate(row i: Int, terms: Range<Int>) {
    guard let x = dense.baseAddress, let out = output.baseAddress else { return }
    let width = Vector.scalarCount
    let vectorBytes = MemoryLayout<Vector>.size
    let raw = UnsafeRawPointer(x)
    var segmentStart = terms.lowerBound
    while segmentStart < terms.upperBound {
      let segmentEnd = Swift.min(segmentStart + Self.segmentLength, terms.upperBound)
      let continuing = segmentStart != starts[i]
      var chunk = 0
      while chunk + 2 * width <= stride {
        let target = UnsafeMutableRawPointer(out + i * stride + chunk)
        var low = continuing ? target.loadUnaligned(as: Vector.self) : Vector()
        var high = continuing ? target.loadUnaligned(fromByteOffset: vectorBytes, as: Vector.self) : Vector()
        for p in segmentStart..<segmentEnd {
          let offset = (Int(columns[p]) * stride + chunk) &* MemoryLayout<Scalar>.stride
          let value = Scalar(values[p])
          low += value * raw.loadUnaligned(fromByteOffset: offset, as: Vector.self)
          high += value * raw.loadUnaligned(fromByteOffset: offset + vectorBytes, as: Vector.self)
        }
        target.storeBytes(of: low, as: Vector.self)
        target.storeBytes(of: high, toByteOffset: vectorBytes, as: Vector.self)
        chunk += 2 * width
      }
      if chunk < stride {
        let target = UnsafeMutableRawPointer(out + i * stride + chunk)
        var sum = continuing ? target.loadUnaligned(as: Vector.self) : Vector()
        for p in segmentStart..<segmentEnd {
          let offset = (Int(columns[p]) * stride + chunk) &* MemoryLayout<Scalar>.stride
          sum += Scalar(values[p]) * raw.loadUnaligned(fromByteOffset: offset, as: Vector.self)
        }
        target.storeBytes(of: sum, as: Vector.self)
      }
      segmentStart = segmentEnd
    }
  }

  /// Splits rows into blocks of roughly equal non-zero counts and runs them concurrently
  /// when the product is big enough to repay the threads (≥ 2²⁰ multiply-adds).
  func runInParallel(rowCount: Int, nonZeroCount: Int) {
    let work = nonZeroCount * stride
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
