import Synchronization

/// jieba's default segmentation (`jieba.cut(text, HMM=True)`) on normalised scalars.
///
/// 1. The text is split into blocks matching `[\u4E00-\u9FD5a-zA-Z0-9+#&._%-]+`; every
///    other scalar is its own token, except `\r\n`, which is one.
/// 2. Inside a block, every position *k* has the DAG edges *k* → *x* + 1 for each word
///    `block[k…x]` in the lexicon, found by extending a prefix while the lexicon holds it
///    (at most `maxWordLength` steps). A position without an edge gets *k* → *k* + 1.
/// 3. The maximum-probability path is computed right to left:
///    `route[k] = max over x of (ln freq(block[k…x]) − ln total) + route[x + 1]`,
///    with `freq` 1 for the fallback edge and ties going to the longer word, as Python's
///    `max` over `(probability, x)` tuples does.
/// 4. Following the path, consecutive one-character words are buffered; a buffer of two or
///    more characters that is not itself a lexicon word goes to ``HiddenMarkovModel``
///    (for its Han runs; other runs split on `[a-zA-Z0-9]+(?:\.\d+)?%?`), otherwise its
///    characters are emitted one by one. Without the HMM, jieba's `__cut_DAG_NO_HMM`
///    instead merges consecutive single ASCII letters and digits.
///
/// **Protected words (a deliberate difference from jieba).** When `protectedWords` holds
/// user-dictionary words and discovered phrases, their occurrences in a block are found
/// first, leftmost-longest and without overlap; the DP must then take each occurrence as
/// one edge and may not end any other edge inside it. jieba only raises such a word's
/// frequency (`suggest_freq`), which keeps it whole on its own but not always in context
/// (`绿色金融服务体系` → `绿色 / 金融服务 / 体系`). With protection, a user word is split
/// only where it overlaps an earlier user word (`未来产业集群` with both `未来产业` and
/// `产业集群` listed → `未来产业 / 集群`). Lexicon words longer than a protected word may
/// still contain it.
///
/// Source: Sun Junyi, jieba 0.42.1, `jieba/__init__.py` (`get_DAG`, `calc`, `__cut_DAG`) and
/// `jieba/finalseg/__init__.py`.
///
/// - Complexity: O(*n* · *L*) time for *n* scalars and longest word length *L*; O(*n*) memory.
struct Segmenter: Sendable {
  let lexicon: Lexicon
  let logTotal: Double
  let usesHiddenMarkovModel: Bool
  let hiddenMarkovModel: HiddenMarkovModel
  /// User words and discovered phrases (with their prefixes), or `nil` when there are none.
  let protectedWords: Lexicon?
  /// A filter of the lexicon's keys, built once enough text has been segmented.
  let wordFilter: WordFilter

  init(
    lexicon: Lexicon, usesHiddenMarkovModel: Bool, protectedWords: Lexicon? = nil,
    hiddenMarkovModel: HiddenMarkovModel = .shared
  ) {
    self.lexicon = lexicon
    self.protectedWords = protectedWords
    self.wordFilter = WordFilter(lexicon: lexicon)
    self.logTotal = log(lexicon.total)
    self.usesHiddenMarkovModel = usesHiddenMarkovModel
    self.hiddenMarkovModel = hiddenMarkovModel
  }

  /// Reusable scratch space for ``segment(_:ends:workspace:)``.
  struct Workspace {
    var routeProbability: [Double] = []
    var routeEnd: [Int32] = []
    var viterbi: [UInt8] = []
    /// Per block position: end of the protected word starting there, or 0.
    var protectedEnd: [Int32] = []
    /// Per block position: whether a cut there would split a protected word.
    var isInterior: [Bool] = []
    /// Positions of `protectedEnd` and `isInterior` that may hold marks (the rest are clear).
    var markedCount = 0
    /// Lexicon probes made so far (hash-table lookups while extending prefixes).
    var probeCount = 0
  }

  /// Appends the end offset (exclusive) of every token of `scalars` to `ends`.
  func segment(_ scalars: [UInt32], ends: inout [Int], workspace: inout Workspace) {
    // The tables are opened once per text, not per block or probe: opening one retains its
    // mapped file, and a copied `Lexicon` retains its arrays.
    let filter = wordFilter.filter(afterSegmenting: scalars.count)
    filter.words.withUnsafeBufferPointer { filterBits in
      lexicon.withLookup { words in
        if let protectedWords {
          protectedWords.withLookup { protected in
            let tables = Tables(words: words, protected: protected, filter: filter, filterBits: filterBits)
            segment(scalars, tables, ends: &ends, workspace: &workspace)
          }
        } else {
          let tables = Tables(words: words, protected: nil, filter: filter, filterBits: filterBits)
          segment(scalars, tables, ends: &ends, workspace: &workspace)
        }
      }
    }
  }

  /// The lookups of one ``segment(_:ends:workspace:)`` call.
  private struct Tables {
    let words: Lexicon.Lookup
    /// User words and discovered phrases, when there are any.
    let protected: Lexicon.Lookup?
    /// The lexicon's key filter (or ``Lexicon/KeyFilter/everything``), and its bits.
    let filter: Lexicon.KeyFilter
    let filterBits: UnsafeBufferPointer<UInt64>
  }

  /// A Bloom filter of the lexicon's keys, built when this segmenter has segmented
  /// ``threshold`` scalars, so that bulk segmentation (a fit) checks 1 MiB of bits that stay in
  /// the L2 cache before probing the 16 MB table, while a query, which segments a few words,
  /// never pays for building it (a pass over the whole table).
  ///
  /// Most probes past a position's first scalar find nothing (two-scalar fragments are absent
  /// about half the time, three-scalar ones four times in five); the filter answers those from
  /// cache. It has no false negatives, so the segmentation is the same with or without it.
  final class WordFilter: Sendable {
    /// Scalars segmented before the filter is built: about 3 MB of Chinese text.
    static let threshold = 1 << 20
    /// Bits of the filter: 1 MiB, about 6 % false positives at jieba's 500k keys.
    static let bitCount = 1 << 23

    private let lexicon: Lexicon
    private let threshold: Int
    private let state = Mutex<(segmented: Int, filter: Lexicon.KeyFilter?)>((0, nil))

    /// - Parameter threshold: Scalars to segment before building the filter (0: at once).
    init(lexicon: Lexicon, threshold: Int = WordFilter.threshold) {
      self.lexicon = lexicon
      self.threshold = threshold
    }

    /// The filter once built, else ``Lexicon/KeyFilter/everything``, counting `count` more
    /// scalars segmented (and building the filter when they reach the threshold).
    func filter(afterSegmenting count: Int) -> Lexicon.KeyFilter {
      let (ready, due) = state.withLock { state -> (Lexicon.KeyFilter?, Bool) in
        state.segmented += count
        return (state.filter, state.filter == nil && state.segmented >= threshold)
      }
      if let ready { return ready }
      guard due else { return .everything }
      // Built outside the lock: two threads may both build it, and the second keeps the first.
      let built = lexicon.keyFilter(bitCount: Self.bitCount)
      return state.withLock { state in
        if state.filter == nil { state.filter = built }
        return state.filter ?? built
      }
    }
  }

  private func segment(_ scalars: [UInt32], _ tables: Tables, ends: inout [Int], workspace: inout Workspace) {
    let n = scalars.count
    var position = 0
    while position < n {
      let scalar = scalars[position]
      if ScalarClass.isBlock(scalar) {
        var end = position + 1
        while end < n, ScalarClass.isBlock(scalars[end]) { end += 1 }
        cutBlock(scalars, position..<end, tables, ends: &ends, workspace: &workspace)
        position = end
      } else {
        position += (scalar == 0x0D && position + 1 < n && scalars[position + 1] == 0x0A) ? 2 : 1
        ends.append(position)
      }
    }
  }

  private func cutBlock(
    _ scalars: [UInt32], _ block: Range<Int>, _ tables: Tables, ends: inout [Int], workspace: inout Workspace
  ) {
    computeRoute(scalars, block, tables, workspace: &workspace)
    let start = block.lowerBound
    var bufferStart = -1
    var x = start
    if usesHiddenMarkovModel {
      while x < block.upperBound {
        let y = Int(workspace.routeEnd[x - start])
        if y - x == 1 {
          if bufferStart < 0 { bufferStart = x }
        } else {
          if bufferStart >= 0 {
            flushBuffer(scalars, bufferStart..<x, tables, ends: &ends, workspace: &workspace)
            bufferStart = -1
          }
          ends.append(y)
        }
        x = y
      }
      if bufferStart >= 0 {
        flushBuffer(scalars, bufferStart..<block.upperBound, tables, ends: &ends, workspace: &workspace)
      }
    } else {
      while x < block.upperBound {
        let y = Int(workspace.routeEnd[x - start])
        if y - x == 1 && ScalarClass.isASCIIAlphanumeric(scalars[x]) {
          if bufferStart < 0 { bufferStart = x }
        } else {
          if bufferStart >= 0 {
            ends.append(x)
            bufferStart = -1
          }
          ends.append(y)
        }
        x = y
      }
      if bufferStart >= 0 { ends.append(block.upperBound) }
    }
  }

  /// Fills `routeEnd[k − start]` with the end of the best first word from *k*.
  private func computeRoute(_ scalars: [UInt32], _ block: Range<Int>, _ tables: Tables, workspace: inout Workspace) {
    let count = block.count
    let start = block.lowerBound
    if workspace.routeProbability.count < count + 1 {
      workspace.routeProbability = Array(repeating: 0, count: count + 1)
      workspace.routeEnd = Array(repeating: 0, count: count + 1)
    }
    let logTotal = self.logTotal
    let isProtecting = markProtectedWords(scalars, block, tables, workspace: &workspace)
    let lexicon = tables.words
    let filter = tables.filter
    let filterBits = tables.filterBits
    let probeCount = scalars.withUnsafeBufferPointer { text in
      workspace.protectedEnd.withUnsafeBufferPointer { protectedEnd in
        workspace.isInterior.withUnsafeBufferPointer { isInterior in
          workspace.routeProbability.withUnsafeMutableBufferPointer { probability in
            workspace.routeEnd.withUnsafeMutableBufferPointer { routeEnd in
              probability[count] = 0
              var probes = 0
              var k = block.upperBound &- 1
              while k >= start {
                var best = -Double.infinity
                var bestEnd = -1
                let forcedEnd = isProtecting ? Int(protectedEnd[k &- start]) : 0
                var hash = ScalarHash.offsetBasis
                var x = k
                while x < block.upperBound {
                  let scalar = text[x]
                  hash = ScalarHash.step(hash, scalar)
                  probes &+= 1
                  // The first probe is answered by the singles table, the others by the filter
                  // when the fragment is certainly absent, else by the hash table.
                  let found =
                    x == k
                    ? lexicon.logFrequency(ofSingle: scalar, hash: hash)
                    : filter.mayContain(hash: hash, in: filterBits) ? lexicon.logFrequency(ofHash: hash) : nil
                  guard let value = found else { break }
                  x &+= 1
                  if value > -Double.infinity
                    && (!isProtecting || (forcedEnd == 0 ? !isInterior[x &- start] : x == forcedEnd))
                  {
                    let candidate = (value - logTotal) + probability[x &- start]
                    if bestEnd < 0 || candidate >= best {
                      best = candidate
                      bestEnd = x
                    }
                  }
                }
                if bestEnd < 0 {
                  bestEnd = k &+ 1
                  best = (0 - logTotal) + probability[bestEnd &- start]
                }
                probability[k &- start] = best
                routeEnd[k &- start] = Int32(truncatingIfNeeded: bestEnd)
                k &-= 1
              }
              return probes
            }
          }
        }
      }
    }
    workspace.probeCount &+= probeCount
  }

  /// Marks leftmost-longest occurrences of protected words in the block; returns whether
  /// there are any.
  private func markProtectedWords(
    _ scalars: [UInt32], _ block: Range<Int>, _ tables: Tables, workspace: inout Workspace
  ) -> Bool {
    guard let words = tables.protected else { return false }
    let count = block.count
    let start = block.lowerBound
    if workspace.protectedEnd.count < count + 1 {
      workspace.protectedEnd = Array(repeating: 0, count: count + 1)
      workspace.isInterior = Array(repeating: false, count: count + 1)
    } else {
      // Only the previous marks need clearing: most blocks have none.
      for index in 0..<workspace.markedCount {
        workspace.protectedEnd[index] = 0
        workspace.isInterior[index] = false
      }
    }
    workspace.markedCount = 0
    var found = false
    var k = start
    while k < block.upperBound {
      // Over half the positions (of the seeds, with a fitted model's words) hold a scalar no
      // protected word starts with: the singles table says so in one load.
      let first = scalars[k]
      var hash = ScalarHash.step(ScalarHash.offsetBasis, first)
      guard words.logFrequency(ofSingle: first, hash: hash) != nil else {
        k += 1
        continue
      }
      var longest = 0
      var x = k + 1
      while x < block.upperBound {
        hash = ScalarHash.step(hash, scalars[x])
        guard let value = words.logFrequency(ofHash: hash) else { break }
        x += 1
        if value > -.infinity { longest = x }
      }
      if longest > k + 1 {
        found = true
        workspace.protectedEnd[k - start] = Int32(longest)
        for inside in (k + 1)..<longest { workspace.isInterior[inside - start] = true }
        workspace.markedCount = longest - start
        k = longest
      } else {
        k += 1
      }
    }
    return found
  }

  /// jieba's handling of a run of one-character words: alone, HMM, or characters.
  private func flushBuffer(
    _ scalars: [UInt32], _ buffer: Range<Int>, _ tables: Tables, ends: inout [Int], workspace: inout Workspace
  ) {
    if buffer.count == 1 {
      ends.append(buffer.upperBound)
    } else if !tables.words.isWord(ofHash: ScalarHash.hash(scalars[buffer])) {
      finalSegment(scalars, buffer, ends: &ends, workspace: &workspace)
    } else {
      for position in buffer { ends.append(position + 1) }
    }
  }

  /// jieba's `finalseg.cut`: Viterbi on Han runs, `[a-zA-Z0-9]+(?:\.\d+)?%?` elsewhere.
  private func finalSegment(_ scalars: [UInt32], _ range: Range<Int>, ends: inout [Int], workspace: inout Workspace) {
    var position = range.lowerBound
    while position < range.upperBound {
      var end = position + 1
      if ScalarClass.isHan(scalars[position]) {
        while end < range.upperBound, ScalarClass.isHan(scalars[end]) { end += 1 }
        hiddenMarkovModel.cut(scalars, position..<end, ends: &ends, work: &workspace.viterbi)
      } else {
        while end < range.upperBound, !ScalarClass.isHan(scalars[end]) { end += 1 }
        splitSkip(scalars, position..<end, ends: &ends)
      }
      position = end
    }
  }

  /// `re.split("([a-zA-Z0-9]+(?:\.\d+)?%?)", run)` without the empty pieces.
  private func splitSkip(_ scalars: [UInt32], _ range: Range<Int>, ends: inout [Int]) {
    var pieceStart = range.lowerBound
    var position = range.lowerBound
    let end = range.upperBound
    while position < end {
      guard ScalarClass.isASCIIAlphanumeric(scalars[position]) else {
        position += 1
        continue
      }
      var matchEnd = position
      while matchEnd < end, ScalarClass.isASCIIAlphanumeric(scalars[matchEnd]) { matchEnd += 1 }
      if matchEnd + 1 < end, scalars[matchEnd] == 0x2E, ScalarClass.isASCIIDigit(scalars[matchEnd + 1]) {
        matchEnd += 1
        while matchEnd < end, ScalarClass.isASCIIDigit(scalars[matchEnd]) { matchEnd += 1 }
      }
      if matchEnd < end, scalars[matchEnd] == 0x25 { matchEnd += 1 }
      if position > pieceStart { ends.append(position) }
      ends.append(matchEnd)
      pieceStart = matchEnd
      position = matchEnd
    }
    if end > pieceStart { ends.append(end) }
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
