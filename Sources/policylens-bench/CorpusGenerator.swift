import Foundation
import Ingest
import LinearAlgebra

/// The bench's seeded generator: the library's SplitMix64, so corpora are reproducible from
/// `--seed`.
typealias BenchRandom = SplitMix64

extension SplitMix64 {
  /// Uniform in [0, 1).
  mutating func nextUnit() -> Double { Double(next() >> 11) * 0x1p-53 }
}

/// Deterministic synthetic corpora in 双周决策观察 format, resampled from the seed articles.
///
/// Each generated article takes a random seed article as its template (title, region, and
/// its paragraphs in random order, at most 12) plus one paragraph drawn from the whole seed
/// corpus. Articles are grouped into issues of `articlesPerIssue`, sorted by region tag, with
/// a contents list, masthead and back page, so ``NewsletterParser`` sees the real format.
///
/// With `growingVocabulary`, new pseudo-terms (2–4 random Han characters from U+4E00–U+9FA5)
/// are injected so the number of distinct injected terms follows Heaps' law,
///
///     V(n) = K · n^β,   K = `heapsK`, β = `heapsBeta`,
///
/// where *n* counts generated characters. Terms go after a paragraph's first `，`. Injected
/// terms are drawn with probability skewed
/// towards older terms (index ⌊V·u²⌋ for uniform *u*), a Zipf-like popularity, and every new
/// term is used at least once. With the defaults (K = 2, β = 0.6), 100k articles (≈ 150 M
/// characters) get ≈ 160k pseudo-terms, far beyond the seeds' ≈ 7k terms.
///
/// With `lexiconWords` (real words, most frequent first: ``lexiconWords(fromDictionaryAt:)``)
/// the growing vocabulary is made of real words instead: the first V(n) words of the list are
/// in use, each new one is used at least once, and every paragraph draws `wordsPerParagraph`
/// more from the words in use by a Zipf law of exponent 1 (rank *r* with probability ∝ 1/*r*;
/// inverse CDF *r* = ⌊(V + 1)^u⌋ for uniform *u*). Real words survive segmentation whole
/// (pseudo-terms mostly fall apart into single characters the analyzer drops), so the
/// model's vocabulary tracks V(n): with K = 3.4, β = 0.6 and 4 words per paragraph, 100k
/// articles reach 207k terms in the model (K = 2.5 gave 156k; raise K for more). Past the end of
/// the list no new words come.
///
/// Issue *i* (0-based) is `year = 2000 + i / 24`, `number = i % 24 + 1`, so article ids stay
/// unique. The same seed articles, options and seed give byte-identical output.
struct CorpusGenerator {
  struct Options {
    /// Total number of articles to generate.
    var articleCount: Int
    /// Articles per generated issue (file).
    var articlesPerIssue: Int = 12
    /// Seed of the ``BenchRandom`` generator.
    var seed: UInt64 = 42
    /// Whether to inject new pseudo-terms following Heaps' law.
    var growingVocabulary: Bool = false
    /// Heaps' law coefficient K.
    var heapsK: Double = 2
    /// Heaps' law exponent β.
    var heapsBeta: Double = 0.6
    /// Real words to grow the vocabulary from, most frequent first (`nil`: pseudo-terms).
    var lexiconWords: [String]? = nil
    /// Zipf-drawn words added to each paragraph with `lexiconWords`.
    var wordsPerParagraph: Int = 4
  }

  /// The words of a jieba-format dictionary (`word frequency [tag]` per line) made of two or
  /// more Han characters (U+4E00–U+9FD5), most frequent first (ties by word), without repeats.
  static func lexiconWords(fromDictionaryAt path: String) throws -> [String] {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    var seen = Set<String>()
    var entries: [(word: String, frequency: Int)] = []
    for line in text.split(separator: "\n") {
      let fields = line.split(separator: " ")
      guard fields.count >= 2, let frequency = Int(fields[1]) else { continue }
      let word = String(fields[0])
      let scalars = word.unicodeScalars
      guard scalars.count >= 2, scalars.allSatisfy({ (0x4E00...0x9FD5).contains($0.value) }) else { continue }
      if seen.insert(word).inserted { entries.append((word, frequency)) }
    }
    entries.sort { $0.frequency != $1.frequency ? $0.frequency > $1.frequency : $0.word < $1.word }
    return entries.map(\.word)
  }

  /// A generated file: its name and its text.
  struct File {
    var name: String
    var text: String
  }

  let templates: [Article]
  let paragraphPool: [String]
  let options: Options

  /// - Precondition: `templates` holds at least one article with a non-empty body.
  init(templates: [Article], options: Options) {
    let usable = templates.filter { !$0.body.isEmpty }
    precondition(!usable.isEmpty, "the generator needs at least one article with a body")
    precondition(options.articleCount >= 0 && options.articlesPerIssue > 0, "counts must be positive")
    self.templates = usable
    self.paragraphPool = usable.flatMap(\.body)
    self.options = options
  }

  /// The corpus as in-memory texts, one per issue.
  ///
  /// - Complexity: O(output size).
  func generateTexts() -> [File] {
    var random = BenchRandom(seed: options.seed)
    var vocabulary: [String] = []
    var pending: [String] = []
    var characterCount = 0
    var files: [File] = []
    var remaining = options.articleCount
    var issueIndex = 0
    while remaining > 0 {
      let count = min(remaining, options.articlesPerIssue)
      remaining -= count
      var articles: [(region: String, title: String, paragraphs: [String], source: String)] = []
      for _ in 0..<count {
        let template = templates[Int(random.next() % UInt64(templates.count))]
        var paragraphs = Array(template.body.prefix(12))
        paragraphs.shuffle(using: &random)
        paragraphs.append(paragraphPool[Int(random.next() % UInt64(paragraphPool.count))])
        if options.growingVocabulary {
          for index in paragraphs.indices {
            characterCount += paragraphs[index].count
            paragraphs[index] = inject(
              into: paragraphs[index], vocabulary: &vocabulary, pending: &pending,
              characterCount: characterCount, random: &random)
          }
        }
        let region = Gazetteer.provinces.contains(template.region) ? template.region : "区域"
        articles.append((region, template.title, paragraphs, template.source ?? "新华社"))
      }
      articles.sort { $0.region < $1.region }
      files.append(File(name: String(format: "issue-%06d.txt", issueIndex), text: render(articles, issue: issueIndex)))
      issueIndex += 1
    }
    return files
  }

  /// Writes ``generateTexts()`` into `folder` (created if needed) and returns the file paths.
  func write(to folder: String) throws -> [String] {
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    return try generateTexts().map { file in
      let path = (folder as NSString).appendingPathComponent(file.name)
      try Data(file.text.utf8).write(to: URL(fileURLWithPath: path))
      return path
    }
  }

  /// Adds new terms (so the vocabulary tracks Heaps' law) and a few older ones after the paragraph's first `，`.
  ///
  /// Paragraphs without one (headings, annex notes) are left alone so they cannot start to look
  /// like titles; their new terms wait for the next paragraph.
  func inject(
    into paragraph: String, vocabulary: inout [String], pending: inout [String], characterCount: Int,
    random: inout BenchRandom
  ) -> String {
    let target = Int(options.heapsK * pow(Double(characterCount), options.heapsBeta))
    if let words = options.lexiconWords {
      return injectWords(
        from: words, into: paragraph, target: min(target, words.count), vocabulary: &vocabulary,
        pending: &pending, random: &random)
    }
    while vocabulary.count < target {
      let length = 2 + Int(random.next() % 3)
      let term = String(
        String.UnicodeScalarView(
          (0..<length).compactMap { _ in Unicode.Scalar(0x4E00 + UInt32(random.next() % (0x9FA5 - 0x4E00))) }))
      vocabulary.append(term)
      pending.append(term)
    }
    guard let comma = paragraph.firstIndex(of: "，"), !vocabulary.isEmpty else { return paragraph }
    var terms = pending
    pending.removeAll()
    for _ in 0..<(1 + Int(random.next() % 3)) {
      let u = random.nextUnit()
      terms.append(vocabulary[min(vocabulary.count - 1, Int(Double(vocabulary.count) * u * u))])
    }
    let after = paragraph.index(after: comma)
    return String(paragraph[..<after]) + terms.joined(separator: "、") + "，" + String(paragraph[after...])
  }

  /// ``inject(into:vocabulary:pending:characterCount:random:)`` with real words: the next
  /// words of the list up to `target`, and `wordsPerParagraph` Zipf draws from those in use.
  func injectWords(
    from words: [String], into paragraph: String, target: Int, vocabulary: inout [String],
    pending: inout [String], random: inout BenchRandom
  ) -> String {
    while vocabulary.count < target {
      vocabulary.append(words[vocabulary.count])
      pending.append(vocabulary[vocabulary.count - 1])
    }
    guard let comma = paragraph.firstIndex(of: "，"), !vocabulary.isEmpty else { return paragraph }
    var terms = pending
    pending.removeAll()
    let logCount = log(Double(vocabulary.count + 1))
    for _ in 0..<options.wordsPerParagraph {
      let rank = Int(exp(random.nextUnit() * logCount))
      terms.append(vocabulary[min(vocabulary.count, max(rank, 1)) - 1])
    }
    let after = paragraph.index(after: comma)
    return String(paragraph[..<after]) + terms.joined(separator: "、") + "，" + String(paragraph[after...])
  }

  func render(_ articles: [(region: String, title: String, paragraphs: [String], source: String)], issue: Int) -> String
  {
    let year = 2000 + issue / 24
    let number = issue % 24 + 1
    var text = "研究院微信\n\n\(year)年第\(number)期\n\n(总第\(issue + 1)期)\n\n"
    text += "\((number - 1) / 2 + 1)月\(number % 2 == 1 ? 8 : 22)日印发\n\n双周决策观察\n\n地方工作亮点追踪\n\n"
    var previous: String?
    for article in articles {
      text += article.region == previous ? "\(article.title)\n" : "- 【\(article.region)】 \(article.title)\n"
      previous = article.region
    }
    text += "\n主办\n天津滨海综合发展研究院\n\n编辑\n贺然\n\n"
    previous = nil
    let stamp = String(format: "%04d%02d%02d", year, (number - 1) / 2 + 1, number % 2 == 1 ? 1 : 15)
    for article in articles {
      if article.region != previous { text += "【\(article.region)】\n\n" }
      previous = article.region
      text += article.title + "\n\n"
      for (index, paragraph) in article.paragraphs.enumerated() {
        text += paragraph
        if index == article.paragraphs.count - 1 { text += "（\(article.source) \(stamp)）" }
        text += "\n\n"
      }
    }
    text += "双周决策观察\n\n—— 地方工作亮点追踪 ——\n\n扫描二维码，敬请详看《BRI 双周决策观察》电子版\n\n"
    text += "报：新区区委书记\n送：新区各委办局\n"
    return text
  }
}
