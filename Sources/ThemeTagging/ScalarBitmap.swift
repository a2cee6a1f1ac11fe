/// A set of Unicode scalars as a bitmap, for finding in one pass the positions of a text where
/// any of many ``PhraseCounter``s could match.
struct ScalarBitmap: Sendable {
  private var words = [UInt64](repeating: 0, count: 0x11_0000 / 64)

  /// A bitmap of the scalars any of `counters`' phrases start with.
  init(firstScalarsOf counters: [PhraseCounter]) {
    for counter in counters {
      for value in counter.firstScalars { words[Int(value) >> 6] |= 1 << UInt64(value & 63) }
    }
  }

  /// The positions of `scalars` that hold a scalar of the set, in increasing order.
  ///
  /// - Complexity: O(*n*) for *n* scalars, one bit test each.
  func positions(in scalars: [Unicode.Scalar]) -> [Int] {
    var positions: [Int] = []
    words.withUnsafeBufferPointer { words in
      for (position, scalar) in scalars.enumerated()
      where words[Int(scalar.value) >> 6] & (1 << UInt64(scalar.value & 63)) != 0 {
        positions.append(position)
      }
    }
    return positions
  }
}
