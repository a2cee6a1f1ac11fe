/// A word-frequency lexicon with prefix lookup, as jieba's `FREQ` dictionary.
///
/// jieba stores every word with its frequency and every proper prefix of a word with
/// frequency 0, so the DAG builder can stop extending a fragment as soon as it is not a
/// prefix of any word. This type keeps the same information in an open-addressing hash
/// table keyed by ``ScalarHash`` (64-bit FNV-1a of the scalar values):
///
/// - `keys[slot]` is the key, or 0 for an empty slot;
/// - `logFrequencies[slot]` is `ln(freq)` for a word, or `-∞` for a prefix-only entry or a
///   word of frequency 0 (both are "in FREQ but not a word" for the DAG).
///
/// Slots are found by Fibonacci hashing (`key × 0x9E3779B97F4A7C15 >> shift`) and linear
/// probing; the table is kept at most half full, so a lookup touches ~1.5 slots.
/// Storing `ln(freq)` rather than `ln(freq) − ln(total)` keeps the table valid when user
/// words change the total, and reproduces jieba's arithmetic bit for bit:
/// `(log(freq) − logtotal) + route[x + 1]`.
struct Lexicon: Sendable {
  private(set) var keys: [UInt64]
  private(set) var logFrequencies: [Double]
  private(set) var shift: UInt64
  /// Number of occupied slots (words and prefixes).
  private(set) var count: Int
  /// Sum of all word frequencies (jieba's `total`).
  var total: Double
  /// Length in scalars of the longest word.
  private(set) var maxWordLength: Int

  /// An empty table with room for `minimumCapacity` keys at load factor ≤ ½.
  init(minimumCapacity: Int) {
    var capacity = 1024
    while capacity < minimumCapacity * 2 { capacity *= 2 }
    keys = Array(repeating: 0, count: capacity)
    logFrequencies = Array(repeating: -.infinity, count: capacity)
    shift = UInt64(64 - capacity.trailingZeroBitCount)
    count = 0
    total = 0
    maxWordLength = 0
  }

  /// Rebuilds a table from its stored arrays (the binary cache).
  init(keys: [UInt64], logFrequencies: [Double], count: Int, total: Double, maxWordLength: Int) {
    precondition(keys.count == logFrequencies.count && keys.count.nonzeroBitCount == 1)
    self.keys = keys
    self.logFrequencies = logFrequencies
    self.shift = UInt64(64 - keys.count.trailingZeroBitCount)
    self.count = count
    self.total = total
    self.maxWordLength = maxWordLength
  }

  var capacity: Int { keys.count }

  /// Bytes held by the two tables.
  var residentBytes: Int { keys.count * (MemoryLayout<UInt64>.stride + MemoryLayout<Double>.stride) }

  @inline(__always) private static func normalizedKey(_ hash: UInt64) -> UInt64 { hash == 0 ? 1 : hash }

  /// The slot holding `hash`, or -1.
  @inline(__always) func slot(of hash: UInt64) -> Int {
    let key = Lexicon.normalizedKey(hash)
    let mask = keys.count &- 1
    var index = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    return keys.withUnsafeBufferPointer { keys in
      while true {
        let stored = keys[index]
        if stored == key { return index }
        if stored == 0 { return -1 }
        index = (index &+ 1) & mask
      }
    }
  }

  /// `ln(freq)` of a word, `-∞` for a prefix or zero-frequency word, `nil` when absent.
  @inline(__always) func logFrequency(ofHash hash: UInt64) -> Double? {
    let index = slot(of: hash)
    return index < 0 ? nil : logFrequencies[index]
  }

  /// Whether the scalars form a word of positive frequency (jieba's `FREQ.get(w)` truthy).
  func isWord<C: Collection>(_ scalars: C) -> Bool where C.Element == UInt32 {
    (logFrequency(ofHash: ScalarHash.hash(scalars)) ?? -.infinity) > -.infinity
  }

  /// jieba's `FREQ.get(w, 1)` (the prefix entries count as 0).
  func frequency<C: Collection>(_ scalars: C, default value: Double) -> Double where C.Element == UInt32 {
    guard let logFrequency = logFrequency(ofHash: ScalarHash.hash(scalars)) else { return value }
    return logFrequency == -.infinity ? 0 : exp(logFrequency)
  }

  /// Inserts or overwrites a word and registers its prefixes, as jieba's `gen_pfdict` and
  /// `add_word` do. Does not change `total`; the caller adds the frequency.
  mutating func insert(_ scalars: [UInt32], frequency: Double) {
    guard !scalars.isEmpty else { return }
    if (count + scalars.count) * 2 > keys.count { grow() }
    var hash = ScalarHash.offsetBasis
    for (position, scalar) in scalars.enumerated() {
      hash = ScalarHash.step(hash, scalar)
      let isLast = position == scalars.count - 1
      store(hash, logFrequency: isLast ? log(frequency) : nil)
    }
    maxWordLength = max(maxWordLength, scalars.count)
  }

  /// Stores `hash`; `logFrequency == nil` registers a prefix without overwriting.
  private mutating func store(_ hash: UInt64, logFrequency: Double?) {
    let key = Lexicon.normalizedKey(hash)
    let mask = keys.count - 1
    var index = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    while keys[index] != 0 && keys[index] != key { index = (index + 1) & mask }
    if keys[index] == 0 {
      keys[index] = key
      logFrequencies[index] = logFrequency ?? -.infinity
      count += 1
    } else if let logFrequency {
      logFrequencies[index] = logFrequency
    }
  }

  private mutating func grow() {
    var larger = Lexicon(minimumCapacity: keys.count)
    larger.total = total
    larger.maxWordLength = maxWordLength
    for index in keys.indices where keys[index] != 0 {
      larger.store(keys[index], logFrequency: logFrequencies[index])
    }
    self = larger
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
