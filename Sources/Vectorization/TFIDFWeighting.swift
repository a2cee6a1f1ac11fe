import LinearAlgebra

/// What a TF-IDF fit learned, without the training matrix: the options, the vocabulary, the number
/// of training documents and each term's document frequency and idf.
///
/// It weights any document exactly as the training documents were weighted; a query needs nothing
/// else.
///
/// ``TFIDFModel`` is this plus the weighted training documents.
public struct TFIDFWeighting: Sendable, Hashable {
  /// The options the weights were fitted with.
  public let options: TFIDFOptions
  /// The kept terms, in column order.
  public let vocabulary: Vocabulary
  /// Number of training documents *n* (documents added later do not change it).
  public let trainingDocumentCount: Int
  /// df(t) over the training documents, in column order.
  public let documentFrequency: [Int]
  /// idf(t) for each term, in column order (all ones when `useIDF` is off).
  public let inverseDocumentFrequency: [Double]

  /// Reassembles learned weights from stored parts.
  ///
  /// - Precondition: `terms`, `documentFrequency` and `inverseDocumentFrequency` have the same
  ///   length, and `terms` is strictly increasing in code-point order (the caller validates
  ///   stored files first).
  /// - Parameter indexesTerms: Whether the vocabulary hashes every term for O(1) lookups (to
  ///   weight documents) or finds them by binary search (to weight a query of a few words
  ///   without hashing the whole vocabulary first); the weights are the same.
  public init(
    options: TFIDFOptions, terms: [String], trainingDocumentCount: Int, documentFrequency: [Int],
    inverseDocumentFrequency: [Double], indexesTerms: Bool = true
  ) {
    precondition(
      documentFrequency.count == terms.count && inverseDocumentFrequency.count == terms.count,
      "TF-IDF parts disagree in length")
    precondition(
      zip(terms, terms.dropFirst()).allSatisfy { Vocabulary.precedes($0, $1) },
      "TF-IDF terms must be strictly increasing in code-point order")
    self.init(
      options: options, vocabulary: Vocabulary(sortedUniqueTerms: terms, indexed: indexesTerms),
      trainingDocumentCount: trainingDocumentCount, documentFrequency: documentFrequency,
      inverseDocumentFrequency: inverseDocumentFrequency)
  }

  init(
    options: TFIDFOptions, vocabulary: Vocabulary, trainingDocumentCount: Int, documentFrequency: [Int],
    inverseDocumentFrequency: [Double]
  ) {
    self.options = options
    self.vocabulary = vocabulary
    self.trainingDocumentCount = trainingDocumentCount
    self.documentFrequency = documentFrequency
    self.inverseDocumentFrequency = inverseDocumentFrequency
  }

  /// Weights documents with the fitted vocabulary and idf: rows of the same kind as the
  /// training rows, so weighting the training documents again gives the training matrix.
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
      TFIDFModel.appendWeightedRow(
        entries, idf: inverseDocumentFrequency, options: options, columns: &columns, values: &values)
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

extension TFIDFModel {
  /// The learned part of the model (everything but the training matrix).
  public var weighting: TFIDFWeighting {
    TFIDFWeighting(
      options: options, vocabulary: vocabulary, trainingDocumentCount: documentCount,
      documentFrequency: documentFrequency, inverseDocumentFrequency: inverseDocumentFrequency)
  }
}
