import LinearAlgebra
import TestSupport
import Testing

@testable import SimilaritySearch

@Suite struct DiversificationTests {
  /// Document 0 is the query; 1 is a reprint; 2,3 are region A; 4,5 region B; 6 ungrouped.
  let index = CosineIndex(
    documentVectors: Matrix(rows: [
      [1, 0, 0], [1, 0.01, 0], [1, 0.5, 0], [1, 0.8, 0], [1, 0.3, 0.3], [1, 0, 1], [1, 1, 1],
    ]))
  let regions: [String?] = [nil, "A", "A", "A", "B", "B", nil]

  @Test("near-duplicates and same-title documents are dropped")
  func duplicates() {
    let plain = index.nearestNeighbours(of: 0, count: 6)
    #expect(plain.first?.index == 1)
    let rules = Diversification(duplicateThreshold: 0.95)
    let kept = rules.apply(to: plain) { $0 == 4 }
    #expect(!kept.contains { $0.index == 1 || $0.index == 4 })
    #expect(kept.allSatisfy { $0.score < 0.95 })
    #expect(kept == plain.filter { $0.index != 1 && $0.index != 4 })
  }

  @Test("at most one result per group, the best one, and nil keys are not grouped")
  func onePerGroup() {
    let plain = index.nearestNeighbours(of: 0, count: 6)
    let kept = Diversification().apply(to: plain, groupKey: { regions[$0] })
    let keys = kept.compactMap { regions[$0.index] }
    #expect(Set(keys).count == keys.count)
    #expect(kept.contains { $0.index == 6 })
    for neighbour in kept {
      guard let key = regions[neighbour.index] else { continue }
      let bestInGroup = plain.first { regions[$0.index] == key && $0.score < 0.95 }
      #expect(bestInGroup == neighbour)
    }
  }

  @Test("the hybrid search's best-first walk equals filtering the full ranked list")
  func walkMatchesPostFilter() {
    for seed in UInt64(0)..<100 {
      var generator = SplitMix64(seed: seed)
      let n = Int.random(in: 2...8, using: &generator)
      let matrix = randomMatrix(rows: n, columns: 3, using: &generator)
      let index = CosineIndex(documentVectors: matrix)
      let search = HybridSearch(
        latent: index,
        lexical: LexicalIndex(
          rows: InMemorySparseRows(
            columnCount: 1, rowStarts: [Int32](repeating: 0, count: n + 1), columns: [], values: [])))
      let groups = (0..<n).map { _ -> String? in
        let g = Int.random(in: 0...3, using: &generator)
        return g == 0 ? nil : "group \(g)"
      }
      let count = Int.random(in: 0...n, using: &generator)
      let rules = Diversification(duplicateThreshold: 0.9)
      let full = index.nearestNeighbours(of: 0, count: n)
      let expected = Array(rules.apply(to: full, groupKey: { groups[$0] }).prefix(count))
      let actual = search.search(
        .init(latentVector: index.unitVector(0), terms: []), count: count, lexicalWeight: 0, rules: rules,
        admits: { $0 != 0 }, groupKey: { groups[$0] })
      #expect(actual.map(\.index) == expected.map(\.index), "seed \(seed)")
    }
  }
}
