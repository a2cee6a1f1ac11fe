import Foundation
import LinearAlgebra

/// Tags articles with themes by the evidence an analyst would point at, turned into a
/// probability with a fixed meaning.
///
/// For theme θ and article *d* the tagger gathers ``ThemeEvidence``: how often θ's phrases
/// (seed terms and name parts, matched on the text so a compound counts for its parts:
/// 生成式人工智能 contains 人工智能) occur in the title, the lead paragraph and the body, how
/// densely, how many different ones, whether the name is in the title, how often the
/// description's distinctive terms occur, and the latent cosine of *d* with θ's folded-in
/// name, description and seeds. A logistic model over these features
/// (``ThemeTaggerOptions/model``) gives P(θ | d), and *d* carries θ when
///
///     P(θ | d) ≥ threshold (default 0.4, chosen on the tuning half)  and  a phrase of θ occurs in d
///
/// so the latent space supports a tag but never makes one alone.
///
/// The model's weights are shared by all themes and were fitted once, on the tuning half of
/// the check set (`policylens evaluate … --calibrate-themes`), with each theme both as
/// written and cut to three seeds, as a new user writes one. Because the probability depends
/// only on the article and the theme, not on how the corpus's other articles score, a tag
/// does not move when unrelated articles are added (the corpus-relative z-scores of earlier
/// versions did).
///
/// - Complexity: O(*L* · *c* · *T*) for *L* characters of text, *T* themes and *c* phrases
///   sharing a first character, plus O(*n* · *k* · *T*) for the latent cosines.
public struct ThemeTagger: Sendable {
  /// The themes, in catalog order; ``ThemeScore/theme`` indexes this array.
  public let themes: [ThemeDefinition]
  /// Options (model and threshold).
  public let options: ThemeTaggerOptions
  /// For each theme, its phrases (normalised seed terms, then name parts).
  public let phrases: [[String]]
  /// For each theme, the description's distinctive vocabulary terms (in at most
  /// ``distinctiveDocumentShare`` of the documents, not already phrases).
  public let descriptionTerms: [[String]]
  /// Per theme, its phrases and its description terms, each counted for every theme in one
  /// pass over a text: counter θ counts theme θ's phrases, counter *T* + θ its description
  /// terms (*T* themes).
  private let textCounters: PhraseCounters
  /// Per theme, the parts of its name (counted in titles).
  private let nameCounters: PhraseCounters
  /// The scalars any phrase of any counter starts with.
  private let firstScalars: ScalarBitmap
  /// For each theme, its unit latent vector (Σ idf(t) V_t over the vocabulary terms of its
  /// name, description and phrases), or `nil` without a latent space.
  private let themeVectors: [[Double]]?

  /// A description term counts as distinctive when at most this share of documents contain it.
  public static let distinctiveDocumentShare = 0.2

  /// Prepares tagging for a model's vocabulary.
  ///
  /// - Parameters:
  ///   - themes: Theme definitions; keys must be unique.
  ///   - column: The vocabulary's column of a term, or `nil` for a term not in it (the model's
  ///     own lookup: building a table of a 200k-term vocabulary here was a fifth of `tag`).
  ///   - documentFrequency: df per term (column); `documentCount` the training documents.
  ///   - inverseDocumentFrequency: idf per term, to weight the theme's latent vector.
  ///   - termLoadings: *terms × k* loadings *V* (a `Matrix`, or the model's file read in place:
  ///     only the rows of the themes' terms are read), or `nil` to tag without a latent space.
  ///   - options: Model and threshold.
  public init(
    themes: [ThemeDefinition], column: (String) -> Int?, documentFrequency: [Int], documentCount: Int,
    inverseDocumentFrequency: [Double], termLoadings: (any TermLoadingTable)?,
    options: ThemeTaggerOptions = ThemeTaggerOptions()
  ) {
    precondition(Set(themes.map(\.key)).count == themes.count, "theme keys must be unique")
    precondition(inverseDocumentFrequency.count == documentFrequency.count)
    precondition(termLoadings.map { $0.rowCount == documentFrequency.count } ?? true)
    var phrases: [[String]] = []
    var descriptionTerms: [[String]] = []
    var vectors: [[Double]] = []
    for theme in themes {
      let names = Self.nameParts(of: theme.name)
      let own = Self.unique((theme.seedTerms + names).map(Self.normalize))
      phrases.append(own)
      let description = Self.vocabularyMatches(
        in: Self.normalize(theme.description), column: column)
      let distinctive = description.filter { term in
        guard let index = column(term), term.count >= 2 else { return false }
        return Double(documentFrequency[index]) <= Self.distinctiveDocumentShare * Double(max(1, documentCount))
          && !own.contains(term)
      }
      descriptionTerms.append(Self.unique(distinctive))
      if let termLoadings {
        var vector = [Double](repeating: 0, count: termLoadings.columnCount)
        let text = ([theme.name, theme.description] + theme.seedTerms).map(Self.normalize)
        let matched = text.flatMap { Self.vocabularyMatches(in: $0, column: column) } + own
        // In column order: a Set's order changes from one instance to the next, and with it the
        // last bits of the sum (and of every latent similarity).
        for index in Set(matched.compactMap(column)).sorted() {
          for j in 0..<termLoadings.columnCount {
            vector[j] += inverseDocumentFrequency[index] * termLoadings[index, j]
          }
        }
        vectors.append(l2Normalized(vector))
      }
    }
    self.themes = themes
    self.options = options
    self.phrases = phrases
    self.descriptionTerms = descriptionTerms
    let counters = phrases.map(PhraseCounter.init)
    let nameCounters = themes.map { PhraseCounter(Self.nameParts(of: $0.name).map(Self.normalize)) }
    let descriptionCounters = descriptionTerms.map(PhraseCounter.init)
    self.textCounters = PhraseCounters(counters + descriptionCounters)
    self.nameCounters = PhraseCounters(nameCounters)
    self.firstScalars = ScalarBitmap(firstScalarsOf: counters + nameCounters + descriptionCounters)
    self.themeVectors = termLoadings == nil ? nil : vectors
  }

  /// The evidence for every theme in one article.
  ///
  /// - Parameters:
  ///   - title: The article's title.
  ///   - body: Its paragraphs; the first is the lead.
  ///   - latentVector: Its latent vector (a row of *U*Σ, any scaling), or `nil`.
  /// - Returns: One ``ThemeEvidence`` per theme, in theme order.
  public func evidence(title: String, body: [String], latentVector: [Double]?) -> [ThemeEvidence] {
    withLatentSimilarity(textEvidence(title: title, body: body), latentVector: latentVector)
  }

  /// What the text of one article says about every theme: ``ThemeEvidence`` without its latent
  /// similarity (0) and examples, in theme order.
  ///
  /// This is the part of the evidence that depends only on the article's text and the themes'
  /// phrases (``textSignature(ofTheme:)``), so it can be computed once, when an article enters a
  /// model, and stored; ``withLatentSimilarity(_:latentVector:)`` completes it.
  ///
  /// - Complexity: O(*L*) to normalise and scan the text once for every theme's first scalars,
  ///   plus O(*c*) per position where a phrase may start.
  public func textEvidence(title: String, body: [String]) -> [ThemeEvidence] {
    let title = Self.normalizedScalars(title)
    let lead = Self.normalizedScalars(body.first ?? "")
    let text = Self.normalizedScalars(body.joined(separator: "\n"))
    let titlePositions = firstScalars.positions(in: title)
    // The description counts of the title and the text add up to those of the two joined by a
    // line break: no phrase spans one, so the title's last match ends before the text starts.
    let titleCounts = textCounters.counts(in: title, candidatePositions: titlePositions)
    let bodyCounts = textCounters.counts(in: text, candidatePositions: firstScalars.positions(in: text))
    let leadCounts = textCounters.counts(in: lead, candidatePositions: firstScalars.positions(in: lead))
    let nameCounts = nameCounters.counts(in: title, candidatePositions: titlePositions)
    let descriptions = themes.count
    return themes.indices.map { theme in
      var matched: [ThemeEvidence.PhraseCount] = []
      for (index, phrase) in textCounters.counters[theme].phrases.enumerated()
      where titleCounts[theme, index] + bodyCounts[theme, index] > 0 {
        matched.append(.init(phrase: phrase, count: titleCounts[theme, index] + bodyCounts[theme, index]))
      }
      matched.sort { $0.count > $1.count || ($0.count == $1.count && $0.phrase < $1.phrase) }
      return ThemeEvidence(
        titleCount: titleCounts.total(ofCounter: theme), leadCount: leadCounts.total(ofCounter: theme),
        bodyCount: bodyCounts.total(ofCounter: theme), bodyLength: text.count, distinctPhraseCount: matched.count,
        nameInTitle: nameCounts.total(ofCounter: theme) > 0,
        descriptionCount: titleCounts.total(ofCounter: descriptions + theme)
          + bodyCounts.total(ofCounter: descriptions + theme),
        latentSimilarity: 0, matchedPhrases: matched)
    }
  }

  /// Text evidence (``textEvidence(title:body:)``, one per theme) with each theme's latent
  /// similarity filled in from the article's latent vector (a row of *U*Σ, any scaling; `nil`
  /// leaves 0).
  public func withLatentSimilarity(_ evidence: [ThemeEvidence], latentVector: [Double]?) -> [ThemeEvidence] {
    guard let latentVector, let vectors = themeVectors else { return evidence }
    let unit = l2Normalized(latentVector)
    var evidence = evidence
    for theme in evidence.indices where unit.count == vectors[theme].count {
      evidence[theme].latentSimilarity = zip(unit, vectors[theme]).reduce(0) { $0 + $1.0 * $1.1 }
    }
    return evidence
  }

  /// Every article's latent similarity with every theme, in one pass: entry (*i*, θ) is what
  /// ``withLatentSimilarity(_:latentVector:)`` gives article *i* for θ, to the last bit
  /// (`Matrix.unitRowProducts(with:)`).
  ///
  /// - Parameter documentVectors: The articles' latent vectors (rows of *U*Σ, any scaling).
  /// - Returns: *n* × *T*, or `nil` without a latent space or when the dimensions differ (the
  ///   similarities then stay 0, as ``withLatentSimilarity(_:latentVector:)`` leaves them).
  /// - Complexity: O(*n* · *k* · *T*).
  public func latentSimilarities(documentVectors: Matrix) -> Matrix? {
    guard let vectors = themeVectorMatrix, documentVectors.columnCount == vectors.rowCount else { return nil }
    return documentVectors.unitRowProducts(with: vectors)
  }

  /// ``latentSimilarities(documentVectors:)`` from the articles' latent vectors already scaled to
  /// unit length, row after row (a model's `latent_unit_rows.npy`, mapped): the same bits when
  /// they were scaled by `Matrix.unitRows()`, without reading the vectors they came from.
  ///
  /// - Parameter unitLatentRows: *n* × *k* values, row-major.
  /// - Returns: *n* × *T*, or `nil` without a latent space or when the row length is not *k*.
  public func latentSimilarities(unitLatentRows: UnsafeBufferPointer<Double>) -> Matrix? {
    guard let vectors = themeVectorMatrix, unitLatentRows.count % vectors.rowCount == 0 else { return nil }
    return Matrix.rowProducts(ofRowMajor: unitLatentRows, with: vectors)
  }

  /// The themes' unit latent vectors as the columns of a *k* × *T* matrix.
  private var themeVectorMatrix: Matrix? {
    guard let vectors = themeVectors, let dimension = vectors.first?.count, dimension > 0 else { return nil }
    return Matrix(rowCount: dimension, columnCount: vectors.count, columnMajor: vectors.flatMap { $0 })
  }

  /// What theme `theme`'s text evidence depends on besides the text: its phrases, the parts of
  /// its name and its description terms, in one string.
  ///
  /// Two taggers whose signatures for a theme are equal count that theme's evidence in any text
  /// alike, so stored text evidence (``textEvidence(title:body:)``) stays valid for as long as
  /// the signature does.
  public func textSignature(ofTheme theme: Int) -> String {
    [
      textCounters.counters[theme].phrases, nameCounters.counters[theme].phrases,
      textCounters.counters[themes.count + theme].phrases,
    ].map { $0.joined(separator: "\u{1F}") }.joined(separator: "\u{1E}")
  }

  /// P(θ | d) for evidence of theme θ: ``ThemeTaggerOptions/model``, then, for a theme with
  /// examples, ``ThemeTaggerOptions/exampleModel`` on top (see ``ThemeExamples``).
  public func probability(_ evidence: ThemeEvidence) -> Double {
    let base = options.model.probability(evidence.features)
    guard let examples = evidence.examples else { return base }
    if let label = examples.label { return label ? 1 : 0 }
    guard examples.extendsEvidence else { return base }
    return options.exampleModel.probability(Self.exampleFeatures(base: base, examples))
  }

  /// The example model's features: the evidence logit and the four cosines (see ``ThemeExamples``).
  public static func exampleFeatures(base: Double, _ examples: ExampleSimilarity) -> [Double] {
    let clamped = min(max(base, 1e-9), 1 - 1e-9)
    return [
      log(clamped / (1 - clamped)), examples.latent, examples.lexical, examples.counterLatent, examples.otherLatent,
    ]
  }

  /// Whether evidence earns the tag: a phrase occurs and P ≥ the threshold (for a theme whose
  /// examples extend its evidence, P' ≥ ``ThemeTaggerOptions/exampleThreshold``; an example
  /// always does, a counter-example never).
  public func carries(_ evidence: ThemeEvidence) -> Bool {
    if let label = evidence.examples?.label { return label }
    let threshold = evidence.examples?.extendsEvidence == true ? options.exampleThreshold : options.threshold
    return evidence.hasPhrase && probability(evidence) >= threshold
  }

  /// Whether the evidence alone (``carries(_:)`` without examples) tags every one of `rows`,
  /// for theme `theme`: examples it already finds teach nothing new (``ThemeExamples/extendsEvidence``).
  ///
  /// - Parameter evidenceOfRow: An article's evidence for every theme, latent similarity
  ///   included, without examples.
  public func findsAll(_ rows: some Sequence<Int>, ofTheme theme: Int, evidenceOfRow: (Int) -> [ThemeEvidence])
    -> Bool
  {
    rows.allSatisfy { row in
      var evidence = evidenceOfRow(row)[theme]
      evidence.examples = nil
      return carries(evidence)
    }
  }

  /// The evidence for every theme in article `row`, with its closeness to each theme's
  /// examples (themes without examples are left without).
  public func evidence(
    ofRow row: Int, title: String, body: [String], documentVectors: Matrix?, examples: ExampleContext?
  ) -> [ThemeEvidence] {
    evidence(
      ofRow: row, textEvidence: textEvidence(title: title, body: body), documentVectors: documentVectors,
      examples: examples)
  }

  /// The evidence for every theme in article `row` from its text evidence (one per theme, see
  /// ``textEvidence(title:body:)``), completed with its latent similarity and its closeness to
  /// each theme's examples.
  public func evidence(
    ofRow row: Int, textEvidence: [ThemeEvidence], documentVectors: Matrix?, examples: ExampleContext?
  ) -> [ThemeEvidence] {
    withExamples(
      withLatentSimilarity(textEvidence, latentVector: documentVectors?.row(row)), ofRow: row, examples: examples)
  }

  /// `evidence`, one per theme, with article `row`'s closeness to each theme's examples.
  private func withExamples(_ evidence: [ThemeEvidence], ofRow row: Int, examples: ExampleContext?) -> [ThemeEvidence] {
    guard let examples else { return evidence }
    var all = evidence
    let similarities = ExampleSimilarity.contrasting(
      examples.themes.map { learned in
        learned?.similarity(ofRow: row, unitLatentRows: examples.unitLatentRows, termWeights: examples.termWeights)
      }, keys: themes.map(\.key))
    for (theme, similarity) in similarities.enumerated() { all[theme].examples = similarity }
    return all
  }

  /// What tagging with examples needs besides the texts.
  public struct ExampleContext: Sendable {
    /// Per theme, what it learned from its marked articles (`nil`: no examples).
    public var themes: [ThemeExamples?]
    /// The articles' unit latent rows.
    public var unitLatentRows: Matrix
    /// The articles' TF-IDF rows.
    public var termWeights: SparseMatrix

    public init(themes: [ThemeExamples?], unitLatentRows: Matrix, termWeights: SparseMatrix) {
      self.themes = themes
      self.unitLatentRows = unitLatentRows
      self.termWeights = termWeights
    }
  }

  /// The themes of every article, by probability descending, ties by theme order.
  ///
  /// - Parameters:
  ///   - articles: (title, body paragraphs) per article.
  ///   - documentVectors: The articles' latent vectors (rows of *U*Σ), or `nil`.
  ///   - examples: Themes' examples, if any theme has some.
  public func tagging(
    articles: [(title: String, body: [String])], documentVectors: Matrix?, examples: ExampleContext? = nil
  ) -> ThemeTagResult {
    tagging(
      articleCount: articles.count, documentVectors: documentVectors, examples: examples,
      textEvidence: { textEvidence(title: articles[$0].title, body: articles[$0].body) })
  }

  /// The themes of every article from their text evidence (stored, or counted by
  /// ``textEvidence(title:body:)``), by probability descending, ties by theme order.
  ///
  /// - Parameters:
  ///   - articleCount: Number of articles.
  ///   - documentVectors: The articles' latent vectors (rows of *U*Σ), or `nil`.
  ///   - examples: Themes' examples, if any theme has some.
  ///   - textEvidence: Article row → its text evidence, one per theme; called from several
  ///     threads at once (chunks of articles are tagged on every core).
  /// - Complexity: O(*n* · *T* · *k*) beyond `textEvidence`, for *n* articles, *T* themes and *k*
  ///   latent dimensions.
  public func tagging(
    articleCount: Int, documentVectors: Matrix?, examples: ExampleContext? = nil,
    textEvidence: @Sendable (Int) -> [ThemeEvidence]
  ) -> ThemeTagResult {
    precondition(documentVectors == nil || documentVectors?.rowCount == articleCount, "one vector per article")
    return tagging(
      articleCount: articleCount,
      latentSimilarities: documentVectors.flatMap { latentSimilarities(documentVectors: $0) },
      examples: examples, textEvidence: textEvidence)
  }

  /// ``tagging(articleCount:documentVectors:examples:textEvidence:)`` with every article's latent
  /// similarity already computed (``latentSimilarities(documentVectors:)`` or
  /// ``latentSimilarities(unitLatentRows:)``).
  ///
  /// - Parameter latentSimilarities: *n* × *T*, or `nil` to leave them 0.
  public func tagging(
    articleCount: Int, latentSimilarities similarities: Matrix?, examples: ExampleContext? = nil,
    textEvidence: @Sendable (Int) -> [ThemeEvidence]
  ) -> ThemeTagResult {
    precondition(
      similarities.map { $0.rowCount == articleCount && $0.columnCount == themes.count } ?? true,
      "one latent similarity per article and theme")
    // Articles are tagged independently, so consecutive chunks run on every core and are joined
    // in article order: the same result as one pass.
    let chunkCount = max(1, min(articleCount / 2_048, ProcessInfo.processInfo.activeProcessorCount * 4))
    let chunkSize = (articleCount + chunkCount - 1) / chunkCount
    nonisolated(unsafe) let parts = UnsafeMutableBufferPointer<ThemeTagResult>.allocate(capacity: chunkCount)
    defer { parts.deallocate() }
    DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
      let rows = min(articleCount, chunk * chunkSize)..<min(articleCount, (chunk + 1) * chunkSize)
      parts.initializeElement(
        at: chunk, to: tagging(rows: rows, similarities: similarities, examples: examples, textEvidence: textEvidence))
    }
    defer { _ = parts.deinitialize() }
    var tags: [[ThemeScore]] = []
    tags.reserveCapacity(articleCount)
    var withPhrases = [Int](repeating: 0, count: themes.count)
    for part in parts {
      tags += part.tags
      for theme in themes.indices { withPhrases[theme] += part.articlesWithPhrases[theme] }
    }
    // A phrase is unmatched when no chunk met it.
    let unmatched = themes.indices.map { theme in
      phrases[theme].filter { phrase in parts.allSatisfy { $0.unmatchedPhrases[theme].contains(phrase) } }
    }
    return ThemeTagResult(tags: tags, articlesWithPhrases: withPhrases, unmatchedPhrases: unmatched)
  }

  /// ``tagging(articleCount:documentVectors:examples:textEvidence:)`` for the articles at `rows`.
  private func tagging(
    rows: Range<Int>, similarities: Matrix?, examples: ExampleContext?, textEvidence: (Int) -> [ThemeEvidence]
  ) -> ThemeTagResult {
    var tags: [[ThemeScore]] = []
    tags.reserveCapacity(rows.count)
    // Per theme, its phrases not met yet, in phrase order (few, and soon none: cheaper than a
    // set of every phrase met).
    var unmatched = phrases
    var withPhrases = [Int](repeating: 0, count: themes.count)
    for row in rows {
      var all = textEvidence(row)
      if let similarities {
        for theme in all.indices { all[theme].latentSimilarity = similarities[row, theme] }
      }
      all = withExamples(all, ofRow: row, examples: examples)
      var scores: [ThemeScore] = []
      for (theme, evidence) in all.enumerated() {
        if !unmatched[theme].isEmpty {
          for match in evidence.matchedPhrases { unmatched[theme].removeAll { $0 == match.phrase } }
        }
        if evidence.hasPhrase { withPhrases[theme] += 1 }
        guard carries(evidence) else { continue }
        scores.append(
          ThemeScore(theme: theme, key: themes[theme].key, score: probability(evidence), evidence: evidence))
      }
      scores.sort { $0.score > $1.score || ($0.score == $1.score && $0.theme < $1.theme) }
      tags.append(scores)
    }
    return ThemeTagResult(tags: tags, articlesWithPhrases: withPhrases, unmatchedPhrases: unmatched)
  }

  /// How many articles carry each theme, indexed like ``themes``.
  public func articleCounts(_ tags: [[ThemeScore]]) -> [Int] {
    var counts = [Int](repeating: 0, count: themes.count)
    for article in tags { for score in article { counts[score.theme] += 1 } }
    return counts
  }

  /// NFKC and lower case, so full-width and Latin-case variants match.
  public static func normalize(_ text: String) -> String {
    text.precomposedStringWithCompatibilityMapping.lowercased()
  }

  /// The scalars of ``normalize(_:)``'s result, computed without Foundation when every scalar
  /// of `text` is one whose NFKC form and lower case are known here: ASCII (upper case letters
  /// lowered), CJK ideographs (U+3400–U+4DBF, U+4E00–U+9FFF, unchanged), the CJK and general
  /// punctuation Chinese text uses that NFKC keeps (、。〈〉《》「」『』【】〔〕, quotes, dashes, ·, •), and
  /// the ones it maps to ASCII (full-width forms U+FF01–U+FF5E, the ideographic space, no-break
  /// space, … → ...).
  ///
  /// None of these scalars composes with another under NFKC, so such a text normalises scalar by
  /// scalar; any other scalar sends the whole text to ``normalize(_:)``. Most of a newsletter's
  /// text takes the fast path, which is what makes counting theme evidence for 100,000 articles
  /// affordable.
  ///
  /// The fast path decodes the UTF-8 by hand into a buffer of the final size: iterating
  /// `unicodeScalars` and appending was a quarter of the evidence's time in a 100k fit.
  static func normalizedScalars(_ text: String) -> [Unicode.Scalar] {
    var text = text
    return text.withUTF8 { fastNormalizedScalars($0) } ?? Array(normalize(text).unicodeScalars)
  }

  /// The fast path of ``normalizedScalars(_:)`` over valid UTF-8 `bytes`; `nil` at the first
  /// scalar it does not know.
  private static func fastNormalizedScalars(_ bytes: UnsafeBufferPointer<UInt8>) -> [Unicode.Scalar]? {
    var known = true
    // At most one scalar per byte: … (3 bytes) is the longest expansion, to 3 scalars.
    let result = [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { output, count in
      count = 0
      func put(_ value: UInt32) {
        // Every value put is a scalar of the set above (no surrogates).
        output.initializeElement(at: count, to: Unicode.Scalar(value).unsafelyUnwrapped)
        count += 1
      }
      var index = 0
      while index < bytes.count {
        let lead = UInt32(bytes[index])
        let value: UInt32
        if lead < 0x80 {
          value = lead
          index += 1
        } else if lead < 0xE0 {
          value = (lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
          index += 2
        } else if lead < 0xF0 {
          value = (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
          index += 3
        } else {
          known = false  // beyond the Basic Multilingual Plane: none is in the fast set
          break
        }
        switch value {
        case 0x41...0x5A: put(value + 0x20)
        case 0x00...0x7F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0x3001...0x3002, 0x3008...0x3011, 0x3014...0x301B,
          0x2010, 0x2013...0x2014, 0x2018...0x2019, 0x201C...0x201D, 0x00B7, 0x2022:
          put(value)
        case 0xFF21...0xFF3A: put(value - 0xFF21 + 0x61)
        case 0xFF01...0xFF5E: put(value - 0xFF01 + 0x21)
        case 0x3000, 0x00A0: put(0x20)
        case 0x2026:
          put(0x2E)
          put(0x2E)
          put(0x2E)
        default: known = false
        }
        if !known { break }
      }
    }
    return known ? result : nil
  }

  /// The parts of a theme name: 人工智能/大模型 → 人工智能, 大模型.
  static func nameParts(of name: String) -> [String] {
    name.split(whereSeparator: { "/／、,，".contains($0) || $0.isWhitespace }).map(String.init)
  }

  /// Description and name words are matched against the vocabulary up to this many characters.
  static let longestMatchedTerm = 12

  /// The vocabulary terms in `text`, longest match first at each position (up to
  /// ``longestMatchedTerm`` characters), skipping characters no term starts with.
  static func vocabularyMatches(in text: String, column: (String) -> Int?) -> [String] {
    let characters = Array(text)
    var found: [String] = []
    var position = 0
    while position < characters.count {
      var advance = 1
      for length in stride(from: min(longestMatchedTerm, characters.count - position), through: 2, by: -1) {
        let candidate = String(characters[position..<(position + length)])
        if column(candidate) != nil {
          found.append(candidate)
          advance = length
          break
        }
      }
      position += advance
    }
    return found
  }

  private static func unique(_ values: [String]) -> [String] {
    var seen = Set<String>()
    return values.filter { !$0.isEmpty && seen.insert($0).inserted }
  }
}
