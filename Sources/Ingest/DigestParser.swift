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
      } else if hasPage, !title.isEmpty {
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
        if TitleMatcher.isPlausibleLength(text, for: window),
          let look = TitleMatcher.firstMatch(of: TitleMatcher.key(text), in: window)
        {
          for skipped in entries[next..<next + look] {
            warnings.append(.unmatchedContentsEntry(file: file, title: skipped.title))
          }
          let entry = entries[next + look]
          layout.headings.append(
            Heading(startIndex: j, titleIndex: j, title: String(text), section: entry.section, region: nil))
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
      body: Paragraphs.joinBrokenLines(content), source: source, sourceDate: sourceDate, urls: urls,
      lines: span.lines)
  }
}
