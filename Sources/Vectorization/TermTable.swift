#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#else
  import Darwin
#endif

/// An insert-only hash table from terms to dense ids 0, 1, 2, … in order of first insertion,
/// used by the fitting pass, where the lookup per token dominates, and by ``Vocabulary`` for
/// its term → column index.
///
/// Terms are compared by UTF-8 bytes (Python's `str` equality), not by Unicode canonical
/// equivalence, which `String`'s `==` and hashing apply (normalizing all non-ASCII text). The bytes of
/// every stored term live in one contiguous arena, and the hash is a multiply–xorshift over
/// 8-byte words, much cheaper than `Hasher`'s SipHash for 2–4-character tokens. It is not
/// resistant to adversarial collisions, which a tokenized corpus cannot aim at the process.
struct TermTable: Sendable {
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

  /// The id of `term`, or `nil` when it was never inserted.
  ///
  /// O(length) expected.
  func id(of term: String) -> Int32? {
    var contiguous = term
    return contiguous.withUTF8 { bytes -> Int32? in
      let hash = Self.hash(bytes)
      var slot = Int(truncatingIfNeeded: hash) & mask
      while true {
        let candidate = slots[slot]
        if candidate < 0 { return nil }
        if hashes[Int(candidate)] == hash, matches(Int(candidate), bytes) { return candidate }
        slot = (slot + 1) & mask
      }
    }
  }

  /// The ids sorted by their terms' UTF-8 bytes (code-point order, ``Vocabulary``'s order).
  ///
  /// Sorts on each term's first eight bytes as one big-endian integer and compares the rest
  /// only on a tie, so the usual 2–4-character Chinese term is ordered by one integer
  /// comparison instead of a string comparison.
  ///
  /// - Complexity: O(V log V) for V terms.
  func idsInCodePointOrder() -> [Int32] {
    arena.withUnsafeBufferPointer { bytes in
      var keys = [(prefix: UInt64, id: Int32)]()
      keys.reserveCapacity(count)
      for id in 0..<count {
        let start = offsets[id]
        let end = Swift.min(offsets[id + 1], start + 8)
        var prefix: UInt64 = 0
        for index in start..<end { prefix |= UInt64(bytes[index]) << (8 * UInt64(7 - (index - start))) }
        keys.append((prefix, Int32(id)))
      }
      keys.sort { a, b in
        if a.prefix != b.prefix { return a.prefix < b.prefix }
        return compare(Int(a.id), Int(b.id), in: bytes) < 0
      }
      return keys.map(\.id)
    }
  }

  /// Three-way comparison of two stored terms' bytes, shorter first on a common prefix.
  private func compare(_ a: Int, _ b: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    let (startA, startB) = (offsets[a], offsets[b])
    let (lengthA, lengthB) = (offsets[a + 1] - startA, offsets[b + 1] - startB)
    let common = Swift.min(lengthA, lengthB)
    if common > 0, let base = bytes.baseAddress {
      let order = Int(memcmp(base + startA, base + startB, common))
      if order != 0 { return order }
    }
    return lengthA - lengthB
  }

  private func matches(_ id: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let start = offsets[id]
    let length = offsets[id + 1] - start
    guard length == bytes.count else { return false }
    guard length > 0, let pointer = bytes.baseAddress else { return true }
    return arena.withUnsafeBufferPointer { stored in
      guard let base = stored.baseAddress else { return false }
      return memcmp(base + start, pointer, length) == 0
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
