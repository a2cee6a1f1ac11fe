import LinearAlgebra

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#else
  import Darwin
#endif

extension Matrix {
  /// A matrix of independent standard normal entries, filled column by column, drawn by the
  /// Box–Muller transform: for uniform u₁ ∈ (0, 1] and u₂ ∈ [0, 1),
  /// z₁ = √(−2 ln u₁) cos(2π u₂) and z₂ = √(−2 ln u₁) sin(2π u₂).
  ///
  /// Uniforms take the top 53 bits of each `next()`. The same generator state gives the same
  /// matrix on every platform whose `log`, `cos` and `sin` round alike. With a ``SplitMix64``
  /// (the CLI's generator), a large matrix is filled in stretches on every core, each from a
  /// copy of the generator that skipped the draws before its stretch: the same matrix, and the
  /// generator left where a single thread would have left it.
  ///
  /// - Complexity: O(m n) time; m n / 2 pairs of draws.
  static func standardNormal<Generator: RandomNumberGenerator>(
    rowCount: Int, columnCount: Int, using generator: inout Generator
  ) -> Matrix {
    let count = rowCount * columnCount
    let pairCount = (count + 1) / 2
    var elements = [Double](repeating: 0, count: count)
    // 2¹⁶ pairs (a few milliseconds) per thread at least.
    let stretches = Stretches(splitting: pairCount, work: pairCount, minimumWork: 1 << 16)
    if stretches.ranges.count > 1, var splitMix = generator as? SplitMix64 {
      let start = splitMix
      elements.withUnsafeMutableBufferPointer { buffer in
        nonisolated(unsafe) let elements = buffer
        stretches.concurrentForEach { pairs in
          var stretchGenerator = start
          stretchGenerator.skip(2 * pairs.lowerBound)
          fillPairs(pairs, of: elements, using: &stretchGenerator)
        }
      }
      splitMix.skip(2 * pairCount)
      if let advanced = splitMix as? Generator { generator = advanced }
    } else {
      elements.withUnsafeMutableBufferPointer { fillPairs(0..<pairCount, of: $0, using: &generator) }
    }
    return Matrix(rowCount: rowCount, columnCount: columnCount, columnMajor: elements)
  }

  /// Draws the normal pairs `pairs` (elements 2i and 2i + 1 for pair i; the last pair may
  /// have only its first element).
  private static func fillPairs(
    _ pairs: Range<Int>, of elements: UnsafeMutableBufferPointer<Double>,
    using generator: inout some RandomNumberGenerator
  ) {
    for pair in pairs {
      let u1 = Double((generator.next() >> 11) + 1) * 0x1p-53
      let u2 = Double(generator.next() >> 11) * 0x1p-53
      let radius = (-2 * log(u1)).squareRoot()
      let angle = 2 * Double.pi * u2
      let index = 2 * pair
      elements[index] = radius * cos(angle)
      if index + 1 < elements.count { elements[index + 1] = radius * sin(angle) }
    }
  }
}
