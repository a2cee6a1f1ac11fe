import Foundation
import LinearAlgebra
import Testing

@testable import Reduction

@Suite struct GaussianSamplingTests {
  /// Draws from a SplitMix64 that is not one to the sampler, which therefore fills the matrix
  /// on one thread.
  struct OpaqueGenerator: RandomNumberGenerator {
    var base: SplitMix64
    mutating func next() -> UInt64 { base.next() }
  }

  @Test("skipping n draws leaves SplitMix64 where n draws would")
  func skipEqualsDraws() {
    for count in [0, 1, 2, 7, 1_000] {
      var drawn = SplitMix64(seed: 42)
      for _ in 0..<count { _ = drawn.next() }
      var skipped = SplitMix64(seed: 42)
      skipped.skip(count)
      #expect((0..<4).map { _ in drawn.next() } == (0..<4).map { _ in skipped.next() }, "count \(count)")
    }
  }

  @Test("filled on every core, the matrix and the generator's state equal one thread's, bit for bit")
  func parallelFillEqualsSequential() {
    // An odd count (the last pair has one element) over 2¹⁷ pairs: split on two or more cores.
    let (rows, columns) = (601, 437)
    var split = SplitMix64(seed: 9)
    var opaque = OpaqueGenerator(base: SplitMix64(seed: 9))
    let parallel = Matrix.standardNormal(rowCount: rows, columnCount: columns, using: &split)
    let sequential = Matrix.standardNormal(rowCount: rows, columnCount: columns, using: &opaque)
    #expect(parallel.elements == sequential.elements)
    #expect(split.next() == opaque.next(), "the generator should continue where one thread leaves it")

    // The transform itself, for the first pair and the last, lone element.
    var draws = SplitMix64(seed: 9)
    let u1 = Double((draws.next() >> 11) + 1) * 0x1p-53
    let u2 = Double(draws.next() >> 11) * 0x1p-53
    let radius = (-2 * log(u1)).squareRoot()
    #expect(parallel.elements[0] == radius * cos(2 * Double.pi * u2))
    #expect(parallel.elements[1] == radius * sin(2 * Double.pi * u2))
    var last = SplitMix64(seed: 9)
    last.skip(rows * columns - 1)
    let v1 = Double((last.next() >> 11) + 1) * 0x1p-53
    let v2 = Double(last.next() >> 11) * 0x1p-53
    #expect(parallel.elements[rows * columns - 1] == (-2 * log(v1)).squareRoot() * cos(2 * Double.pi * v2))
  }
}
