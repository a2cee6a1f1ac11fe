/// How the base lexicon was obtained when a ``TextAnalyzer`` was built.
public struct LexiconLoadReport: Sendable, Hashable {
  /// Where the compiled lexicon came from.
  public enum CacheStatus: Sendable, Hashable {
    /// Read from a valid binary cache (the analyzer cache, or the base lexicon's cache).
    case hit
    /// Compiled from the text dictionary and written to the cache.
    case rebuilt
    /// Compiled from the text dictionary; no cache directory was given.
    case uncached
    /// Compiled from the text dictionary; writing the cache failed for the given reason.
    case cacheWriteFailed(reason: String)
  }

  /// Path of the text dictionary.
  public var path: String
  /// `fnv1a64:` and 16 hex digits of the dictionary's bytes (change detection, not security).
  public var checksum: String
  /// Words with a positive frequency, after normalisation merged variants.
  public var wordCount: Int
  /// Occupied hash-table slots (words and prefixes).
  public var entryCount: Int
  /// Bytes held by the hash table of the base lexicon (user words add a copy when present).
  public var residentBytes: Int
  /// Where the compiled form came from.
  public var cacheStatus: CacheStatus
  /// Wall time of reading or compiling the lexicon; on an analyzer-cache hit, of reading
  /// the whole analyzer.
  public var loadDuration: Duration
  /// Cache files whose checksum failed and that were rebuilt (for a note to the user).
  public var damagedCaches: [String] = []

  /// One sentence per damaged cache, for the user: which file, and that it was rebuilt.
  public var damageNotes: [String] {
    damagedCaches.map { "the cache \($0) was damaged (its checksum did not match); rebuilt it from the dictionary." }
  }
}
