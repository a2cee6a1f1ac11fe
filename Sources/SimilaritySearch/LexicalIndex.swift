import LinearAlgebra

/// Cosine similarity of sparse TF-IDF rows: the lexical half of ``HybridSearch``.
///
/// The rows are expected to be l2-normalised (PolicyLens's TF-IDF rows are), so the score of a
/// document is the dot product Σₜ qₜ dₜ of the unit query with its row: only terms that
/// occur in both texts count. A query is scaled to unit length first; a zero query scores 0
/// against everything.
///
/// - Complexity: a query costs O(*nnz*) over all stored columns (one pass, no inverted index),
///   plus O(*V*) for the query's dense copy and bitmap.
public struct LexicalIndex<Rows: SparseRowStorage>: Sendable {
  /// The indexed rows.
  public let rows: Rows

  /// An index over `rows` (nothing is copied).
  public init(rows: Rows) { self.rows = rows }

  /// Number of indexed documents.
  public var documentCount: Int { rows.rowCount }

  /// Row `index` as (column, value) pairs, in stored order.
  public func row(_ index: Int) -> [(column: Int, value: Double)] {
    precondition(index >= 0 && index < rows.rowCount, "row \(index) out of range 0..<\(rows.rowCount)")
    return rows.withUnsafeRows { starts, columns, values in
      let start = Int(starts[index])
      let end = Swift.min(Int(starts[index + 1]), values.count)
      guard start >= 0, start <= end else { return [] }
      return (start..<end).compactMap { position in
        let column = Int(columns[position])
        return column >= 0 && column < rows.columnCount ? (column, values[position]) : nil
      }
    }
  }

  /// The cosine of the query with every row.
  ///
  /// The query's columns are marked in a bitmap (a 200,000-term vocabulary's fits in the L1
  /// cache), so an entry of another term costs one bit test and its value is never read: of a
  /// mapped model, only the pages of values the query shares are read at all. Stretches of
  /// rows are scored on every core.
  ///
  /// - Parameter query: (column, weight) pairs in any scaling; columns outside the index are
  ///   ignored.
  public func scores(for query: [(column: Int, value: Double)]) -> [Double] {
    var dense = [Double](repeating: 0, count: rows.columnCount)
    var marks = [UInt64](repeating: 0, count: (dense.count + 63) / 64)
    for (column, value) in query where column >= 0 && column < dense.count {
      dense[column] += value
      marks[column >> 6] |= 1 << UInt64(column & 63)
    }
    let norm = l2Norm(dense)
    var scores = [Double](repeating: 0, count: rows.rowCount)
    guard norm > 0, norm.isFinite else { return scores }
    for i in dense.indices { dense[i] /= norm }
    let (unitQuery, inQuery) = (dense, marks)
    rows.withUnsafeRows { starts, columns, values in
      scores.withUnsafeMutableBufferPointer { scores in
        nonisolated(unsafe) let (starts, columns, values, scores) = (starts, columns, values, scores)
        let (termCount, valueCount) = (UInt32(unitQuery.count), values.count)
        Stretches(splitting: rows.rowCount, work: valueCount).concurrentForEach { stretch in
          for row in stretch {
            // Offsets and columns are bounds-checked: a damaged model file scores 0, never traps.
            let start = Int(starts[row])
            let end = Swift.min(Int(starts[row + 1]), valueCount)
            guard start >= 0, start <= end else { continue }
            var dot = 0.0
            for position in start..<end {
              let column = UInt32(bitPattern: columns[position])
              guard column < termCount, inQuery[Int(column >> 6)] & (1 << UInt64(column & 63)) != 0 else { continue }
              dot += values[position] * unitQuery[Int(column)]
            }
            scores[row] = Swift.min(1, Swift.max(-1, dot))
          }
        }
      }
    }
    return scores
  }
}
