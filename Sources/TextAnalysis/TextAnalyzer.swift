import Foundation

/// Turns text into tokens and terms: NFKC and lower case, jieba's segmentation with domain
/// words, then filtering of stop words, punctuation, numbers and single characters.
///
/// ```swift
/// let analyzer = try TextAnalyzer(
///   options: TextAnalysisOptions(lexiconPath: TextAnalysisOptions.debianJiebaLexiconPath),
///   cacheDirectory: URL(fileURLWithPath: "models/.cache"))
/// analyzer.terms(in: "长三角加速低空经济产业布局")  // ["长三角", "加速", "低空", "经济", "产业布局"]
/// ```
///
/// With `models/userdict.txt` as ``TextAnalysisOptions/userDictionary`` the same call gives
/// `["长三角", "加速", "低空经济", "产业布局"]`.
///
/// Segmentation is jieba 0.42.1's default mode (`cut(HMM=True)`), described on
/// `Segmenter`: a maximum-probability path over the word DAG of each block, with
/// unknown runs of single characters labelled by a BMES HMM (Viterbi). User-dictionary
/// words and discovered phrases are added as jieba's `add_word` does, with the frequency of
/// `suggest_freq(word, tune=True)` when none is given:
///
///     freq(w) = max(⌊total × Π freq(pᵢ) / total⌋ + 1, freq(w))
///
/// over the pieces *pᵢ* of *w*'s segmentation without the HMM (a piece of frequency 0 counts
/// as 1, so a word is never left at frequency 1), which makes *w* more probable than the
/// split the lexicon would otherwise choose. In addition, their occurrences are protected
/// from being cut by neighbouring lexicon words (leftmost-longest among overlapping user
/// words); see `Segmenter`.
///
/// The analyzer is immutable after `init` and `Sendable`: share one instance across a
/// task group. Each call allocates its own scratch buffers.
public final class TextAnalyzer: Sendable {
  /// The options as given, with ``TextAnalysisOptions/lexiconChecksum`` filled in: store
  /// these to rebuild the same analyzer later.
  public let resolvedOptions: TextAnalysisOptions
  /// How the base lexicon was loaded: checksum, size, cache status, time.
  public let lexiconReport: LexiconLoadReport

  /// Whether the built analyzer came from the analyzer cache (`hit`), was written to it
  /// (`rebuilt`), or neither.
  let analyzerCacheStatus: LexiconLoadReport.CacheStatus
  let segmenter: Segmenter
  let stopWordHashes: ScalarHashSet
  let protectedHashes: ScalarHashSet

  /// Builds the analyzer, or reads it back from the analyzer cache when one was built from
  /// the same inputs.
  ///
  /// On a cache miss the base lexicon is loaded (from its own binary cache when valid), the
  /// user dictionary and the discovered phrases are added, the stop words are normalised,
  /// and the result is written to the cache; see `AnalyzerStore` for what keys the cache.
  ///
  /// - Parameters:
  ///   - options: What to build; see ``TextAnalysisOptions``.
  ///   - cacheDirectory: Where the compiled lexicon and the built analyzer are cached
  ///     (created if needed), or `nil` to compile `dict.txt` every time (about a second in
  ///     release builds).
  /// - Throws: ``TextAnalysisError`` when the lexicon is missing, malformed, or does not
  ///   match ``TextAnalysisOptions/lexiconChecksum``.
  /// - Complexity: on a hit, one `mmap(2)` of the cache file (about 18 MB with jieba's
  ///   lexicon; pages are read as queries touch them) and a copy of its small tables;
  ///   otherwise O(size of the lexicon) to load it plus O(user words × their length²).
  public init(options: TextAnalysisOptions, cacheDirectory: URL?) throws(TextAnalysisError) {
    let start = ContinuousClock.now
    let stamp = try LexiconStore.stamp(path: options.lexiconPath)
    var state: AnalyzerStore.State
    var report: LexiconLoadReport
    var analyzerCacheStatus = LexiconLoadReport.CacheStatus.uncached
    let key = cacheDirectory == nil ? [] : AnalyzerStore.key(options: options, stamp: stamp)
    let cacheURL = cacheDirectory.map { AnalyzerStore.url(in: $0, lexiconPath: options.lexiconPath, key: key) }
    let cacheRead = cacheURL.map { AnalyzerStore.read($0, key: key) } ?? .absent
    if case .valid(let cached) = cacheRead {
      state = cached
      analyzerCacheStatus = .hit
      report = LexiconLoadReport(
        path: options.lexiconPath, checksum: LexiconStore.checksumString(cached.checksum),
        wordCount: cached.wordCount, entryCount: cached.entryCount, residentBytes: cached.residentBytes,
        cacheStatus: .hit, loadDuration: ContinuousClock.now - start)
    } else {
      (state, report) = try TextAnalyzer.build(options: options, stamp: stamp, cacheDirectory: cacheDirectory)
      if case .damaged = cacheRead, let cacheURL { report.damagedCaches.insert(cacheURL.path, at: 0) }
      if let cacheURL {
        do {
          try AnalyzerStore.write(state, key: key, to: cacheURL, lexiconPath: options.lexiconPath)
          analyzerCacheStatus = .rebuilt
        } catch {
          analyzerCacheStatus = .cacheWriteFailed(reason: "\(cacheURL.path): \(error.localizedDescription)")
          if report.cacheStatus != .uncached { report.cacheStatus = analyzerCacheStatus }
        }
      }
    }
    if let expected = options.lexiconChecksum, expected != report.checksum {
      throw .lexiconChecksumMismatch(path: options.lexiconPath, expected: expected, actual: report.checksum)
    }
    var resolved = options
    resolved.lexiconChecksum = report.checksum
    self.resolvedOptions = resolved
    self.lexiconReport = report
    self.analyzerCacheStatus = analyzerCacheStatus
    self.segmenter = Segmenter(
      lexicon: state.lexicon, usesHiddenMarkovModel: options.usesHiddenMarkovModel,
      protectedWords: state.protectedWords,
      hiddenMarkovModel: analyzerCacheStatus == .hit ? HiddenMarkovModel(emission: state.emission) : .shared)
    self.stopWordHashes = state.stopWordHashes
    self.protectedHashes = state.protectedHashes
  }

  /// Loads the base lexicon and adds the user words, the discovered phrases and the stop
  /// words: what the analyzer cache stores.
  static func build(
    options: TextAnalysisOptions, stamp: LexiconStore.SourceStamp, cacheDirectory: URL?
  ) throws(TextAnalysisError) -> (AnalyzerStore.State, LexiconLoadReport) {
    let loaded = try LexiconStore.load(path: options.lexiconPath, stamp: stamp, cacheDirectory: cacheDirectory)
    if let expected = options.lexiconChecksum, expected != loaded.report.checksum {
      throw .lexiconChecksumMismatch(path: options.lexiconPath, expected: expected, actual: loaded.report.checksum)
    }
    var report = loaded.report
    if let damaged = loaded.damagedCache { report.damagedCaches.append(damaged) }
    let checksum = loaded.checksum
    var lexicon = (consume loaded).lexicon
    var protected = Set<UInt64>()
    var protectedScalars: [UInt64: [UInt32]] = [:]
    var scalars: [UInt32] = []
    let additions =
      options.userDictionary.entries.map { ($0.word, $0.frequency) }
      + options.discoveredPhrases.map { ($0, Int?.none) }
    for (word, frequency) in additions {
      TextNormalizer.normalize(word, into: &scalars)
      guard !scalars.isEmpty else { continue }
      let value = frequency.map(Double.init) ?? TextAnalyzer.suggestedFrequency(of: scalars, in: lexicon)
      lexicon.insert(scalars, frequency: value)
      lexicon.total += value
      let hash = ScalarHash.hash(scalars)
      if value > 0 {
        protected.insert(hash)
        protectedScalars[hash] = scalars
      } else {
        protected.remove(hash)
        protectedScalars[hash] = nil
      }
    }
    var stopWords = Set<UInt64>()
    for word in options.stopWords {
      TextNormalizer.normalize(word, into: &scalars)
      stopWords.insert(ScalarHash.hash(scalars))
    }
    var protectedWords: Lexicon?
    if !protectedScalars.isEmpty {
      var table = Lexicon(minimumCapacity: protectedScalars.values.reduce(0) { $0 + $1.count })
      // Sorted by hash, so the table's layout does not depend on Dictionary's random seed.
      for (_, words) in protectedScalars.sorted(by: { $0.key < $1.key }) { table.insert(words, frequency: 1) }
      protectedWords = table
    }
    let state = AnalyzerStore.State(
      lexicon: lexicon, protectedWords: protectedWords, stopWordHashes: ScalarHashSet(stopWords),
      protectedHashes: ScalarHashSet(protected), emission: HiddenMarkovModel.shared.emission, checksum: checksum,
      wordCount: report.wordCount, entryCount: report.entryCount, residentBytes: report.residentBytes)
    return (state, report)
  }

  /// jieba's `suggest_freq(word, tune=True)`, with zero-frequency pieces counted as 1.
  static func suggestedFrequency(of scalars: [UInt32], in lexicon: Lexicon) -> Double {
    let plain = Segmenter(lexicon: lexicon, usesHiddenMarkovModel: false)
    var ends: [Int] = []
    var workspace = Segmenter.Workspace()
    plain.segment(scalars, ends: &ends, workspace: &workspace)
    var probability = 1.0
    var start = 0
    for end in ends {
      let frequency = lexicon.frequency(scalars[start..<end], default: 1)
      probability *= (frequency > 0 ? frequency : 1) / lexicon.total
      start = end
    }
    return max((probability * lexicon.total).rounded(.down) + 1, lexicon.frequency(scalars, default: 1))
  }

  /// Whether `word` (after normalisation) is a word of the analyzer's lexicon, including
  /// user words and discovered phrases.
  public func containsWord(_ word: String) -> Bool {
    var scalars: [UInt32] = []
    TextNormalizer.normalize(word, into: &scalars)
    return !scalars.isEmpty && segmenter.lexicon.isWord(scalars)
  }

  /// Whether `word` is a stop word of these options (after normalisation).
  public func isStopWord(_ word: String) -> Bool {
    var scalars: [UInt32] = []
    TextNormalizer.normalize(word, into: &scalars)
    return stopWordHashes.contains(ScalarHash.hash(scalars))
  }

  /// All tokens of the normalised text, including whitespace and punctuation.
  ///
  /// Their texts concatenate to ``TextNormalizer/normalize(_:)`` of `text`.
  ///
  /// - Complexity: O(*n* · *L*) for *n* scalars and longest lexicon word *L*.
  public func tokens(in text: String) -> [Token] {
    var scalars: [UInt32] = []
    TextNormalizer.normalize(text, into: &scalars)
    var ends: [Int] = []
    var workspace = Segmenter.Workspace()
    segmenter.segment(scalars, ends: &ends, workspace: &workspace)
    var tokens: [Token] = []
    tokens.reserveCapacity(ends.count)
    scalars.withUnsafeBufferPointer { buffer in
      var start = 0
      for end in ends {
        let kind = TextAnalyzer.kind(of: UnsafeBufferPointer(rebasing: buffer[start..<end]))
        tokens.append(Token(text: TextAnalyzer.string(buffer, start..<end), kind: kind, range: start..<end))
        start = end
      }
    }
    return tokens
  }

  /// The terms of `text` in order, with repeats: tokens of kind ``Token/Kind/han`` and
  /// ``Token/Kind/latin`` that survive the filters of ``TextAnalysisOptions``.
  ///
  /// Removed: whitespace, punctuation and symbols; stop words; numbers, percentages and
  /// Han tokens made only of numerals and date or count units (`2024`, `3.5%`, `三年`,
  /// `十一月`) unless ``TextAnalysisOptions/keepsNumbers``; one-scalar terms unless
  /// ``TextAnalysisOptions/keepsSingleCharacterTerms``. User words and discovered phrases
  /// are never removed as numerals (`十五五` stays).
  ///
  /// - Complexity: O(*n* · *L*), as ``tokens(in:)``; only kept terms allocate strings.
  public func terms(in text: String) -> [String] {
    var scalars: [UInt32] = []
    TextNormalizer.normalize(text, into: &scalars)
    var ends: [Int] = []
    var workspace = Segmenter.Workspace()
    segmenter.segment(scalars, ends: &ends, workspace: &workspace)
    var terms: [String] = []
    let keepsSingleCharacterTerms = resolvedOptions.keepsSingleCharacterTerms
    let keepsNumbers = resolvedOptions.keepsNumbers
    let indexesSubwords = resolvedOptions.indexesSubwords
    var subwordParts: [SubwordPart] = []
    scalars.withUnsafeBufferPointer { buffer in
      var start = 0
      for end in ends {
        defer { start = end }
        if end - start == 1 && !keepsSingleCharacterTerms { continue }
        let token = UnsafeBufferPointer(rebasing: buffer[start..<end])
        let kind = TextAnalyzer.kind(of: token)
        switch kind {
        case .han:
          if !keepsNumbers && TextAnalyzer.isNumeral(token)
            && !protectedHashes.contains(ScalarHash.hash(token))
          {
            continue
          }
        case .latin: break
        case .number: if !keepsNumbers { continue }
        case .whitespace, .punctuation, .symbol: continue
        }
        if stopWordHashes.contains(ScalarHash.hash(token)) { continue }
        terms.append(TextAnalyzer.string(buffer, start..<end))
        if indexesSubwords && kind == .han && end - start >= 3 {
          appendSubwords(of: buffer, start..<end, to: &terms, parts: &subwordParts)
        }
      }
    }
    return terms
  }

  /// Appends the parts of the Han term `buffer[range]` that are lexicon words (lengths 2 up
  /// to the term's length − 1, left to right, shorter first), filtered like terms.
  ///
  /// The parts starting at each position are found by one walk that extends the fragment while
  /// the lexicon holds it as a word or a prefix (it holds every prefix of every word), so a
  /// part is never hashed from scratch and most walks stop after one or two probes.
  ///
  /// - Parameter parts: Scratch space, reused across calls.
  private func appendSubwords(
    of buffer: UnsafeBufferPointer<UInt32>, _ range: Range<Int>, to terms: inout [String],
    parts: inout [SubwordPart]
  ) {
    let length = range.count
    // Every part found, in walk order; sorted below into the documented order. A term has
    // few parts, so a small array and a sort are cheapest.
    parts.removeAll(keepingCapacity: true)
    segmenter.lexicon.withLookup { lexicon in
      for partStart in range.lowerBound..<(range.upperBound - 1) {
        let first = buffer[partStart]
        var hash = ScalarHash.step(ScalarHash.offsetBasis, first)
        guard lexicon.logFrequency(ofSingle: first, hash: hash) != nil else { continue }
        var end = partStart + 1
        while end < range.upperBound && end - partStart < length - 1 {
          hash = ScalarHash.step(hash, buffer[end])
          guard let value = lexicon.logFrequency(ofHash: hash) else { break }
          end += 1
          if value > -.infinity { parts.append(SubwordPart(length: end - partStart, start: partStart, hash: hash)) }
        }
      }
    }
    parts.sort { ($0.length, $0.start) < ($1.length, $1.start) }
    for part in parts {
      if stopWordHashes.contains(part.hash) { continue }
      let scalars = UnsafeBufferPointer(rebasing: buffer[part.start..<(part.start + part.length)])
      if !resolvedOptions.keepsNumbers && TextAnalyzer.isNumeral(scalars) && !protectedHashes.contains(part.hash) {
        continue
      }
      terms.append(TextAnalyzer.string(buffer, part.start..<(part.start + part.length)))
    }
  }

  /// A sub-word found inside a term: where it starts in the text, its length, its hash.
  struct SubwordPart {
    var length: Int
    var start: Int
    var hash: UInt64
  }
}
