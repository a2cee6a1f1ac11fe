import Foundation
import TestSupport
import Testing

@testable import Clustering

/// `Fixtures/adjusted_rand_index.json`, written by `scripts/ari_fixtures.py` (scikit-learn's
/// `adjusted_rand_score`; versions inside the file).
struct AdjustedRandIndexReference: Decodable {
  struct Case: Decodable {
    var a: [Int]
    var b: [Int]
    var ari: Double
  }
  var cases: [Case]
}

@Suite struct AdjustedRandIndexTests {
  @Test("matches scikit-learn's adjusted_rand_score, unclustered documents as singletons")
  func matchesScikitLearn() throws {
    let reference = try loadFixture(
      AdjustedRandIndexReference.self, named: "adjusted_rand_index.json", in: Bundle.module)
    #expect(reference.cases.count > 10)
    for item in reference.cases {
      expectClose(adjustedRandIndex(between: item.a, and: item.b), item.ari, tolerance: .closedForm)
    }
  }

  @Test("hand-computed: identical, renamed, and crossed partitions")
  func handComputed() {
    // Same partition under other names: 1.
    #expect(adjustedRandIndex(between: [0, 0, 1, 1], and: [1, 1, 0, 0]) == 1)
    // {01}{23} against {02}{13}: index 0, expected 2·2/6 = 2/3, maximum 2: (0 − 2/3)/(2 − 2/3) = −1/2.
    expectClose(adjustedRandIndex(between: [0, 0, 1, 1], and: [0, 1, 0, 1]), -0.5, tolerance: .closedForm)
    // {012}{345} against {01}{23}{45}: index 2, expected 6·3/15 = 6/5, maximum 9/2:
    // (2 − 6/5)/(9/2 − 6/5) = 0.8/3.3.
    expectClose(
      adjustedRandIndex(between: [0, 0, 0, 1, 1, 1], and: [0, 0, 1, 1, 2, 2]), 0.8 / 3.3, tolerance: .closedForm)
    // Two unclustered documents are not together: the same as two singletons.
    #expect(
      adjustedRandIndex(between: [0, 0, 1, 1, -1, -1], and: [0, 0, 1, 1, 2, 2])
        == adjustedRandIndex(between: [0, 0, 1, 1, 2, 3], and: [0, 0, 1, 1, 2, 2]))
  }

  @Test("symmetric, and 1 against itself, over seeded random labellings")
  func symmetric() {
    var generator = SplitMix64(seed: 11)
    for _ in 0..<200 {
      let n = Int.random(in: 0...8, using: &generator)
      let a = (0..<n).map { _ in Int.random(in: -1...3, using: &generator) }
      let b = (0..<n).map { _ in Int.random(in: -1...3, using: &generator) }
      #expect(adjustedRandIndex(between: a, and: b) == adjustedRandIndex(between: b, and: a), "\(a) \(b)")
      #expect(adjustedRandIndex(between: a, and: a) == 1, "\(a)")
    }
  }
}
