import Testing

@testable import Clustering

@Suite struct RelabellingTests {
  /// Every label array of length 0…6 over the labels {0, 1, 2, 3}.
  static func allLabelArrays() -> [[Int]] {
    var result: [[Int]] = [[]]
    var frontier: [[Int]] = [[]]
    for _ in 1...6 {
      frontier = frontier.flatMap { prefix in (0..<4).map { prefix + [$0] } }
      result += frontier
    }
    return result
  }

  @Test("renumbering by first appearance keeps the partition and is canonical (exhaustive)")
  func exhaustive() {
    for labels in Self.allLabelArrays() {
      let (renumbered, mapping) = relabelledByFirstAppearance(labels)
      #expect(samePartition(renumbered, labels), "\(labels)")
      #expect(relabelledByFirstAppearance(renumbered).labels == renumbered, "\(labels)")
      #expect(mapping.count == Set(labels).count)
      var next = 0
      for label in renumbered {
        #expect(label <= next)
        if label == next { next += 1 }
      }
      // Renaming the input labels does not change the output.
      #expect(relabelledByFirstAppearance(labels.map { 10 - $0 }).labels == renumbered, "\(labels)")
    }
  }
}
