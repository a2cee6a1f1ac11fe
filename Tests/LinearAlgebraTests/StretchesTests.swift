import Foundation
import Testing

@testable import LinearAlgebra

@Suite struct StretchesTests {
  @Test("stretches cover 0..<count in order, one per core at most, and only when the work repays them")
  func cover() {
    let cores = ProcessInfo.processInfo.activeProcessorCount
    for (count, work) in [(0, 0), (1, 1 << 30), (3, 1 << 30), (1_000, 1 << 19), (1_000, 1 << 30), (10_007, 5 << 20)] {
      let ranges = Stretches(splitting: count, work: work).ranges
      #expect(ranges.first?.lowerBound == 0 && ranges.last?.upperBound == count, "\(count), \(work)")
      #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
      #expect(ranges.count <= max(1, min(cores, work >> 20, count)))
      #expect(ranges.count == 1 || ranges.allSatisfy { !$0.isEmpty })
    }
    #expect(Stretches(splitting: 1_000, work: (1 << 20) - 1).ranges == [0..<1_000])
  }

  @Test("a concurrent map gives each stretch's result in stretch order")
  func mapInOrder() {
    let stretches = Stretches(splitting: 100_000, work: 1 << 30)
    let sums = stretches.concurrentMap { stretch in stretch.reduce(0, +) }
    #expect(sums == stretches.ranges.map { $0.reduce(0, +) })
    #expect(sums.reduce(0, +) == (0..<100_000).reduce(0, +))
  }
}
