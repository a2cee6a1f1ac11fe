/// An insert-only hash table from terms to dense ids 0, 1, 2, … in order of first insertion,
/// used by the fitting pass, where the lookup per token dominates.
///
/// Terms are compared by UTF-8 bytes (Python's `str` equality, like ``TermKey``). The bytes of
/// every stored term live in one contiguous arena, and the hash is a multiply–xorshift over
/// 8-byte words, much cheaper than `Hasher`'s SipHash for 2–4-character tokens. It is not
/// resistant to adversarial collisions, which a tokenized corpus cannot aim at the process.
struct TermTable {
  private(set) var terms: [String] = []
  private var slots: [Int32]
  private var hashes: [UInt64] = []
  private var arena: [UInt8] = []
  private var offsets: [Int] = [0]
  private var mask: Int

  init(capacity: Int = 1 << 12) {
    var size = 16
    while size < capacity * 2 { size <<= 1 }
    slots = [Int32](repeating: -1, count: size)
    mask = size - 1
  }

  var count: Int { terms.count }

  /// The id of `term`, inserting it with the next id when new.
  ///
  /// Amortized O(length).
  mutating func id(for term: String) -> Int32 {
    var contiguous = term
    return contiguous.withUTF8 { bytes -> Int32 in
      let hash = Self.hash(bytes)
      var slot = Int(truncatingIfNeeded: hash) & mask
      while true {
        let candidate = slots[slot]
        if candidate < 0 { break }
        if hashes[Int(candidate)] == hash, matches(Int(candidate), bytes) { return candidate }
        slot = (slot + 1) & mask
      }
      let id = Int32(terms.count)
      terms.append(term)
      slots[slot] = id
      hashes.append(hash)
      arena.append(contentsOf: bytes)
      offsets.append(arena.count)
      if terms.count * 2 + 2 > slots.count { grow() }
      return id
    }
  }

  private func matches(_ id: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let start = offsets[id]
    let length = offsets[id + 1] - start
    guard length == bytes.count else { return false }
    return arena.withUnsafeBufferPointer { stored in
      for index in 0..<length where stored[start + index] != bytes[index] { return false }
      return true
    }
  }

  private mutating func grow() {
    let size = slots.count * 2
    slots = [Int32](repeating: -1, count: size)
    mask = size - 1
    for id in 0..<hashes.count {
      var slot = Int(truncatingIfNeeded: hashes[id]) & mask
      while slots[slot] >= 0 { slot = (slot + 1) & mask }
      slots[slot] = Int32(id)
    }
  }

  /// Multiply–xorshift over little-endian 8-byte words, then a final avalanche (the
  /// SplitMix64 finalizer).
  static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
    var index = 0
    while index < bytes.count {
      var word: UInt64 = 0
      let end = min(index + 8, bytes.count)
      for b in index..<end { word |= UInt64(bytes[b]) << (8 * UInt64(b - index)) }
      h = (h ^ word) &* 0xBF58_476D_1CE4_E5B9
      h ^= h >> 31
      index = end
    }
    h = (h ^ (h >> 30)) &* 0xBF58_476D_1CE4_E5B9
    h = (h ^ (h >> 27)) &* 0x94D0_49BB_1331_11EB
    return h ^ (h >> 31)
  }
}
