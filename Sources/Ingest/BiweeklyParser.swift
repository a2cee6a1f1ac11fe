/// Parser for 双周决策观察 (see ``NewsletterParser``).
struct BiweeklyParser {
  let lines: [TextLine]
  let file: String
  var warnings: [IngestWarning] = []

  init(lines: [TextLine], file: String) {
    self.lines = lines
    self.file = file
  }

  struct Entry {
    var region: String
    var title: String
    var key: [Unicode.Scalar]
  }

  /// `【上海】rest` → (上海, rest); `nil` when the line does not start with a tag.
  static func splitTag(_ text: Substring) -> (tag: String, rest: Substring)? {
    guard text.hasBytePrefix("【"), let close = text.firstIndex(of: "】") else { return nil }
    let tag = text[text.index(after: text.startIndex)..<close]
    guard !tag.isEmpty, tag.count <= 8 else { return nil }
    return (String(tag), trimmed(text[text.index(after: close)...]))
  }

  /// `**title**` → title; other text unchanged.
  ///
  /// Reports whether the text was bold.
  static func unbold(_ text: Substring) -> (text: Substring, isBold: Bool) {
    if text.hasBytePrefix("**"), text.hasByteSuffix("**"), text.count > 4 {
      return (trimmed(text.dropFirst(2).dropLast(2)), true)
    }
    return (text, false)
  }

  static func isContentsLine(_ text: Substring) -> Bool {
    (text.hasBytePrefix("-") || text.hasBytePrefix("－") || text.hasBytePrefix("•"))
      && trimmed(text.dropFirst()).hasBytePrefix("【")
  }

  mutating func parse() -> Newsletter {
    var layout = ParseLayout(lines: lines)
    let count = lines.count

    // Contents list: "- 【上海】 title" lines and their continuation lines.
    var entries: [Entry] = []
    var contents: Range<Int>?
    if let first = lines.firstIndex(where: { Self.isContentsLine($0.text) }) {
      var i = first
      var region = ""
      while i < count {
        let text = lines[i].text
        if text.isEmpty {
          // A blank line ends the list unless another "- 【" entry follows right after.
          var j = i + 1
          while j < count, lines[j].isBlank { j += 1 }
          if j < count, Self.isContentsLine(lines[j].text), j - i <= 2 { i = j; continue }
          break
        }
        var title = text
        if Self.isContentsLine(text), let (tag, rest) = Self.splitTag(trimmed(text.dropFirst())) {
          region = tag
          title = rest
        }
        if !title.isEmpty {
          entries.append(Entry(region: region, title: String(title), key: TitleMatcher.key(title)))
        }
        i += 1
      }
      contents = first..<i
    }

    // Body: from the first region tag after the contents (or after the header) up to the
    // back page, which repeats the publication name.
    let searchFrom = contents?.upperBound ?? 0
    let bodyStart =
      (searchFrom..<count).first { Self.splitTag(lines[$0].text) != nil } ?? count
    let backStart =
      (bodyStart..<count).first {
        let t = lines[$0].text
        return t.isBytewise(Publication.biweekly.name) || t.hasBytePrefix("扫描二维码") || t.hasBytePrefix("报：")
      } ?? count
    layout.mark(0..<bodyStart, as: .masthead)
    if let contents { layout.mark(contents, as: .contents) }
    layout.mark(backStart..<count, as: .distribution)

    // Header.
    var year: Int?
    var number: Int?
    var date: String?
    var issue = ""
    var monthDay: (Int, Int)?
    for line in lines[0..<bodyStart] where !line.isBlank {
      if let parsed = IssueHeader.biweeklyIssue(line.text) {
        (year, number) = (parsed.year, parsed.number)
        issue = IssueHeader.compact(line.text)
      } else if let parsed = IssueHeader.printDate(line.text) {
        monthDay = parsed
      }
    }
    if let year, let (month, day) = monthDay { date = IssueHeader.isoDate(year: year, month: month, day: day) }
    if year == nil { warnings.append(.missingIssueHeader(file: file)) }

    findHeadings(entries: entries, body: bodyStart..<backStart, layout: &layout)
    let prefix = ArticleID.prefix(publication: .biweekly, year: year, number: number, file: file)
    let articles = layout.spans(in: bodyStart..<backStart).enumerated().map { k, span in
      makeArticle(span, id: ArticleID.make(prefix: prefix, position: k + 1), issue: issue, date: date)
    }
    return Newsletter(
      file: file, publication: .biweekly, issue: issue, date: date, articles: articles,
      boilerplate: layout.boilerplateBlocks(), warnings: warnings)
  }

  /// Finds titles: contents entries matched in order, or (without contents) lines that look
  /// like titles.
  mutating func findHeadings(entries: [Entry], body: Range<Int>, layout: inout ParseLayout) {
    var region: String?
    var pendingTag: Int?
    var next = 0
    var previousEndedWithSource = false
    var previousWasTag = false
    for i in body {
      let text = lines[i].text
      if text.isEmpty { continue }
      let tagged = Self.splitTag(text)
      if let tagged, tagged.rest.isEmpty {
        region = tagged.tag
        // A tag directly followed by another tag is an empty section.
        if let empty = pendingTag { layout.kinds[empty] = .furniture }
        pendingTag = i
        previousWasTag = true
        continue
      }
      let (candidate, isBold) = Self.unbold(tagged?.rest ?? text)
      var isTitle = false
      var entryRegion: String?
      if TitleMatcher.canBeTitle(candidate) {
        if !entries.isEmpty {
          let window = entries[next..<min(next + 3, entries.count)].lazy.map(\.key)
          if next < entries.count, TitleMatcher.isPlausibleLength(candidate, for: window),
            let look = TitleMatcher.firstMatch(of: TitleMatcher.key(candidate), in: window)
          {
            for skipped in entries[next..<next + look] {
              warnings.append(.unmatchedContentsEntry(file: file, title: skipped.title))
            }
            entryRegion = entries[next + look].region
            next += look + 1
            isTitle = true
          }
        } else {
          isTitle =
            isBold || previousWasTag
            || (previousEndedWithSource && looksLikeTitle(candidate))
            || (tagged != nil && looksLikeTitle(candidate))
        }
      }
      if isTitle {
        let headingRegion = tagged?.tag ?? region ?? entryRegion
        layout.headings.append(
          Heading(
            startIndex: pendingTag ?? i, titleIndex: i, title: String(candidate),
            section: headingRegion ?? "区域", region: headingRegion))
        pendingTag = nil
      }
      previousWasTag = false
      previousEndedWithSource =
        entries.isEmpty && text.hasByteSuffix("）") && Paragraphs.trailingSource(String(text)) != nil
    }
    for entry in entries[min(next, entries.count)...] {
      warnings.append(.unmatchedContentsEntry(file: file, title: entry.title))
    }
  }

  /// Short, no sentence punctuation: the shape of a title when there is no contents list.
  func looksLikeTitle(_ text: Substring) -> Bool {
    let count = text.unicodeScalars.count
    guard count >= 4, count <= 40, !text.unicodeScalars.contains(where: { $0 == "，" || $0 == "。" }) else {
      return false
    }
    return !Paragraphs.terminal.contains(text.unicodeScalars.last?.value ?? 0)
  }

  func makeArticle(_ span: ParseLayout.Span, id: String, issue: String, date: String?) -> Article {
    var urls: [String] = []
    var content: [Substring] = []
    for line in span.content {
      if let url = Paragraphs.url(line) { urls.append(url) } else { content.append(line) }
    }
    var body = Paragraphs.joinBrokenLines(content)
    var source: String?
    var sourceDate: String?
    if let last = body.last, let found = Paragraphs.trailingSource(last) {
      source = found.source
      sourceDate = found.date
      if found.rest.isEmpty { body.removeLast() } else { body[body.count - 1] = found.rest }
    }
    let title = span.heading.title
    var region = span.heading.region ?? "区域"
    var city: String?
    if region == "区域" {
      if title.hasBytePrefix("全球") || title.hasBytePrefix("世界") || title.hasBytePrefix("国际") { region = "国际" }
    } else if !Gazetteer.municipalities.contains(region), let found = Gazetteer.firstCity(in: title),
      found.region == region
    {
      city = found.city
    }
    return Article(
      id: id, file: file, publication: Publication.biweekly.name, issue: issue, date: date,
      region: region, city: city, section: span.heading.section, title: title, body: body,
      source: source, sourceDate: sourceDate, urls: urls, lines: span.lines)
  }
}
