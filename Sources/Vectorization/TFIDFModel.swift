import Dispatch
import Foundation
import LinearAlgebra

/// Fitted TF-IDF weights: the vocabulary, each term's document frequency and inverse
/// document frequency, and the weighted training matrix (documents × terms, CSR).
///
/// See ``TFIDFOptions`` for the formulas. The weights equal scikit-learn's
/// `TfidfVectorizer(analyzer=lambda d: d, …)` on the same token lists to 1e-12 relative
/// (checked against fixtures in the tests). Tokens are the same term when their code points
/// are equal, as in Python; canonically equivalent spellings stay distinct terms.
///
/// `Codable` encodes everything, including ``trainingWeights`` as CSR arrays; a model store
/// that keeps the training matrix elsewhere (for example as `.npy`) can encode the parts it
/// needs instead.
public struct TFIDFModel: Sendable, Hashable, Codable {
  /// The options the model was fitted with.
  public let options: TFIDFOptions
  /// The kept terms, in column order.
  public let vocabulary: Vocabulary
  /// Number of training documents *n* (documents folded in later do not change it, nor idf).
  public let documentCount: Int
  /// df(t): the number of training documents containing each term, in column order.
  public let documentFrequency: [Int]
  /// idf(t) for each term, in column order (all ones when `useIDF` is off).
  public let inverseDocumentFrequency: [Double]
  /// The weighted training documents, documents × terms; row *i* is document *i*.
  public let trainingWeights: SparseMatrix

  /// The terms in column order (shorthand for `vocabulary.terms`).
  public var terms: [String] { vocabulary.terms }

  /// Fits the vocabulary and weights in one pass over the tokens.
  ///
  /// The pass assigns provisional indices in order of first occurrence and records each
  /// document's counts; then terms are sorted (``Vocabulary``), pruned by the document
  /// frequency bounds and `maximumFeatures`, and the counts are re-indexed into CSR and
  /// weighted. Documents may be empty (their rows are empty).
  ///
  /// - Parameters:
  ///   - documents: One token array per document.
  ///   - options: See ``TFIDFOptions``.
  /// - Throws: ``VectorizationError/emptyCorpus``, ``VectorizationError/noTokens(documentCount:)``,
  ///   ``VectorizationError/emptyVocabulary(documentCount:minimumDocumentFrequency:maximumDocumentFrequency:)``,
  ///   ``VectorizationError/conflictingDocumentFrequencyBounds(minimum:maximum:documentCount:)``,
  ///   ``VectorizationError/invalidOption(name:value:allowed:)``.
  /// - Complexity: O(T + V log V + nnz log L), for T tokens, V distinct terms, nnz stored
  ///   weights and L the longest document's distinct-term count; memory O(V + nnz).
  public init(fitting documents: [[String]], options: TFIDFOptions = TFIDFOptions())
    throws(VectorizationError)
  {
    try options.validate()
    guard !documents.isEmpty else { throw .emptyCorpus }
    let n = documents.count

    // One pass: provisional ids by first occurrence, counts per document; in chunks of
    // documents on every core, each with its own term table, then the chunks' ids are mapped
    // into one table. Provisional ids only name terms until they are sorted by code point
    // below, so the result does not depend on the chunks.
    let chunks = Self.countedChunks(documents)
    var table = TermTable()
    var rowStarts = [Int](repeating: 0, count: n + 1)
    var ids: [Int32] = []
    var counts: [Int32] = []
    let entryCount = chunks.reduce(0) { $0 + $1.ids.count }
    ids.reserveCapacity(entryCount)
    counts.reserveCapacity(entryCount)
    var row = 0
    for chunk in chunks {
      let global = chunk.table.terms.map { table.id(for: $0) }
      let offset = ids.count
      ids += chunk.ids.lazy.map { global[Int($0)] }
      counts += chunk.counts
      for end in chunk.rowEnds {
        row += 1
        rowStarts[row] = offset + end
      }
    }
    let provisionalTerms = table.terms
    guard !provisionalTerms.isEmpty else { throw .noTokens(documentCount: n) }

    // Document frequencies and total counts per provisional id.
    let provisionalCount = provisionalTerms.count
    var df = [Int](repeating: 0, count: provisionalCount)
    var totals = [Int](repeating: 0, count: provisionalCount)
    for (id, count) in zip(ids, counts) {
      df[Int(id)] += 1
      totals[Int(id)] += Int(count)
    }

    // Pruning, exactly as scikit-learn's _limit_features.
    let high = options.maximumDocumentFrequency.documentCount(outOf: n)
    let low = options.minimumDocumentFrequency.documentCount(outOf: n)
    guard high >= low else {
      throw .conflictingDocumentFrequencyBounds(
        minimum: options.minimumDocumentFrequency, maximum: options.maximumDocumentFrequency,
        documentCount: n)
    }
    let order = table.idsInCodePointOrder()
    var kept = order.map(Int.init).filter { Double(df[$0]) <= high && Double(df[$0]) >= low }
    if let limit = options.maximumFeatures, kept.count > limit {
      // Largest total count first; ties keep term order (a stable sort).
      let chosen = Set(
        kept.enumerated().sorted { a, b in
          totals[a.element] != totals[b.element] ? totals[a.element] > totals[b.element] : a.offset < b.offset
        }.prefix(limit).map(\.element))
      kept = kept.filter { chosen.contains($0) }
    }
    guard !kept.isEmpty else {
      throw .emptyVocabulary(
        documentCount: n, minimumDocumentFrequency: options.minimumDocumentFrequency,
        maximumDocumentFrequency: options.maximumDocumentFrequency)
    }

    var finalIndex = [Int32](repeating: -1, count: provisionalCount)
    for (index, id) in kept.enumerated() { finalIndex[id] = Int32(index) }
    let vocabulary = Vocabulary(sortedUniqueTerms: kept.map { provisionalTerms[$0] })
    let keptDF = kept.map { df[$0] }
    let idf = Self.inverseDocumentFrequency(documentFrequency: keptDF, documentCount: n, options: options)

    // Re-index each row and sort its columns: bucket the kept entries by column (a counting
    // sort, which keeps rows in order within a column), then bucket them back by row, which
    // leaves every row's columns ascending. Two O(nnz + V) passes instead of a comparison sort
    // per row.
    let keptCount = kept.count
    var columnStarts = [Int](repeating: 0, count: keptCount + 1)
    for id in ids {
      let column = finalIndex[Int(id)]
      if column >= 0 { columnStarts[Int(column) + 1] += 1 }
    }
    for j in 0..<keptCount { columnStarts[j + 1] += columnStarts[j] }
    let keptEntryCount = columnStarts[keptCount]
    var byColumnRow = [Int32](repeating: 0, count: keptEntryCount)
    var byColumnCount = [Int32](repeating: 0, count: keptEntryCount)
    var newStarts = [Int](repeating: 0, count: n + 1)
    do {
      var next = columnStarts
      for d in 0..<n {
        for p in rowStarts[d]..<rowStarts[d + 1] {
          let column = Int(finalIndex[Int(ids[p])])
          guard column >= 0 else { continue }
          byColumnRow[next[column]] = Int32(d)
          byColumnCount[next[column]] = counts[p]
          next[column] += 1
          newStarts[d + 1] += 1
        }
      }
    }
    for d in 0..<n { newStarts[d + 1] += newStarts[d] }
    var rowEntries = [(column: Int32, count: Int32)](repeating: (0, 0), count: keptEntryCount)
    do {
      var next = newStarts
      for j in 0..<keptCount {
        for p in columnStarts[j]..<columnStarts[j + 1] {
          let d = Int(byColumnRow[p])
          rowEntries[next[d]] = (Int32(j), byColumnCount[p])
          next[d] += 1
        }
      }
    }
    // Weight each row.
    var columns: [Int32] = []
    var values: [Double] = []
    columns.reserveCapacity(keptEntryCount)
    values.reserveCapacity(keptEntryCount)
    for d in 0..<n {
      Self.appendWeightedRow(
        rowEntries[newStarts[d]..<newStarts[d + 1]], idf: idf, options: options, columns: &columns, values: &values)
    }

    self.options = options
    self.vocabulary = vocabulary
    self.documentCount = n
    self.documentFrequency = keptDF
    self.inverseDocumentFrequency = idf
    self.trainingWeights = SparseMatrix(
      rowCount: n, columnCount: vocabulary.count, rowStarts: newStarts, columnIndices: columns,
      values: values)
  }

  /// One chunk of documents counted: its own provisional ids (``TermTable``), and for each
  /// document its distinct ids and their counts, in first-occurrence order.
  struct CountedChunk: Sendable {
    var table = TermTable()
    var ids: [Int32] = []
    var counts: [Int32] = []
    /// Per document, the end of its entries in `ids` and `counts`.
    var rowEnds: [Int] = []
  }

  /// `documents` counted in consecutive chunks of about equal token counts, one per core when
  /// there are enough tokens to repay the threads (2¹⁸ per chunk), in document order.
  static func countedChunks(_ documents: [[String]]) -> [CountedChunk] {
    let tokenCount = documents.reduce(0) { $0 + $1.count }
    let chunkCount = max(1, min(ProcessInfo.processInfo.activeProcessorCount, tokenCount >> 18))
    var bounds = [0]
    var running = 0
    for (d, document) in documents.enumerated() where bounds.count < chunkCount {
      running += document.count
      if running * chunkCount >= tokenCount * bounds.count { bounds.append(d + 1) }
    }
    if bounds.last != documents.count { bounds.append(documents.count) }
    let ranges = zip(bounds, bounds.dropFirst()).map { $0..<$1 }
    nonisolated(unsafe) var chunks = [CountedChunk](repeating: CountedChunk(), count: ranges.count)
    chunks.withUnsafeMutableBufferPointer { buffer in
      nonisolated(unsafe) let results = buffer
      DispatchQueue.concurrentPerform(iterations: ranges.count) { chunk in
        results[chunk] = count(documents[ranges[chunk]])
      }
    }
    return chunks
  }

  /// The first pass over one chunk of documents.
  private static func count(_ documents: ArraySlice<[String]>) -> CountedChunk {
    var chunk = CountedChunk()
    var scratch: [Int32] = []
    var touched: [Int32] = []
    chunk.rowEnds.reserveCapacity(documents.count)
    for document in documents {
      for token in document {
        let id = chunk.table.id(for: token)
        if Int(id) == scratch.count { scratch.append(0) }
        if scratch[Int(id)] == 0 { touched.append(id) }
        scratch[Int(id)] += 1
      }
      for id in touched {
        chunk.ids.append(id)
        chunk.counts.append(scratch[Int(id)])
        scratch[Int(id)] = 0
      }
      touched.removeAll(keepingCapacity: true)
      chunk.rowEnds.append(chunk.ids.count)
    }
    return chunk
  }

  /// idf(t) = ln((n + s) / (df(t) + s)) + 1 with s = 1 when smoothing, else 0; ones without idf.
  static func inverseDocumentFrequency(
    documentFrequency: [Int], documentCount: Int, options: TFIDFOptions
  ) -> [Double] {
    guard options.useIDF else { return [Double](repeating: 1, count: documentFrequency.count) }
    let s = options.smoothIDF ? 1.0 : 0.0
    let n = Double(documentCount) + s
    return documentFrequency.map { naturalLogarithm(n / (Double($0) + s)) + 1 }
  }

  /// Appends one document's weights (entries sorted by column) to CSR arrays.
  static func appendWeightedRow(
    _ entries: some Collection<(column: Int32, count: Int32)>, idf: [Double], options: TFIDFOptions,
    columns: inout [Int32], values: inout [Double]
  ) {
    let start = values.count
    for (column, count) in entries {
      let raw = Double(count)
      let tf = options.sublinearTermFrequency ? naturalLogarithm(raw) + 1 : raw
      columns.append(column)
      values.append(tf * idf[Int(column)])
    }
    let norm: Double
    switch options.norm {
    case .none: return
    case .l2: norm = l2Norm(values[start...])
    case .l1: norm = values[start...].reduce(0) { $0 + abs($1) }
    }
    guard norm > 0 else { return }
    for p in start..<values.count { values[p] /= norm }
  }
}
