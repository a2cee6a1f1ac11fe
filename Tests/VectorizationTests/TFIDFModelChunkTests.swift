import Foundation
import LinearAlgebra
import Testing

@testable import Vectorization

@Suite struct TFIDFModelChunkTests {
  /// 3,000 documents of 100–300 tokens drawn from 6,000 terms (Han, Latin, digits) with a
  /// Zipf-like skew: over 2¹⁹ tokens, so the first pass runs in a chunk per core.
  static let documents: [[String]] = {
    var generator = SplitMix64(seed: 7)
    let han = Array("低空经济新质生产力未来产业绿色金融数据要素人工智能科技创新开放合作营商环境制造集群")
    let vocabulary = (0..<6_000).map { index -> String in
      switch index % 3 {
      case 0: String([han[index % han.count], han[(index / han.count) % han.count], han[(index / 7) % han.count]])
      case 1: "t\(index)"
      default: "\(index)年"
      }
    }
    return (0..<3_000).map { _ in
      let length = 100 + Int(generator.next() % 201)
      return (0..<length).map { _ in
        // The minimum of two uniform draws favours low ranks.
        let a = Int(generator.next() % UInt64(vocabulary.count))
        let b = Int(generator.next() % UInt64(vocabulary.count))
        return vocabulary[min(a, b)]
      }
    }
  }()

  @Test(
    "counted and weighted in chunks on every core, the fit equals TF-IDF computed the slow way",
    arguments: [
      TFIDFOptions(),
      // Pruning drops entries from every chunk (rare terms and the commonest), and sublinear tf
      // takes the other weighting branch.
      TFIDFOptions(
        sublinearTermFrequency: true, minimumDocumentFrequency: .count(3),
        maximumDocumentFrequency: .proportion(0.2)),
    ])
  func chunkedFitMatchesDirectDefinition(options: TFIDFOptions) throws {
    let documents = Self.documents
    if ProcessInfo.processInfo.activeProcessorCount > 1 {
      #expect(TFIDFModel.countedChunks(documents).count > 1, "the test corpus should be split")
    }
    let model = try TFIDFModel(fitting: documents, options: options)

    // The definition: terms in code-point order within the document-frequency bounds, smoothed
    // idf, raw or sublinear counts, l2-normalised rows.
    var documentFrequency: [String: Int] = [:]
    let countsPerDocument = documents.map { document -> [String: Int] in
      var counts: [String: Int] = [:]
      for token in document { counts[token, default: 0] += 1 }
      for term in counts.keys { documentFrequency[term, default: 0] += 1 }
      return counts
    }
    let n = Double(documents.count)
    let low = options.minimumDocumentFrequency.documentCount(outOf: documents.count)
    let high = options.maximumDocumentFrequency.documentCount(outOf: documents.count)
    let terms = documentFrequency.filter { (low...high).contains(Double($0.value)) }.keys
      .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    #expect(terms.count < documentFrequency.count || options == TFIDFOptions(), "the bounds should prune")
    #expect(model.terms == terms)
    let idf = terms.map { log((n + 1) / (Double(documentFrequency[$0] ?? 0) + 1)) + 1 }
    #expect(model.documentFrequency == terms.map { documentFrequency[$0] ?? 0 })
    let column = Dictionary(uniqueKeysWithValues: terms.enumerated().map { ($1, $0) })
    for (row, counts) in countsPerDocument.enumerated() {
      let entries = counts.compactMap { term, count -> (column: Int, value: Double)? in
        guard let j = column[term] else { return nil }
        let tf = options.sublinearTermFrequency ? log(Double(count)) + 1 : Double(count)
        return (j, tf * idf[j])
      }.sorted { $0.column < $1.column }
      let norm = entries.reduce(0) { $0 + $1.value * $1.value }.squareRoot()
      let fitted = model.trainingWeights.row(row)
      #expect(fitted.map(\.column) == entries.map(\.column), "row \(row)")
      for (a, b) in zip(fitted, entries) where abs(a.value - b.value / norm) > 1e-12 {
        Issue.record("row \(row), column \(a.column): \(a.value) vs \(b.value / norm)")
        return
      }
    }
  }
}
