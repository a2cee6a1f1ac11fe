import Foundation
import FileIntegrity

/// Compiles jieba's text dictionary into a ``Lexicon`` and caches the result in binary form.
///
/// jieba spends about a second building its prefix dictionary from `dict.txt` and pickles it
/// to `/tmp`; this store does the same with a flat file that is read back with two copies:
///
///     header:  10 × UInt64 little-endian
///       magic "PLLEXv01", format version, source size, source mtime (Double bits),
///       source checksum (FNV-1a 64), total (Double bits), longest word, occupied slots,
///       capacity, word count
///     slots:   capacity × (UInt64 key, Double ln freq; −∞ marks prefixes)
///     singles: 65,536 × Double (one-scalar entries by scalar; NaN when absent)
///     checksum: UInt64, `FileIntegrity.Checksum` of everything above
///
/// The cache is valid while the source file has the same size and modification time and
/// the header has this format version; otherwise it is rebuilt and replaced atomically. A
/// cache whose checksum fails (a changed byte would silently change segmentation) is
/// rebuilt too, and the report says so (``LexiconStore/Loaded/damagedCache``).
/// The cache file name includes a hash of the source path, so several dictionaries can
/// share one directory.
enum LexiconStore {
  static let magic: UInt64 = 0x3130_7678_454C_4C50  // "PLLEXv01" little-endian
  static let formatVersion: UInt64 = 3
  static let headerCount = 10

  struct Loaded {
    var lexicon: Lexicon
    var report: LexiconLoadReport
    /// FNV-1a 64 of the dictionary's bytes, as in ``LexiconLoadReport/checksum``.
    var checksum: UInt64
    /// The cache file that was found damaged and rebuilt, if any.
    var damagedCache: String? = nil
  }

  /// What identifies a version of the source dictionary: its size and modification time.
  struct SourceStamp: Hashable {
    var size: UInt64
    var modified: Double
  }

  /// The size and modification time of the dictionary at `path`.
  static func stamp(path: String) throws(TextAnalysisError) -> SourceStamp {
    let attributes: [FileAttributeKey: Any]
    do { attributes = try FileManager.default.attributesOfItem(atPath: path) } catch {
      throw .lexiconNotFound(path: path)
    }
    return SourceStamp(
      size: UInt64((attributes[.size] as? NSNumber)?.int64Value ?? -1),
      modified: (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)
  }

  static func load(path: String, cacheDirectory: URL?) throws(TextAnalysisError) -> Loaded {
    try load(path: path, stamp: stamp(path: path), cacheDirectory: cacheDirectory)
  }

  static func load(path: String, stamp: SourceStamp, cacheDirectory: URL?) throws(TextAnalysisError) -> Loaded {
    let start = ContinuousClock.now
    let size = stamp.size
    let modified = stamp.modified
    let cacheURL = cacheDirectory.map {
      $0.appendingPathComponent(
        "lexicon-" + String(ScalarHash.hash(path), radix: 16) + ".bin", isDirectory: false)
    }
    var damagedCache: String?
    if let cacheURL, case .valid(let cached) = readCache(cacheURL, size: size, modified: modified) {
      let report = LexiconLoadReport(
        path: path, checksum: checksumString(cached.checksum), wordCount: cached.wordCount,
        entryCount: cached.lexicon.count, residentBytes: cached.lexicon.residentBytes,
        cacheStatus: .hit, loadDuration: ContinuousClock.now - start)
      return Loaded(lexicon: cached.lexicon, report: report, checksum: cached.checksum)
    }
    if let cacheURL, case .damaged = readCache(cacheURL, size: size, modified: modified) {
      damagedCache = cacheURL.path
    }
    let data: Data
    do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
      throw .unreadableFile(path: path, reason: error.localizedDescription)
    }
    let (lexicon, wordCount) = try compile(data, path: path)
    let checksum = fnv1a(data)
    var status = LexiconLoadReport.CacheStatus.uncached
    if let cacheURL {
      do {
        try FileManager.default.createDirectory(
          at: cacheURL.deletingLastPathComponent(), withIntermediateDirectories: true)
        try AtomicFile.write(
          encode(lexicon, size: size, modified: modified, checksum: checksum, wordCount: wordCount), to: cacheURL)
        status = .rebuilt
      } catch {
        status = .cacheWriteFailed(reason: "\(cacheURL.path): \(error.localizedDescription)")
      }
    }
    let report = LexiconLoadReport(
      path: path, checksum: checksumString(checksum), wordCount: wordCount, entryCount: lexicon.count,
      residentBytes: lexicon.residentBytes, cacheStatus: status, loadDuration: ContinuousClock.now - start)
    return Loaded(lexicon: lexicon, report: report, checksum: checksum, damagedCache: damagedCache)
  }

  static func checksumString(_ value: UInt64) -> String {
    let hex = String(value, radix: 16)
    return "fnv1a64:" + String(repeating: "0", count: 16 - hex.count) + hex
  }

  static func fnv1a(_ data: Data) -> UInt64 {
    data.withUnsafeBytes { bytes in
      var hash: UInt64 = 0xCBF2_9CE4_8422_2325
      for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
      return hash
    }
  }

  /// Parses `word freq [tag]` lines as jieba's `gen_pfdict`: later duplicates override the
  /// frequency, every line adds to the total, every prefix is registered.
  static func compile(_ data: Data, path: String) throws(TextAnalysisError) -> (Lexicon, Int) {
    var lineCount = 0
    for byte in data where byte == 0x0A { lineCount += 1 }
    var lexicon = Lexicon(minimumCapacity: (lineCount + 1) * 3 / 2)
    var scalars: [UInt32] = []
    var total = 0.0
    var words = Set<UInt64>()
    var lineNumber = 0
    var failure: TextAnalysisError?
    data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
      let bytes = raw.bindMemory(to: UInt8.self)
      var lineStart = 0
      while lineStart < bytes.count, failure == nil {
        lineNumber += 1
        var lineEnd = lineStart
        while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
        defer { lineStart = lineEnd + 1 }
        var end = lineEnd
        while end > lineStart, bytes[end - 1] == 0x0D || bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 {
          end -= 1
        }
        var begin = lineStart
        // A UTF-8 byte-order mark on the first line.
        if lineNumber == 1, end - begin >= 3, bytes[begin] == 0xEF, bytes[begin + 1] == 0xBB,
          bytes[begin + 2] == 0xBF
        {
          begin += 3
        }
        if begin == end { continue }
        var wordEnd = begin
        while wordEnd < end, bytes[wordEnd] != 0x20 { wordEnd += 1 }
        var frequencyStart = wordEnd
        while frequencyStart < end, bytes[frequencyStart] == 0x20 { frequencyStart += 1 }
        var frequencyEnd = frequencyStart
        var frequency = 0
        while frequencyEnd < end, bytes[frequencyEnd] != 0x20 {
          let digit = Int(bytes[frequencyEnd]) - 0x30
          if digit < 0 || digit > 9 || frequency > Int.max / 20 { frequencyEnd = -1; break }
          frequency = frequency * 10 + digit
          frequencyEnd += 1
        }
        if wordEnd == begin || frequencyEnd <= frequencyStart {
          let content = String(decoding: UnsafeBufferPointer(rebasing: bytes[begin..<end]), as: UTF8.self)
          failure = .malformedLexicon(path: path, line: lineNumber, content: content)
          return
        }
        let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[begin..<wordEnd]), as: UTF8.self)
        TextNormalizer.normalize(word, into: &scalars)
        lexicon.insert(scalars, frequency: Double(frequency))
        total += Double(frequency)
        if frequency > 0 { words.insert(ScalarHash.hash(scalars)) } else { words.remove(ScalarHash.hash(scalars)) }
      }
    }
    if let failure { throw failure }
    guard total > 0, !words.isEmpty else { throw .emptyLexicon(path: path) }
    lexicon.total = total
    return (lexicon, words.count)
  }

  static func encode(_ lexicon: Lexicon, size: UInt64, modified: Double, checksum: UInt64, wordCount: Int) -> Data {
    let header: [UInt64] = [
      magic, formatVersion, size, modified.bitPattern, checksum, lexicon.total.bitPattern,
      UInt64(lexicon.maxWordLength), UInt64(lexicon.count), UInt64(lexicon.capacity), UInt64(wordCount),
    ]
    var data = Data(capacity: (headerCount + 2 * lexicon.capacity + Lexicon.singleCount) * 8)
    header.withUnsafeBytes { data.append(contentsOf: $0) }
    lexicon.slots.withUnsafeBytes { data.append(contentsOf: $0) }
    lexicon.singles.withUnsafeBytes { data.append(contentsOf: $0) }
    let checksum = data.withUnsafeBytes { Checksum.value(of: $0) }
    withUnsafeBytes(of: checksum.littleEndian) { data.append(contentsOf: $0) }
    return data
  }

  struct Cached {
    var lexicon: Lexicon
    var checksum: UInt64
    var wordCount: Int
  }

  /// What reading the cache found.
  enum CacheRead {
    /// A sound cache of the same dictionary.
    case valid(Cached)
    /// No cache, or one of another format or another version of the dictionary.
    case absent
    /// A cache of this format and dictionary whose bytes are truncated or changed.
    case damaged
  }

  /// The cached lexicon, after checking the file's checksum.
  static func readCache(_ url: URL, size: UInt64, modified: Double) -> CacheRead {
    guard let mapped = MappedFile(path: url.path) else { return .absent }
    let file = Data(mapped.bytes)
    guard file.count >= (headerCount + 1) * 8 else { return .damaged }
    return file.withUnsafeBytes { (whole: UnsafeRawBufferPointer) -> CacheRead in
      func word(_ index: Int) -> UInt64 {
        UInt64(littleEndian: whole.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self))
      }
      guard word(0) == magic, word(1) == formatVersion, word(2) == size,
        word(3) == modified.bitPattern
      else { return .absent }
      let raw = UnsafeRawBufferPointer(rebasing: whole[0..<(whole.count - 8)])
      let checksum = UInt64(littleEndian: whole.loadUnaligned(fromByteOffset: raw.count, as: UInt64.self))
      let capacity = Int(word(8))
      guard Checksum.value(of: raw) == checksum, capacity > 0, capacity.nonzeroBitCount == 1, capacity <= 1 << 28,
        raw.count == (headerCount + 2 * capacity + Lexicon.singleCount) * 8
      else { return .damaged }
      let slotsOffset = headerCount * 8
      let singlesOffset = slotsOffset + capacity * 16
      let slots = [UInt64](unsafeUninitializedCapacity: capacity * 2) { buffer, count in
        UnsafeMutableRawBufferPointer(buffer).copyMemory(
          from: UnsafeRawBufferPointer(rebasing: raw[slotsOffset..<singlesOffset]))
        count = capacity * 2
      }
      let singles = [Double](unsafeUninitializedCapacity: Lexicon.singleCount) { buffer, count in
        UnsafeMutableRawBufferPointer(buffer).copyMemory(
          from: UnsafeRawBufferPointer(rebasing: raw[singlesOffset..<raw.count]))
        count = Lexicon.singleCount
      }
      let lexicon = Lexicon(
        slots: slots, singles: singles, count: Int(word(7)), total: Double(bitPattern: word(5)),
        maxWordLength: Int(word(6)))
      return .valid(Cached(lexicon: lexicon, checksum: word(4), wordCount: Int(word(9))))
    }
  }
}
