import ModelStore
import SimilaritySearch

/// Unit latent rows as the similarity search reads them: mapped from `latent_unit_rows.npy`
/// or held in memory.
struct MappedDenseRows: DenseRowStorage {
  let rowCount: Int
  let dimension: Int
  let elements: NumPyArray<Double>

  func withUnsafeElements<R>(_ body: (UnsafeBufferPointer<Double>) -> R) -> R {
    elements.withUnsafeBufferPointer(body)
  }
}

/// TF-IDF rows in CSR form as the similarity search reads them: mapped from `tfidf_*.npy`
/// or held in memory.
struct MappedSparseRows: SparseRowStorage {
  let columnCount: Int
  let rowStarts: NumPyArray<Int32>
  let columns: NumPyArray<Int32>
  let values: NumPyArray<Double>

  var rowCount: Int { rowStarts.count - 1 }

  func withUnsafeRows<R>(
    _ body: (UnsafeBufferPointer<Int32>, UnsafeBufferPointer<Int32>, UnsafeBufferPointer<Double>) -> R
  ) -> R {
    rowStarts.withUnsafeBufferPointer { starts in
      columns.withUnsafeBufferPointer { columns in
        values.withUnsafeBufferPointer { values in body(starts, columns, values) }
      }
    }
  }
}
