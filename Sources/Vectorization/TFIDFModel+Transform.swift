import LinearAlgebra

extension TFIDFModel {
  /// Weights new documents with the fitted vocabulary and idf: rows of the same kind as
  /// ``trainingWeights``, so `transform(trainingDocuments) == trainingWeights`.
  ///
  /// Tokens whose term is not in the vocabulary (never seen, or pruned) are ignored; see
  /// ``coverage(of:)`` for how much that drops. A document with no known terms gets an
  /// empty row.
  ///
  /// - Complexity: O(T + nnz log L) for T tokens.
  public func transform(_ documents: [[String]]) -> SparseMatrix {
    var starts = [Int](repeating: 0, count: documents.count + 1)
    var columns: [Int32] = []
    var values: [Double] = []
    var counts: [Int32: Int32] = [:]
    for (d, document) in documents.enumerated() {
      counts.removeAll(keepingCapacity: true)
      for token in document {
        if let column = vocabulary.index(of: token) { counts[Int32(column), default: 0] += 1 }
      }
      let entries = counts.map { (column: $0.key, count: $0.value) }.sorted { $0.column < $1.column }
      Self.appendWeightedRow(entries, idf: inverseDocumentFrequency, options: options, columns: &columns, values: &values)
      starts[d + 1] = values.count
    }
    return SparseMatrix(
      rowCount: documents.count, columnCount: vocabulary.count, rowStarts: starts,
      columnIndices: columns, values: values)
  }

  /// For each document, how many of its tokens are in the vocabulary.
  ///
  /// - Complexity: O(T).
  public func coverage(of documents: [[String]]) -> [TermCoverage] {
    documents.map { document in
      TermCoverage(
        tokenCount: document.count,
        knownTokenCount: document.reduce(0) { $0 + (vocabulary.index(of: $1) == nil ? 0 : 1) })
    }
  }
}
