/// A word-frequency lexicon with prefix lookup, as jieba's `FREQ` dictionary.
///
/// jieba stores every word with its frequency and every proper prefix of a word with
/// frequency 0, so the DAG builder can stop extending a fragment as soon as it is not a
/// prefix of any word. This type keeps the same information in an open-addressing hash
/// table keyed by ``ScalarHash`` (64-bit FNV-1a of the scalar values). Each slot is two
/// adjacent `UInt64`s, so a probe touches one cache line:
///
/// - `slots[2i]` is the key, or 0 for an empty slot;
/// - `slots[2i + 1]` holds the bits of `ln(freq)` for a word, or of `-∞` for a prefix-only
///   entry or a word of frequency 0 (both are "in FREQ but not a word" for the DAG).
///
/// Slots are found by Fibonacci hashing (`key × 0x9E3779B97F4A7C15 >> shift`) and linear
/// probing; the table is kept at most half full, so a lookup touches ~1.5 slots. One-scalar
/// entries of the Basic Multilingual Plane are also kept in `singles`, a 64 Ki-entry array
/// indexed by scalar (NaN when absent), which serves the first probe at every position
/// from L2 cache.
///
/// Storing `ln(freq)` rather than `ln(freq) − ln(total)` keeps the table valid when user
/// words change the total, and reproduces jieba's arithmetic bit for bit:
/// `(log(freq) − logtotal) + route[x + 1]`.
struct Lexicon: Sendable {
  /// The tables when they are owned arrays (empty while ``mapping`` holds them).
  private var ownedSlots: [UInt64]
  private var ownedSingles: [Double]
  /// The tables when they are read-only views of a mapped cache file; copied into owned
  /// arrays by the first ``insert(_:frequency:)``.
  private var mapping: Mapping?
  private(set) var shift: UInt64
  /// Number of slot pairs, a power of two.
  private(set) var capacity: Int
  /// Number of occupied slots (words and prefixes).
  private(set) var count: Int
  /// Sum of all word frequencies (jieba's `total`).
  var total: Double
  /// Length in scalars of the longest word.
  private(set) var maxWordLength: Int

  static let singleCount = 0x10000

  /// Views of the two tables inside a mapped file, kept alive by `file`.
  struct Mapping: @unchecked Sendable {
    let file: MappedFile
    let slots: UnsafeBufferPointer<UInt64>
    let singles: UnsafeBufferPointer<Double>
  }

  /// An empty table with room for `minimumCapacity` keys at load factor ≤ ½.
  init(minimumCapacity: Int) {
    var capacity = 1024
    while capacity < minimumCapacity * 2 { capacity *= 2 }
    ownedSlots = Array(repeating: 0, count: capacity * 2)
    ownedSingles = Array(repeating: .nan, count: Lexicon.singleCount)
    shift = UInt64(64 - capacity.trailingZeroBitCount)
    self.capacity = capacity
    count = 0
    total = 0
    maxWordLength = 0
  }

  /// Rebuilds a table from its stored arrays (the binary cache).
  init(slots: [UInt64], singles: [Double], count: Int, total: Double, maxWordLength: Int) {
    let capacity = slots.count / 2
    precondition(slots.count == capacity * 2 && capacity.nonzeroBitCount == 1 && singles.count == Lexicon.singleCount)
    self.ownedSlots = slots
    self.ownedSingles = singles
    self.shift = UInt64(64 - capacity.trailingZeroBitCount)
    self.capacity = capacity
    self.count = count
    self.total = total
    self.maxWordLength = maxWordLength
  }

  /// A table whose arrays are views of a mapped cache file (no copy; pages are read when
  /// first touched).
  init(mapping: Mapping, count: Int, total: Double, maxWordLength: Int) {
    let capacity = mapping.slots.count / 2
    precondition(
      mapping.slots.count == capacity * 2 && capacity.nonzeroBitCount == 1
        && mapping.singles.count == Lexicon.singleCount)
    self.ownedSlots = []
    self.ownedSingles = []
    self.mapping = mapping
    self.shift = UInt64(64 - capacity.trailingZeroBitCount)
    self.capacity = capacity
    self.count = count
    self.total = total
    self.maxWordLength = maxWordLength
  }

  /// The slot table: `capacity × (key, ln freq bits)`.
  var slots: [UInt64] { mapping.map { Array($0.slots) } ?? ownedSlots }
  /// One-scalar entries by scalar, NaN when absent.
  var singles: [Double] { mapping.map { Array($0.singles) } ?? ownedSingles }

  /// Calls `body` with views of the slot table and the singles table.
  @inline(__always)
  func withTables<R>(_ body: (UnsafeBufferPointer<UInt64>, UnsafeBufferPointer<Double>) throws -> R) rethrows -> R {
    if let mapping { return try body(mapping.slots, mapping.singles) }
    return try ownedSlots.withUnsafeBufferPointer { slots in
      try ownedSingles.withUnsafeBufferPointer { singles in try body(slots, singles) }
    }
  }

  /// Calls `body` with a ``Lookup`` over the tables, for a run of lookups that should not
  /// pay for opening the tables (and retaining a mapped file) on every probe.
  @inline(__always)
  func withLookup<R>(_ body: (Lookup) throws -> R) rethrows -> R {
    try withTables { slots, singles in try body(Lookup(slots: slots, singles: singles, shift: shift)) }
  }

  /// The lexicon's lookups over views of its tables, valid inside ``withLookup(_:)`` only.
  struct Lookup {
    let slots: UnsafeBufferPointer<UInt64>
    let singles: UnsafeBufferPointer<Double>
    let shift: UInt64

    /// `ln(freq)` of a word, `-∞` for a prefix or zero-frequency word, `nil` when absent.
    @inline(__always) func logFrequency(ofHash hash: UInt64) -> Double? {
      let key = Lexicon.normalizedKey(hash)
      let mask = slots.count / 2 &- 1
      var index = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
      while true {
        let stored = slots[index &* 2]
        if stored == key { return Double(bitPattern: slots[index &* 2 &+ 1]) }
        if stored == 0 { return nil }
        index = (index &+ 1) & mask
      }
    }

    /// Whether the hash is that of a word of positive frequency.
    @inline(__always) func isWord(ofHash hash: UInt64) -> Bool {
      (logFrequency(ofHash: hash) ?? -.infinity) > -.infinity
    }

    /// As ``logFrequency(ofHash:)`` for the one-scalar fragment `scalar`, whose hash is
    /// `hash`: from the singles table when the scalar is in the Basic Multilingual Plane.
    @inline(__always) func logFrequency(ofSingle scalar: UInt32, hash: UInt64) -> Double? {
      guard scalar < Lexicon.singleCount else { return logFrequency(ofHash: hash) }
      let value = singles[Int(scalar)]
      return value.isNaN ? nil : value
    }
  }

  /// A Bloom filter of the table's keys (words and prefixes), one hash: a clear bit proves a
  /// fragment absent without probing the table.
  ///
  /// Bit `(key × φ) >> (64 − log₂ bitCount)` is set for each key. See ``KeyFilter``.
  func keyFilter(bitCount: Int) -> KeyFilter {
    var filter = KeyFilter(bitCount: bitCount)
    withTables { slots, _ in
      for slot in stride(from: 0, to: slots.count, by: 2) where slots[slot] != 0 { filter.insert(key: slots[slot]) }
    }
    return filter
  }

  /// A set of lexicon keys as one bit each (false positives, no false negatives): a small
  /// table that answers "certainly absent" from the L1 or L2 cache.
  struct KeyFilter: Sendable {
    private(set) var words: [UInt64]
    private let shift: UInt64

    init(bitCount: Int) {
      precondition(bitCount >= 64 && bitCount.nonzeroBitCount == 1)
      words = Array(repeating: 0, count: bitCount / 64)
      shift = UInt64(64 - bitCount.trailingZeroBitCount)
    }

    /// A filter that may contain every key (it filters nothing).
    static let everything: KeyFilter = {
      var filter = KeyFilter(bitCount: 64)
      filter.words[0] = .max
      return filter
    }()

    mutating func insert(key: UInt64) {
      let bit = bit(ofKey: key)
      words[bit >> 6] |= 1 << UInt64(bit & 63)
    }

    /// Whether the fragment whose hash is `hash` may be in the lexicon (`false`: it is not).
    @inline(__always) func mayContain(hash: UInt64, in words: UnsafeBufferPointer<UInt64>) -> Bool {
      let bit = bit(ofKey: Lexicon.normalizedKey(hash))
      return words[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    /// The bit of a (normalized) key: Fibonacci hashing, as the table places it.
    @inline(__always) private func bit(ofKey key: UInt64) -> Int {
      Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }
  }

  /// Bytes held by the tables.
  var residentBytes: Int { capacity * 16 + Lexicon.singleCount * 8 }

  @inline(__always) static func normalizedKey(_ hash: UInt64) -> UInt64 { hash == 0 ? 1 : hash }

  /// `ln(freq)` of a word, `-∞` for a prefix or zero-frequency word, `nil` when absent.
  @inline(__always) func logFrequency(ofHash hash: UInt64) -> Double? {
    withLookup { $0.logFrequency(ofHash: hash) }
  }

  /// Whether the scalars form a word of positive frequency (jieba's `FREQ.get(w)` truthy).
  func isWord<C: Collection>(_ scalars: C) -> Bool where C.Element == UInt32 {
    withLookup { $0.isWord(ofHash: ScalarHash.hash(scalars)) }
  }

  /// jieba's `FREQ.get(w, default)` (the prefix entries count as 0).
  func frequency<C: Collection>(_ scalars: C, default value: Double) -> Double where C.Element == UInt32 {
    guard let logFrequency = logFrequency(ofHash: ScalarHash.hash(scalars)) else { return value }
    return logFrequency == -.infinity ? 0 : exp(logFrequency)
  }

  /// Inserts or overwrites a word and registers its prefixes, as jieba's `gen_pfdict` and `add_word` do.
  ///
  /// Does not change `total`; the caller adds the frequency.
  mutating func insert(_ scalars: [UInt32], frequency: Double) {
    guard !scalars.isEmpty else { return }
    if let mapping {
      ownedSlots = Array(mapping.slots)
      ownedSingles = Array(mapping.singles)
      self.mapping = nil
    }
    if (count + scalars.count) * 2 > capacity { grow() }
    var hash = ScalarHash.offsetBasis
    for (position, scalar) in scalars.enumerated() {
      hash = ScalarHash.step(hash, scalar)
      let isLast = position == scalars.count - 1
      let value = store(hash, logFrequency: isLast ? log(frequency) : nil)
      if position == 0 && scalar < Lexicon.singleCount { ownedSingles[Int(scalar)] = value }
    }
    maxWordLength = max(maxWordLength, scalars.count)
  }

  /// Stores `hash`; `logFrequency == nil` registers a prefix without overwriting.
  ///
  /// Returns the value now stored.
  @discardableResult
  private mutating func store(_ hash: UInt64, logFrequency: Double?) -> Double {
    let key = Lexicon.normalizedKey(hash)
    let mask = capacity - 1
    var index = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    while ownedSlots[index * 2] != 0 && ownedSlots[index * 2] != key { index = (index + 1) & mask }
    if ownedSlots[index * 2] == 0 {
      ownedSlots[index * 2] = key
      ownedSlots[index * 2 + 1] = (logFrequency ?? -.infinity).bitPattern
      count += 1
    } else if let logFrequency {
      ownedSlots[index * 2 + 1] = logFrequency.bitPattern
    }
    return Double(bitPattern: ownedSlots[index * 2 + 1])
  }

  private mutating func grow() {
    var larger = Lexicon(minimumCapacity: capacity)
    larger.total = total
    larger.maxWordLength = maxWordLength
    larger.ownedSingles = ownedSingles
    for index in 0..<capacity where ownedSlots[index * 2] != 0 {
      larger.store(ownedSlots[index * 2], logFrequency: Double(bitPattern: ownedSlots[index * 2 + 1]))
    }
    self = larger
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
