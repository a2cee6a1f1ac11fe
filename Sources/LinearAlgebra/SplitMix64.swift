/// A small, fast, seeded random number generator (Steele, Lea and Flood 2014).
///
/// Every API that draws random numbers takes a generator; the CLI passes this one seeded
/// from `--seed`, so the same seed gives the same model. Tests print `seed` on failure.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  public let seed: UInt64
  private var state: UInt64

  public init(seed: UInt64) {
    self.seed = seed
    self.state = seed
  }

  /// The constant the state advances by per draw (2⁶⁴ / φ, odd).
  private static let increment: UInt64 = 0x9E37_79B9_7F4A_7C15

  public mutating func next() -> UInt64 {
    state &+= Self.increment
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// Skips the next `count` draws in O(1).
  ///
  /// The state advances by the same constant per draw, so a generator that skipped *n* draws
  /// continues exactly where *n* calls to ``next()`` would have left it: several threads can
  /// draw consecutive stretches of one sequence.
  public mutating func skip(_ count: Int) {
    precondition(count >= 0, "cannot skip a negative number of draws")
    state &+= UInt64(count) &* Self.increment
  }
}
