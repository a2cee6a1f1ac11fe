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
    let sharedIDs = chunks.map { chunk in chunk.table.terms.map { table.id(for: $0) } }
    let provisionalTerms = table.terms
    guard !provisionalTerms.isEmpty else { throw .noTokens(documentCount: n) }

    // Document frequencies and total counts per provisional id.
    let provisionalCount = provisionalTerms.count
    var df = [Int](repeating: 0, count: provisionalCount)
    var totals = [Int](repeating: 0, count: provisionalCount)
    for (chunk, shared) in zip(chunks, sharedIDs) {
      for (local, id) in shared.enumerated() {
        df[Int(id)] += chunk.documentFrequency[local]
        totals[Int(id)] += chunk.totalCount[local]
      }
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

    // Each chunk's rows are re-indexed to the kept columns and weighted on its own core, into
    // its own stretch of the CSR arrays: where it starts follows from the kept entries of the
    // chunks before it (a kept term's document frequency in the chunk is its entry count).
    let chunkColumns = zip(chunks, sharedIDs).map { chunk, shared in shared.map { finalIndex[Int($0)] } }
    let keptEntries = zip(chunks, chunkColumns).map { chunk, columns in
      zip(chunk.documentFrequency, columns).reduce(0) { $0 + ($1.1 >= 0 ? $1.0 : 0) }
    }
    let firstEntries = Self.runningTotals(keptEntries)
    let firstRows = Self.runningTotals(chunks.map(\.rowEnds.count))
    let keptCount = kept.count
    let keptEntryCount = firstEntries[chunks.count]
    var rowStarts = [Int](repeating: 0, count: n + 1)
    var columns = [Int32](repeating: 0, count: keptEntryCount)
    var values = [Double](repeating: 0, count: keptEntryCount)
    rowStarts.withUnsafeMutableBufferPointer { rowStarts in
      columns.withUnsafeMutableBufferPointer { columns in
        values.withUnsafeMutableBufferPointer { values in
          nonisolated(unsafe) let output = (rowStarts: rowStarts, columns: columns, values: values)
          DispatchQueue.concurrentPerform(iterations: chunks.count) { c in
            Self.writeRows(
              of: chunks[c], columnOf: chunkColumns[c], keptCount: keptCount, idf: idf, options: options,
              firstRow: firstRows[c], firstEntry: firstEntries[c], into: output)
          }
        }
      }
    }

    self.options = options
    self.vocabulary = vocabulary
    self.documentCount = n
    self.documentFrequency = keptDF
    self.inverseDocumentFrequency = idf
    self.trainingWeights = SparseMatrix(
      rowCount: n, columnCount: vocabulary.count, rowStarts: rowStarts, columnIndices: columns,
      values: values)
  }

  /// Writes one counted chunk's rows, re-indexed to the kept columns and weighted, into the
  /// model's CSR arrays: rows from `firstRow`, entries from `firstEntry`.
  ///
  /// Each row's columns are sorted by bucketing the chunk's kept entries by column (a counting
  /// sort, which keeps rows in order within a column), then back by row, which leaves every
  /// row's columns ascending: two O(nnz + V) passes instead of a comparison sort per row.
  private static func writeRows(
    of chunk: CountedChunk, columnOf localColumn: [Int32], keptCount: Int, idf: [Double], options: TFIDFOptions,
    firstRow: Int, firstEntry: Int,
    into output: (
      rowStarts: UnsafeMutableBufferPointer<Int>, columns: UnsafeMutableBufferPointer<Int32>,
      values: UnsafeMutableBufferPointer<Double>
    )
  ) {
    var columnStarts = [Int](repeating: 0, count: keptCount + 1)
    var rowStarts = [Int](repeating: firstEntry, count: chunk.rowEnds.count + 1)
    var start = 0
    for (row, end) in chunk.rowEnds.enumerated() {
      var keptInRow = 0
      for p in start..<end {
        let column = localColumn[Int(chunk.ids[p])]
        if column >= 0 {
          columnStarts[Int(column) + 1] += 1
          keptInRow += 1
        }
      }
      rowStarts[row + 1] = rowStarts[row] + keptInRow
      start = end
    }
    for j in 0..<keptCount { columnStarts[j + 1] += columnStarts[j] }
    // Each chunk writes its rows' ends (row 0 starts at 0), so no element is written twice.
    for row in chunk.rowEnds.indices { output.rowStarts[firstRow + row + 1] = rowStarts[row + 1] }

    let entryCount = columnStarts[keptCount]
    var byColumnRow = [Int32](repeating: 0, count: entryCount)
    var byColumnCount = [Int32](repeating: 0, count: entryCount)
    do {
      var next = columnStarts
      var start = 0
      for (row, end) in chunk.rowEnds.enumerated() {
        for p in start..<end {
          let column = Int(localColumn[Int(chunk.ids[p])])
          guard column >= 0 else { continue }
          byColumnRow[next[column]] = Int32(row)
          byColumnCount[next[column]] = chunk.counts[p]
          next[column] += 1
        }
        start = end
      }
    }
    var next = rowStarts
    for j in 0..<keptCount {
      for p in columnStarts[j]..<columnStarts[j + 1] {
        let row = Int(byColumnRow[p])
        output.columns[next[row]] = Int32(j)
        output.values[next[row]] = Double(byColumnCount[p])
        next[row] += 1
      }
    }
    for row in chunk.rowEnds.indices {
      let entries = rowStarts[row]..<rowStarts[row + 1]
      weigh(
        UnsafeMutableBufferPointer(rebasing: output.values[entries]),
        columns: UnsafeBufferPointer(rebasing: output.columns[entries]), idf: idf, options: options)
    }
  }

  /// 0 and the running sums of `counts`: where each of a sequence of stretches starts, and
  /// (last) where the last ends.
  private static func runningTotals(_ counts: [Int]) -> [Int] {
    var total = 0
    return [0]
      + counts.map { count in
        total += count
        return total
      }
  }

  /// One chunk of documents counted: its own provisional ids (``TermTable``), for each
  /// document its distinct ids and their counts, in first-occurrence order, and per id the
  /// number of the chunk's documents containing it and its total count.
  struct CountedChunk: Sendable {
    var table = TermTable()
    var ids: [Int32] = []
    var counts: [Int32] = []
    /// Per document, the end of its entries in `ids` and `counts`.
    var rowEnds: [Int] = []
    /// Per id, the number of documents (entries) with it.
    var documentFrequency: [Int] = []
    /// Per id, the sum of its counts.
    var totalCount: [Int] = []
  }

  /// `documents` counted in consecutive chunks of about equal token counts, one per core when
  /// there are enough tokens to repay the threads (2¹⁵ per chunk), in document order.
  static func countedChunks(_ documents: [[String]]) -> [CountedChunk] {
    let tokenCount = documents.reduce(0) { $0 + $1.count }
    let chunkCount = max(1, min(ProcessInfo.processInfo.activeProcessorCount, tokenCount >> 15))
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
    // A document has at most as many entries as tokens: reserving that much up front touches
    // only the pages the entries fill, where doubling would copy them into fresh ones.
    let tokenCount = documents.reduce(0) { $0 + $1.count }
    chunk.ids.reserveCapacity(tokenCount)
    chunk.counts.reserveCapacity(tokenCount)
    for document in documents {
      for token in document {
        let id = chunk.table.id(for: token)
        if Int(id) == scratch.count {
          scratch.append(0)
          chunk.documentFrequency.append(0)
          chunk.totalCount.append(0)
        }
        if scratch[Int(id)] == 0 { touched.append(id) }
        scratch[Int(id)] += 1
      }
      for id in touched {
        chunk.ids.append(id)
        chunk.counts.append(scratch[Int(id)])
        chunk.documentFrequency[Int(id)] += 1
        chunk.totalCount[Int(id)] += Int(scratch[Int(id)])
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
      columns.append(column)
      values.append(Double(count))
    }
    values.withUnsafeMutableBufferPointer { values in
      columns.withUnsafeBufferPointer { columns in
        weigh(
          UnsafeMutableBufferPointer(rebasing: values[start...]),
          columns: UnsafeBufferPointer(rebasing: columns[start...]),
          idf: idf, options: options)
      }
    }
  }

  /// Turns one row's raw counts into its weights in place: tf(count) · idf(column), then the
  /// row's norm divided out.
  static func weigh(
    _ values: UnsafeMutableBufferPointer<Double>, columns: UnsafeBufferPointer<Int32>, idf: [Double],
    options: TFIDFOptions
  ) {
    for (p, column) in columns.enumerated() {
      let tf = options.sublinearTermFrequency ? naturalLogarithm(values[p]) + 1 : values[p]
      values[p] = tf * idf[Int(column)]
    }
    let norm: Double
    switch options.norm {
    case .none: return
    case .l2: norm = l2Norm(values)
    case .l1: norm = values.reduce(0) { $0 + abs($1) }
    }
    guard norm > 0 else { return }
    for p in values.indices { values[p] /= norm }
  }
}
