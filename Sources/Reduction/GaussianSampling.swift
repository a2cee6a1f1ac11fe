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
  /// matrix on every platform whose `log`, `cos` and `sin` round alike.
  ///
  /// - Complexity: O(m n) time; m n / 2 pairs of draws.
  static func standardNormal(
    rowCount: Int, columnCount: Int, using generator: inout some RandomNumberGenerator
  ) -> Matrix {
    let count = rowCount * columnCount
    var elements = [Double](repeating: 0, count: count)
    var index = 0
    while index < count {
      let u1 = Double((generator.next() >> 11) + 1) * 0x1p-53
      let u2 = Double(generator.next() >> 11) * 0x1p-53
      let radius = (-2 * log(u1)).squareRoot()
      let angle = 2 * Double.pi * u2
      elements[index] = radius * cos(angle)
      if index + 1 < count { elements[index + 1] = radius * sin(angle) }
      index += 2
    }
    return Matrix(rowCount: rowCount, columnCount: columnCount, columnMajor: elements)
  }
}
