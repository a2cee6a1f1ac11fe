/// Newsletter text → articles and boilerplate.
///
/// Pure: no I/O, no printing.
///
/// The parser recognises two formats from the masthead:
///
/// - **双周决策观察** (biweekly): a front page with issue (`2024年第21期`), print date
///   (`11月7日印发`) and a contents list (`- 【上海】 title` plus continuation lines); the body
///   is runs of articles after region tags (`【上海】`), titles on their own line, in `**bold**`
///   or right after a tag; the back page holds the distribution list. The contents list is the
///   map: body lines are matched to its titles in order (see ``TitleMatcher``), so overview
///   articles whose paragraphs start with `【浙江】…` stay one article.
/// - **信息摘编** (digest): a masthead, then a table of contents of section headings
///   (`热点关注`, `国内动态`, …) and titles with page numbers; each body article is its title,
///   a source line (`人民网 2023-06-27`), paragraphs, `附：…` notes and URLs.
///
/// Anything else becomes a single article and a ``IngestWarning/notANewsletter(file:)``
/// warning: titled by its first line, placed by the first place it names (``Gazetteer``) and
/// dated by the first date written in it, or else undated with an
/// ``IngestWarning/undated(file:)`` warning. Every non-blank line ends up in exactly one
/// article or one ``BoilerplateBlock``.
public enum NewsletterParser {
  /// Parses one file's text.
  ///
  /// - Parameters:
  ///   - text: The decoded text; LF, CRLF and CR line endings are all accepted.
  ///   - file: The file name recorded in each article (not opened).
  /// - Returns: The issue, its articles in reading order, boilerplate blocks and warnings.
  /// - Complexity: O(*n*) in the length of the text, plus O(*t* × *e*) for matching *t*
  ///   title-sized lines against a window of *e* ≤ 3 contents entries.
  public static func parse(_ text: String, file: String) -> Newsletter {
    let lines = TextLine.lines(of: text)
    switch detectPublication(lines) {
    case .biweekly:
      var parser = BiweeklyParser(lines: lines, file: file)
      return parser.parse()
    case .digest:
      var parser = DigestParser(lines: lines, file: file)
      return parser.parse()
    case nil: return parseUnknown(lines, file: file)
    }
  }

  /// The publication named in the first 40 non-blank lines, if any.
  static func detectPublication(_ lines: [TextLine]) -> Publication? {
    var seen = 0
    for line in lines where !line.isBlank {
      if line.text.isBytewise(Publication.digest.name) { return .digest }
      if line.text.isBytewise(Publication.biweekly.name) { return .biweekly }
      seen += 1
      if seen >= 40 { break }
    }
    return nil
  }

  /// Text that is not a newsletter: one article titled by its first line.
  static func parseUnknown(_ lines: [TextLine], file: String) -> Newsletter {
    let nonBlank = lines.filter { !$0.isBlank }
    guard let first = nonBlank.first, let last = nonBlank.last else {
      return Newsletter(
        file: file, publication: nil, issue: "", date: nil, articles: [], boilerplate: [],
        warnings: [.emptyFile(file: file)])
    }
    let stem = ArticleID.fileStem(file)
    let titleText = String(first.text.prefix(TitleMatcher.maximumTitleLength))
    let rest = first.text.count > titleText.count ? [first.text.dropFirst(titleText.count)] : []
    let body = Paragraphs.joinBrokenLines(rest + nonBlank.dropFirst().map(\.text))
    // What a newsletter's header would say, read from the text itself: the first place it
    // names (else 全国) and the first date written out (else none, with a warning).
    let place = Gazetteer.firstPlace(in: titleText) ?? Gazetteer.firstPlace(in: body.joined(separator: "\n"))
    let date = IssueHeader.firstDate(in: titleText) ?? IssueHeader.firstDate(in: body.joined(separator: "\n"))
    let article = Article(
      id: ArticleID.make(prefix: stem, position: 1), file: file, publication: stem, issue: "",
      date: date, region: place?.region ?? "全国", city: place?.city, section: "", title: titleText, body: body,
      source: nil, sourceDate: nil, urls: [], lines: LineRange(first: first.number, last: last.number))
    return Newsletter(
      file: file, publication: nil, issue: "", date: date, articles: [article], boilerplate: [],
      warnings: [.notANewsletter(file: file)] + (date == nil ? [.undated(file: file)] : []))
  }
}
