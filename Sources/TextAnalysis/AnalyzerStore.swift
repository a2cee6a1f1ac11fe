import Foundation
import FileIntegrity

/// Caches everything ``TextAnalyzer/init(options:cacheDirectory:)`` builds — the lexicon
/// with user words and discovered phrases, the protected-word table, and the stop-word and
/// protected-word hash sets — in one binary file, so a later process reads it back in one
/// pass instead of loading the base lexicon, copying it and inserting the additions.
///
///     header:  18 × UInt64 little-endian
///       magic "PLANAv01", format version, key byte count, base checksum, base word count,
///       base entry count, base resident bytes, total (Double bits), longest word,
///       occupied slots, capacity, protected capacity (0: none), protected occupied slots,
///       protected longest word, protected total (Double bits), stop-word set capacity,
///       protected-hash set capacity, file size in bytes
///     key:     the key bytes (see ``key(options:stamp:)``), zero-padded to 8 bytes
///     slots, singles                     of the lexicon (as in ``LexiconStore``)
///     protected slots, protected singles when the protected capacity is not 0
///     stop-word set slots, protected-hash set slots
///     HMM emissions                      4 × 20,950 Double (see `HiddenMarkovModel`)
///     checksum                           UInt64: `FileIntegrity.Checksum` of everything above
///
/// The key holds every input that changes the result, byte for byte: the lexicon path, its
/// size and modification time, a fingerprint of the HMM tables, the user words with their frequencies, the discovered
/// phrases and the stop words. A file is used only when its key equals the key of the
/// options, so a changed dictionary or user word list rebuilds the cache rather than reusing
/// it. The file name carries a 64-bit hash of the key, so several option sets (models) can
/// share a folder; at most ``keptFiles`` files per lexicon are kept, the oldest are removed.
///
/// A read checks the trailing checksum (a few milliseconds for 18 MB, most of it faulting the
/// pages in), so a damaged file (a flipped byte would silently change segmentation) is reported
/// as ``ReadResult/damaged`` and rebuilt rather than used. A file found intact is recorded in
/// `VerifiedFiles` and not hashed again until it changes on disk, so a query process maps only
/// the pages of the table its few words touch.
enum AnalyzerStore {
  static let magic: UInt64 = 0x3130_7641_4E41_4C50  // "PLANAv01" little-endian
  static let formatVersion: UInt64 = 3
  static let headerCount = 18
  /// Cache files kept per base lexicon path.
  static let keptFiles = 4

  /// The built analyzer state, as stored.
  struct State {
    var lexicon: Lexicon
    var protectedWords: Lexicon?
    var stopWordHashes: ScalarHashSet
    var protectedHashes: ScalarHashSet
    /// `HiddenMarkovModel/emission`.
    var emission: [Double]
    /// The base lexicon's checksum, word count, entry count and table bytes.
    var checksum: UInt64
    var wordCount: Int
    var entryCount: Int
    var residentBytes: Int
  }

  /// Everything that decides the built state, as length-prefixed bytes.
  static func key(options: TextAnalysisOptions, stamp: LexiconStore.SourceStamp) -> [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(16 * 1024)
    func append(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
    func append(_ text: String) {
      append(UInt64(text.utf8.count))
      bytes.append(contentsOf: text.utf8)
    }
    append(formatVersion)
    append(options.lexiconPath)
    append(stamp.size)
    append(stamp.modified.bitPattern)
    append(HiddenMarkovModel.tablesFingerprint)
    append(UInt64(options.userDictionary.entries.count))
    for entry in options.userDictionary.entries {
      append(entry.word)
      append(entry.frequency.map { UInt64($0) } ?? UInt64.max)
    }
    append(UInt64(options.discoveredPhrases.count))
    for phrase in options.discoveredPhrases { append(phrase) }
    append(UInt64(options.stopWords.count))
    for word in options.stopWords { append(word) }
    return bytes
  }

  /// `analyzer-<hash of the lexicon path>-`: the prefix of all cache files of one lexicon.
  static func filePrefix(lexiconPath: String) -> String {
    "analyzer-" + String(ScalarHash.hash(lexiconPath), radix: 16) + "-"
  }

  static func url(in directory: URL, lexiconPath: String, key: [UInt8]) -> URL {
    let hash = key.withUnsafeBytes { LexiconStore.fnv1a(Data($0)) }
    return directory.appendingPathComponent(
      filePrefix(lexiconPath: lexiconPath) + String(hash, radix: 16) + ".bin", isDirectory: false)
  }

  // MARK: - Writing

  /// Writes `state` atomically (`AtomicFile`) and removes older cache files of
  /// the same lexicon beyond ``keptFiles``.
  static func write(_ state: State, key: [UInt8], to url: URL, lexiconPath: String) throws {
    let paddedKeyCount = (key.count + 7) / 8 * 8
    let protectedCapacity = state.protectedWords?.capacity ?? 0
    let wordCount =
      headerCount + paddedKeyCount / 8 + state.lexicon.slots.count + state.lexicon.singles.count
      + (state.protectedWords.map { $0.slots.count + $0.singles.count } ?? 0)
      + state.stopWordHashes.slots.count + state.protectedHashes.slots.count + state.emission.count
    let header: [UInt64] = [
      magic, formatVersion, UInt64(key.count), state.checksum, UInt64(state.wordCount),
      UInt64(state.entryCount), UInt64(state.residentBytes), state.lexicon.total.bitPattern,
      UInt64(state.lexicon.maxWordLength), UInt64(state.lexicon.count), UInt64(state.lexicon.capacity),
      UInt64(protectedCapacity), UInt64(state.protectedWords?.count ?? 0),
      UInt64(state.protectedWords?.maxWordLength ?? 0), (state.protectedWords?.total ?? 0).bitPattern,
      UInt64(state.stopWordHashes.slots.count), UInt64(state.protectedHashes.slots.count),
      UInt64(wordCount * 8),
    ]
    precondition(header.count == headerCount)
    var data = Data(capacity: wordCount * 8)
    header.withUnsafeBytes { data.append(contentsOf: $0) }
    data.append(contentsOf: key)
    data.append(contentsOf: [UInt8](repeating: 0, count: paddedKeyCount - key.count))
    state.lexicon.slots.withUnsafeBytes { data.append(contentsOf: $0) }
    state.lexicon.singles.withUnsafeBytes { data.append(contentsOf: $0) }
    if let protectedWords = state.protectedWords {
      protectedWords.slots.withUnsafeBytes { data.append(contentsOf: $0) }
      protectedWords.singles.withUnsafeBytes { data.append(contentsOf: $0) }
    }
    state.stopWordHashes.slots.withUnsafeBytes { data.append(contentsOf: $0) }
    state.protectedHashes.slots.withUnsafeBytes { data.append(contentsOf: $0) }
    state.emission.withUnsafeBytes { data.append(contentsOf: $0) }
    precondition(data.count == wordCount * 8)
    let checksum = data.withUnsafeBytes { Checksum.value(of: $0) }
    withUnsafeBytes(of: checksum.littleEndian) { data.append(contentsOf: $0) }
    let directory = url.deletingLastPathComponent()
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    try AtomicFile.write(data, to: url)
    prune(directory: directory, prefix: filePrefix(lexiconPath: lexiconPath), keeping: url)
  }

  /// Removes the least recently written cache files with `prefix` beyond ``keptFiles``.
  static func prune(directory: URL, prefix: String, keeping kept: URL) {
    let manager = FileManager.default
    guard
      let names = try? manager.contentsOfDirectory(atPath: directory.path)
        .filter({ $0.hasPrefix(prefix) && $0.hasSuffix(".bin") && $0 != kept.lastPathComponent }),
      names.count >= keptFiles
    else { return }
    let dated = names.map { name -> (String, Date) in
      let date =
        (try? manager.attributesOfItem(atPath: directory.appendingPathComponent(name).path))?[
          .modificationDate] as? Date
      return (name, date ?? .distantPast)
    }
    let stale = dated.sorted { $0.1 > $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }.dropFirst(keptFiles - 1)
    for (name, _) in stale { try? manager.removeItem(at: directory.appendingPathComponent(name)) }
  }

  // MARK: - Reading

  /// What reading a cache file found.
  enum ReadResult {
    /// A sound file built from the same inputs.
    case valid(State)
    /// No file, or one of another format or other inputs: build anew.
    case absent
    /// A file of this format and these inputs whose bytes are truncated or changed.
    case damaged
  }

  /// The cached state for `key`.
  ///
  /// A file built from other inputs has another key and is not used. The file is mapped; the lexicon's two tables (17 of its 18 MB)
  /// stay views of the mapping, the small tables are copied into arrays.
  static func read(_ url: URL, key: [UInt8]) -> ReadResult {
    let state = VerifiedFiles.state(ofFileAt: url.path)
    guard let file = MappedFile(path: url.path) else { return .absent }
    let raw = file.bytes
    guard raw.count >= headerCount * 8 else { return .damaged }
    func word(_ index: Int) -> UInt64 {
      UInt64(littleEndian: raw.load(fromByteOffset: index * 8, as: UInt64.self))
    }
    guard word(0) == magic, word(1) == formatVersion else { return .absent }
    let fileSize = raw.count - 8
    let checksum = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: fileSize, as: UInt64.self))
    guard word(17) == UInt64(fileSize),
      VerifiedFiles.contents(
        UnsafeRawBufferPointer(rebasing: raw[0..<fileSize]), haveChecksum: checksum, state: state)
    else { return .damaged }
    let keyStart = headerCount * 8
    guard word(2) == UInt64(key.count), fileSize >= keyStart + key.count,
      UnsafeRawBufferPointer(rebasing: raw[keyStart..<keyStart + key.count]).elementsEqual(key)
    else { return .absent }
    return decode(file, key: key, fileSize: fileSize).map(ReadResult.valid) ?? .damaged
  }

  /// The state in a file whose checksum was verified, or `nil` when its tables do not fit.
  private static func decode(_ file: MappedFile, key: [UInt8], fileSize: Int) -> State? {
    let raw = file.bytes
    guard let base = raw.baseAddress else { return nil }
    func word(_ index: Int) -> UInt64 {
      UInt64(littleEndian: raw.load(fromByteOffset: index * 8, as: UInt64.self))
    }
    let capacity = Int(word(10))
    let protectedCapacity = Int(word(11))
    let stopCapacity = Int(word(15))
    let protectedHashCapacity = Int(word(16))
    func isTableSize(_ value: Int, minimum: Int) -> Bool {
      value >= minimum && value <= 1 << 28 && value.nonzeroBitCount == 1
    }
    guard isTableSize(capacity, minimum: 1), protectedCapacity == 0 || isTableSize(protectedCapacity, minimum: 1),
      isTableSize(stopCapacity, minimum: 64), isTableSize(protectedHashCapacity, minimum: 64)
    else { return nil }
    let paddedKeyCount = (key.count + 7) / 8 * 8
    let expectedSize =
      (headerCount + paddedKeyCount / 8 + 2 * capacity + Lexicon.singleCount
        + (protectedCapacity > 0 ? 2 * protectedCapacity + Lexicon.singleCount : 0) + stopCapacity
        + protectedHashCapacity + HiddenMarkovModel.emissionCount) * 8
    guard fileSize == expectedSize else { return nil }
    var offset = headerCount * 8
    guard UnsafeRawBufferPointer(rebasing: raw[offset..<offset + key.count]).elementsEqual(key) else { return nil }
    offset += paddedKeyCount
    /// A view of the next `count` values (offsets are multiples of 8 in a page-aligned map).
    func view<T>(_ type: T.Type, count: Int) -> UnsafeBufferPointer<T> {
      defer { offset += count * 8 }
      return UnsafeBufferPointer(start: (base + offset).assumingMemoryBound(to: T.self), count: count)
    }
    let mapping = Lexicon.Mapping(
      file: file, slots: view(UInt64.self, count: 2 * capacity), singles: view(Double.self, count: Lexicon.singleCount))
    let lexicon = Lexicon(
      mapping: mapping, count: Int(word(9)), total: Double(bitPattern: word(7)), maxWordLength: Int(word(8)))
    var protectedWords: Lexicon?
    if protectedCapacity > 0 {
      let protectedSlots = Array(view(UInt64.self, count: 2 * protectedCapacity))
      let protectedSingles = Array(view(Double.self, count: Lexicon.singleCount))
      protectedWords = Lexicon(
        slots: protectedSlots, singles: protectedSingles, count: Int(word(12)),
        total: Double(bitPattern: word(14)), maxWordLength: Int(word(13)))
    }
    let stopSlots = Array(view(UInt64.self, count: stopCapacity))
    let protectedHashSlots = Array(view(UInt64.self, count: protectedHashCapacity))
    let emission = Array(view(Double.self, count: HiddenMarkovModel.emissionCount))
    return State(
      lexicon: lexicon, protectedWords: protectedWords, stopWordHashes: ScalarHashSet(slots: stopSlots),
      protectedHashes: ScalarHashSet(slots: protectedHashSlots), emission: emission, checksum: word(3),
      wordCount: Int(word(4)), entryCount: Int(word(5)), residentBytes: Int(word(6)))
  }
}
