import LinearAlgebra
import SimilaritySearch
import Testing

@Suite struct RankedIndicesTests {
  @Test("yields every index in the order of a full sort, past the first batch too", arguments: [1, 7, 64, 1000])
  func matchesFullSort(batch: Int) {
    var generator = SplitMix64(seed: 17)
    // Few distinct values, so ties (ordered by index) are common.
    let scores = (0..<300).map { _ in Double(generator.next() % 12) / 11 - 0.5 }
    let expected = scores.indices.sorted { scores[$0] > scores[$1] || (scores[$0] == scores[$1] && $0 < $1) }
    #expect(Array(RankedIndices(scores, batch: batch)) == expected)
  }

  @Test("a search can stop early, and no scores give no indices")
  func prefixAndEmpty() {
    let scores = [0.1, 0.9, 0.5, 0.9, -1]
    #expect(Array(RankedIndices(scores, batch: 2).prefix(3)) == [1, 3, 2])
    #expect(Array(RankedIndices([])).isEmpty)
  }
}
