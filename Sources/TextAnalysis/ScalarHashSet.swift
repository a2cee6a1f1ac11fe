/// A set of ``ScalarHash`` keys with one multiply and usually one load per lookup.
///
/// `Set<UInt64>` hashes with SipHash, which costs more than the segmentation of a short
/// token; this table uses Fibonacci hashing and linear probing at load factor ≤ ¼.
struct ScalarHashSet: Sendable {
  /// The table: a key per slot, 0 for empty.
  ///
  /// Its count is a power of two ≥ 64.
  private(set) var slots: [UInt64]
  private let shift: UInt64

  init<S: Sequence>(_ hashes: S) where S.Element == UInt64 {
    let unique = Set(hashes.map { $0 == 0 ? 1 : $0 })
    var capacity = 64
    while capacity < unique.count * 4 { capacity *= 2 }
    slots = Array(repeating: 0, count: capacity)
    shift = UInt64(64 - capacity.trailingZeroBitCount)
    for key in unique.sorted() {
      var index = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
      while slots[index] != 0 { index = (index + 1) & (capacity - 1) }
      slots[index] = key
    }
  }

  /// Rebuilds a set from its stored ``slots`` (the analyzer cache).
  init(slots: [UInt64]) {
    precondition(slots.count >= 64 && slots.count.nonzeroBitCount == 1)
    self.slots = slots
    self.shift = UInt64(64 - slots.count.trailingZeroBitCount)
  }

  @inline(__always) func contains(_ hash: UInt64) -> Bool {
    let key = hash == 0 ? 1 : hash
    let mask = slots.count &- 1
    var index = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    return slots.withUnsafeBufferPointer { slots in
      while true {
        let stored = slots[index]
        if stored == key { return true }
        if stored == 0 { return false }
        index = (index &+ 1) & mask
      }
    }
  }
}
