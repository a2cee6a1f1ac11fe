import Foundation
import Testing
import TestSupport

@testable import TextAnalysis

@Suite struct AnalyzerStoreTests {
  static let smallLexicon = LexiconStoreTests.smallLexicon

  func write(_ text: String, named name: String, in directory: URL) throws -> URL {
    let url = directory.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url
  }

  func analyzerFiles(in directory: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix("analyzer-") }
  }

  /// The tables of two analyzers, compared bit for bit.
  func expectSameTables(_ a: TextAnalyzer, _ b: TextAnalyzer) {
    #expect(a.segmenter.lexicon.slots == b.segmenter.lexicon.slots)
    #expect(a.segmenter.lexicon.singles.map(\.bitPattern) == b.segmenter.lexicon.singles.map(\.bitPattern))
    #expect(a.segmenter.lexicon.total == b.segmenter.lexicon.total)
    #expect(a.segmenter.lexicon.maxWordLength == b.segmenter.lexicon.maxWordLength)
    #expect(a.segmenter.protectedWords?.slots == b.segmenter.protectedWords?.slots)
    #expect(a.stopWordHashes.slots == b.stopWordHashes.slots)
    #expect(a.protectedHashes.slots == b.protectedHashes.slots)
    #expect(
      a.segmenter.hiddenMarkovModel.emission.map(\.bitPattern)
        == b.segmenter.hiddenMarkovModel.emission.map(\.bitPattern))
    #expect(a.lexiconReport.checksum == b.lexiconReport.checksum)
    #expect(a.lexiconReport.wordCount == b.lexiconReport.wordCount)
    #expect(a.lexiconReport.entryCount == b.lexiconReport.entryCount)
    #expect(a.resolvedOptions == b.resolvedOptions)
  }

  @Test("with jieba's lexicon and the user dictionary, the cached analyzer equals the built one")
  func jiebaRoundTrip() throws {
    let plain = try #require(TestAnalyzers.plain)
    let dictionary = try UserDictionary(contentsOf: TestAnalyzers.userDictionaryURL)
    let directory = try TestAnalyzers.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    // Reuse the compiled base lexicon, so only the analyzer cache is new.
    let baseName = "lexicon-" + String(ScalarHash.hash(TestAnalyzers.lexiconPath), radix: 16) + ".bin"
    try FileManager.default.copyItem(
      at: TestAnalyzers.cacheDirectory.appendingPathComponent(baseName), to: directory.appendingPathComponent(baseName))
    let options = TextAnalysisOptions(
      lexiconPath: TestAnalyzers.lexiconPath, userDictionary: dictionary,
      discoveredPhrases: ["数字经济发展", "新型储能", "低空经济"])
    let built = try TextAnalyzer(options: options, cacheDirectory: directory)
    #expect(built.analyzerCacheStatus == .rebuilt)
    #expect(built.lexiconReport.cacheStatus == .hit)
    let cached = try TextAnalyzer(options: options, cacheDirectory: directory)
    #expect(cached.analyzerCacheStatus == .hit)
    #expect(cached.lexiconReport.cacheStatus == .hit)
    #expect(cached.lexiconReport.checksum == plain.lexiconReport.checksum)
    expectSameTables(built, cached)
    #expect(cached.containsWord("新型储能") && !plain.containsWord("新型储能"))
    for (name, text) in try TestAnalyzers.seedTexts() {
      #expect(cached.tokens(in: text) == built.tokens(in: text), "\(name)")
      #expect(cached.terms(in: text) == built.terms(in: text), "\(name)")
    }
    // Pinning the checksum that the cache reports is accepted; another one is not.
    let pinned = try TextAnalyzer(options: cached.resolvedOptions, cacheDirectory: directory)
    #expect(pinned.analyzerCacheStatus == .hit)
    var wrong = options
    wrong.lexiconChecksum = "fnv1a64:0000000000000000"
    #expect(throws: TextAnalysisError.self) { try TextAnalyzer(options: wrong, cacheDirectory: directory) }
  }

  @Test("a changed user dictionary, stop list or lexicon rebuilds the cache; the old inputs still hit")
  func invalidation() throws {
    let directory = try TestAnalyzers.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let source = try write(Self.smallLexicon, named: "dict.txt", in: directory)
    let cache = directory.appendingPathComponent("cache")
    let text = "清华大学生北京大学学生"
    var options = TextAnalysisOptions(lexiconPath: source.path)
    options.userDictionary = UserDictionary(entries: [.init(word: "大学生")])
    let first = try TextAnalyzer(options: options, cacheDirectory: cache)
    #expect(first.analyzerCacheStatus == .rebuilt)
    #expect(try TextAnalyzer(options: options, cacheDirectory: cache).analyzerCacheStatus == .hit)

    var changed = options
    changed.userDictionary.entries.append(.init(word: "学生", frequency: 20))
    let second = try TextAnalyzer(options: changed, cacheDirectory: cache)
    #expect(second.analyzerCacheStatus == .rebuilt)
    #expect(second.containsWord("学生") && !first.containsWord("学生"))
    let uncached = try TextAnalyzer(options: changed, cacheDirectory: nil)
    let again = try TextAnalyzer(options: changed, cacheDirectory: cache)
    #expect(again.analyzerCacheStatus == .hit)
    #expect(again.tokens(in: text) == uncached.tokens(in: text))
    #expect(again.terms(in: text) == uncached.terms(in: text))
    expectSameTables(again, uncached)

    var frequencyChanged = changed
    frequencyChanged.userDictionary.entries[1].frequency = 0
    let third = try TextAnalyzer(options: frequencyChanged, cacheDirectory: cache)
    #expect(third.analyzerCacheStatus == .rebuilt)
    #expect(!third.containsWord("学生"))

    var stopChanged = options
    stopChanged.stopWords.append("北京")
    let fourth = try TextAnalyzer(options: stopChanged, cacheDirectory: cache)
    #expect(fourth.analyzerCacheStatus == .rebuilt)
    #expect(fourth.isStopWord("北京") && !first.isStopWord("北京"))

    #expect(try TextAnalyzer(options: options, cacheDirectory: cache).analyzerCacheStatus == .hit)

    _ = try write(Self.smallLexicon + "学生 60\n", named: "dict.txt", in: directory)
    let edited = try TextAnalyzer(options: options, cacheDirectory: cache)
    #expect(edited.analyzerCacheStatus == .rebuilt)
    #expect(edited.lexiconReport.cacheStatus == .rebuilt)
    #expect(edited.containsWord("学生"))
    #expect(edited.lexiconReport.checksum != first.lexiconReport.checksum)
  }

  @Test("a truncated or foreign cache file is rebuilt, not trusted")
  func damagedFile() throws {
    let directory = try TestAnalyzers.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let source = try write(Self.smallLexicon, named: "dict.txt", in: directory)
    let cache = directory.appendingPathComponent("cache")
    let options = TextAnalysisOptions(
      lexiconPath: source.path, userDictionary: UserDictionary(entries: [.init(word: "大学生")]))
    let built = try TextAnalyzer(options: options, cacheDirectory: cache)
    let name = try #require(try analyzerFiles(in: cache).first)
    let url = cache.appendingPathComponent(name)
    let bytes = try Data(contentsOf: url)
    for damaged in [bytes.prefix(bytes.count - 8), Data(bytes.prefix(200)), Data(repeating: 7, count: bytes.count)] {
      try damaged.write(to: url)
      let rebuilt = try TextAnalyzer(options: options, cacheDirectory: cache)
      #expect(rebuilt.analyzerCacheStatus == .rebuilt)
      expectSameTables(rebuilt, built)
    }
    #expect(try Data(contentsOf: url) == bytes)
  }

  @Test("at most keptFiles analyzer caches are kept per lexicon")
  func pruning() throws {
    let directory = try TestAnalyzers.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let source = try write(Self.smallLexicon, named: "dict.txt", in: directory)
    let cache = directory.appendingPathComponent("cache")
    let phrases = ["北京清华", "清华北京", "大学北京", "北京学", "清华学", "学北京"]
    for phrase in phrases {
      let options = TextAnalysisOptions(lexiconPath: source.path, discoveredPhrases: [phrase])
      #expect(try TextAnalyzer(options: options, cacheDirectory: cache).analyzerCacheStatus == .rebuilt)
    }
    #expect(try analyzerFiles(in: cache).count == AnalyzerStore.keptFiles)
    let newest = TextAnalysisOptions(lexiconPath: source.path, discoveredPhrases: [phrases.last!])
    #expect(try TextAnalyzer(options: newest, cacheDirectory: cache).analyzerCacheStatus == .hit)
  }
}

@Suite("Damaged caches are rebuilt, never used")
struct DamagedCacheTests {
  @Test("flipped bytes in the analyzer or lexicon cache: rebuilt, reported, same segmentation")
  func flippedBytes() throws {
    let directory = try TestAnalyzers.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let lexicon = directory.appendingPathComponent("dict.txt")
    try Data(LexiconStoreTests.smallLexicon.utf8).write(to: lexicon)
    let options = TextAnalysisOptions(
      lexiconPath: lexicon.path, userDictionary: UserDictionary(), discoveredPhrases: ["低空经济"])
    let text = "低空经济行动方案"
    let reference = try TextAnalyzer(options: options, cacheDirectory: nil).tokens(in: text).map(\.text)
    _ = try TextAnalyzer(options: options, cacheDirectory: directory)
    let caches = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".bin") }
    #expect(caches.count == 2)
    for name in caches {
      let url = directory.appendingPathComponent(name)
      var data = try Data(contentsOf: url)
      for offset in [200, data.count / 2, data.count - 3] { data[offset] ^= 0x41 }
      try data.write(to: url)
      // The base lexicon's cache is read only when the analyzer cache is not usable.
      if name.hasPrefix("lexicon-") {
        for other in caches where other != name {
          try FileManager.default.removeItem(at: directory.appendingPathComponent(other))
        }
      }
      let rebuilt = try TextAnalyzer(options: options, cacheDirectory: directory)
      #expect(rebuilt.lexiconReport.damagedCaches == [url.path], "\(name)")
      #expect(rebuilt.lexiconReport.damageNotes.first?.contains("rebuilt") == true)
      #expect(rebuilt.tokens(in: text).map(\.text) == reference)
      let again = try TextAnalyzer(options: options, cacheDirectory: directory)
      #expect(again.lexiconReport.damagedCaches.isEmpty)
    }
  }

  /// Options over a small lexicon written to `directory`, with an analyzer built once so that
  /// its caches are there too.
  private static func optionsWithBuiltCaches(in directory: URL) throws -> TextAnalysisOptions {
    let lexicon = directory.appendingPathComponent("dict.txt")
    try Data(LexiconStoreTests.smallLexicon.utf8).write(to: lexicon)
    let options = TextAnalysisOptions(lexiconPath: lexicon.path, userDictionary: UserDictionary())
    _ = try TextAnalyzer(options: options, cacheDirectory: directory)
    return options
  }

  @Test("a cache found intact is not hashed again, yet a byte changed in place later is still found")
  func changedAfterVerification() throws {
    let directory = try TestAnalyzers.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let options = try Self.optionsWithBuiltCaches(in: directory)
    // The first read hashes the file and records it as intact; the second is answered by the record.
    #expect(try TextAnalyzer(options: options, cacheDirectory: directory).analyzerCacheStatus == .hit)
    #expect(try TextAnalyzer(options: options, cacheDirectory: directory).analyzerCacheStatus == .hit)
    let name = try #require(
      try FileManager.default.contentsOfDirectory(atPath: directory.path).first { $0.hasPrefix("analyzer-") })
    let url = directory.appendingPathComponent(name)
    // One byte of the slot table, rewritten in place: same inode, same size.
    let handle = try FileHandle(forUpdating: url)
    let offset = UInt64(try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) / 2)
    try handle.seek(toOffset: offset)
    let byte = try #require(try handle.read(upToCount: 1)?.first)
    try handle.seek(toOffset: offset)
    try handle.write(contentsOf: [byte ^ 0x41])
    try handle.close()
    let reread = try TextAnalyzer(options: options, cacheDirectory: directory)
    #expect(reread.analyzerCacheStatus == .rebuilt)
    #expect(reread.lexiconReport.damagedCaches == [url.path])
  }

  @Test("a named pipe where a cache file should be is passed over, not waited on")
  func pipeInPlace() throws {
    let directory = try TestAnalyzers.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let options = try Self.optionsWithBuiltCaches(in: directory)
    let caches = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".bin") }
    for name in caches {
      let url = directory.appendingPathComponent(name)
      try FileManager.default.removeItem(at: url)
      #expect(mkfifo(url.path, 0o644) == 0)
    }
    let rebuilt = try TextAnalyzer(options: options, cacheDirectory: directory)
    #expect(rebuilt.containsWord("北京大学"))
  }
}
