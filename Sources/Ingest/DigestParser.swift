/// Parser for 信息摘编 (see ``NewsletterParser``).
struct DigestParser {
  let lines: [TextLine]
  let file: String
  var warnings: [IngestWarning] = []

  /// Section headings the digest uses; any short contents line without a page number is
  /// treated as a heading too.
  static let knownSections: Set<String> = [
    "热点关注", "行业动向", "国际视野", "国内动态", "自贸专题", "国研专稿", "企业排行榜", "图书推荐",
  ]

  init(lines: [TextLine], file: String) {
    self.lines = lines
    self.file = file
  }

  struct Entry {
    var section: String
    var title: String
    var key: [Unicode.Scalar]
  }

  /// A contents line split into its title and whether it carried a page number or leader.
  static func contentsLine(_ text: Substring) -> (title: Substring, hasPage: Bool) {
    var scalars = text.unicodeScalars[...]
    let original = scalars.count
    while let last = scalars.last, isTrimmable(last) { scalars.removeLast() }
    while let last = scalars.last, ("0"..."9").contains(last) { scalars.removeLast() }
    let digitsRemoved = scalars.count < original
    while let last = scalars.last, isTrimmable(last) || ".…·．".unicodeScalars.contains(last) {
      scalars.removeLast()
    }
    let leaderRemoved = scalars.count < original
    return (trimmed(Substring(scalars)), digitsRemoved || leaderRemoved)
  }

  mutating func parse() -> Newsletter {
    var layout = ParseLayout(lines: lines)
    let count = lines.count
    let contentsStart = lines.firstIndex { $0.text.hasBytePrefix("目录") } ?? count

    // Header.
    var year: Int?
    var number: Int?
    var issue = ""
    var date: String?
    for line in lines[0..<contentsStart] where !line.isBlank {
      if let parsed = IssueHeader.digestIssue(line.text) {
        (year, number) = (parsed.year, parsed.number)
        issue = IssueHeader.compact(line.text)
      } else if let end = IssueHeader.collectionPeriodEnd(line.text) {
        date = end
      }
    }
    if year == nil { warnings.append(.missingIssueHeader(file: file)) }

    // Contents: headings and "title …… page" lines, until the body repeats the first title.
    var entries: [Entry] = []
    var section = ""
    var i = contentsStart + 1
    while i < count {
      let text = lines[i].text
      if text.isEmpty { i += 1; continue }
      let (title, hasPage) = Self.contentsLine(text)
      let isHeading = Self.knownSections.contains(String(title)) || (!hasPage && title.count <= 6)
      if isHeading {
        section = String(title)
        if hasPage {
          entries.append(Entry(section: section, title: section, key: TitleMatcher.key(title)))
        }
      } else if hasPage || wrappedEntry(at: i) != nil, !title.isEmpty {
        var title = title
        // A title too long for the line continues on the next one, which carries the page.
        if !hasPage, let continuation = wrappedEntry(at: i) {
          title = Substring(Self.joinWrapped(title, continuation.title))
          i = continuation.index
        }
        let key = TitleMatcher.key(title)
        if let first = entries.first(where: { $0.title != $0.section }), TitleMatcher.matches(key, first.key),
          entries.count > 1
        {
          break
        }
        entries.append(Entry(section: section, title: String(title), key: key))
      } else {
        break
      }
      i += 1
    }
    let bodyStart = contentsStart < count ? i : 0
    layout.mark(0..<min(contentsStart, bodyStart), as: .masthead)
    if contentsStart < count { layout.mark(contentsStart..<bodyStart, as: .contents) }

    // Body: match entries in order.
    var next = 0
    for j in bodyStart..<count {
      let text = lines[j].text
      if text.isEmpty { continue }
      if next < entries.count, TitleMatcher.canBeTitle(text) {
        let window = entries[next..<min(next + 3, entries.count)].lazy.map(\.key)
        let key = TitleMatcher.key(text)
        var look =
          TitleMatcher.isPlausibleLength(text, for: window) ? TitleMatcher.firstMatch(of: key, in: window) : nil
        var title = String(text)
        var titleIndex = j
        // A title the page wrapped: the next line completes the entry's title.
        let target = entries[next + (look ?? 0)].key
        if key.count >= 4, key.count < target.count, let k = nextNonBlank(after: j), k - j <= 2,
          TitleMatcher.canBeTitle(lines[k].text)
        {
          let joined = key + TitleMatcher.key(lines[k].text)
          if target.starts(with: joined) || TitleMatcher.matches(joined, target) && joined.count <= target.count {
            look = look ?? 0
            title = Self.joinWrapped(text, lines[k].text)
            titleIndex = k
          }
        }
        if let look {
          for skipped in entries[next..<next + look] {
            warnings.append(.unmatchedContentsEntry(file: file, title: skipped.title))
          }
          let entry = entries[next + look]
          layout.headings.append(
            Heading(startIndex: j, titleIndex: titleIndex, title: title, section: entry.section, region: nil))
          next += look + 1
          continue
        }
      }
      if Self.knownSections.contains(String(text)) || isPageNumber(text) || text.isBytewise(Publication.digest.name) {
        layout.kinds[j] = .furniture
      }
    }
    for entry in entries[min(next, entries.count)...] {
      warnings.append(.unmatchedContentsEntry(file: file, title: entry.title))
    }

    let prefix = ArticleID.prefix(publication: .digest, year: year, number: number, file: file)
    let articles = layout.spans(in: bodyStart..<count).enumerated().map { k, span in
      makeArticle(span, id: ArticleID.make(prefix: prefix, position: k + 1), issue: issue, date: date)
    }
    return Newsletter(
      file: file, publication: .digest, issue: issue, date: date, articles: articles,
      boilerplate: layout.boilerplateBlocks(), warnings: warnings)
  }

  /// The contents line after `index` when `index` holds the first part of a wrapped entry:
  /// a line without a page number followed (after at most one blank line) by one with a
  /// leader and a page number that is not a section heading.
  func wrappedEntry(at index: Int) -> (index: Int, title: Substring)? {
    guard let k = nextNonBlank(after: index), k - index <= 2 else { return nil }
    // The continuation carries the page after a leader (dots or a tab), not a date.
    let text = lines[k].text
    guard text.contains("..") || text.contains("…") || text.contains("\t") else { return nil }
    let (title, hasPage) = Self.contentsLine(text)
    guard hasPage, !title.isEmpty, !Self.knownSections.contains(String(title)), title.count < 40 else { return nil }
    return (k, title)
  }

  func nextNonBlank(after index: Int) -> Int? {
    var k = index + 1
    while k < lines.count, lines[k].isBlank { k += 1 }
    return k < lines.count ? k : nil
  }

  /// Two parts of a wrapped title: joined directly, or with a space between Latin letters or
  /// digits.
  static func joinWrapped(_ first: Substring, _ second: Substring) -> String {
    let needsSpace =
      first.unicodeScalars.last.map { $0.isASCII && $0.properties.isAlphabetic || ("0"..."9").contains($0) } == true
      && second.unicodeScalars.first.map { $0.isASCII && $0.properties.isAlphabetic || ("0"..."9").contains($0) }
        == true
    return String(first) + (needsSpace ? " " : "") + String(second)
  }

  func isPageNumber(_ text: Substring) -> Bool {
    text.unicodeScalars.count <= 3 && text.unicodeScalars.allSatisfy { ("0"..."9").contains($0) }
  }

  func makeArticle(_ span: ParseLayout.Span, id: String, issue: String, date: String?) -> Article {
    var urls: [String] = []
    var content: [Substring] = []
    var source: String?
    var sourceDate: String?
    for (n, line) in span.content.enumerated() {
      if n < 2, source == nil, content.isEmpty, let found = Paragraphs.sourceLine(line) {
        source = found.source
        sourceDate = found.date
      } else if let url = Paragraphs.url(line) {
        urls.append(url)
      } else {
        content.append(contentsOf: Paragraphs.stripParagraphTags(line))
      }
    }
    let title = span.heading.title
    var region = "全国"
    var city: String?
    if span.heading.section == "国际视野" {
      region = "国际"
    } else if let colon = title.firstIndex(where: { $0 == "：" || $0 == ":" }),
      title.distance(from: title.startIndex, to: colon) <= 8
    {
      (region, city) = Gazetteer.place(forPrefix: String(title[..<colon]))
    }
    return Article(
      id: id, file: file, publication: Publication.digest.name, issue: issue, date: sourceDate ?? date,
      region: region, city: city, section: span.heading.section, title: title,
      // Tags a page wrapped mid-tag (`</` | `p>`) close up when the lines join; strip again.
      body: Paragraphs.joinBrokenLines(content).flatMap {
        Paragraphs.stripParagraphTags(Substring($0)).map(String.init)
      },
      source: source, sourceDate: sourceDate, urls: urls,
      lines: span.lines)
  }
}
