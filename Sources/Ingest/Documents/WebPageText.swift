/// A web page's tree → its article: title, date, canonical address, outlet and body text.
///
/// Pure. The body is, in this order: WeChat's `rich_media_content` (`#js_content`); the
/// `<article>` with the most text; `<main>` (or `role="main"`); otherwise the element whose
/// own `<p>` children hold the most text (the core of readability heuristics). Inside it,
/// scripts, styles, navigation, forms, asides and footers are dropped; block elements
/// (`p`, `div`, headings, list items, table rows, `br`) end lines and table cells are
/// separated by tabs; an empty paragraph (`<p><br></p>`) is a blank line, which the newsletter
/// parser reads as the end of a contents list or a heading. White space collapses as a browser would, except that a line break
/// between two Chinese characters is dropped rather than turned into a space.
///
/// The title is `og:title`, WeChat's `#activity-name`, the first `<h1>` or `<title>`; the
/// date `article:published_time` (or `pubdate`, `publishdate`, `og:release_date`), a
/// `<time datetime>`, WeChat's `#publish_time` or its `ct` timestamp; the address
/// `<link rel="canonical">` or `og:url`; the outlet `og:site_name` or WeChat's `#js_name`.
enum WebPageText {
  /// The article's text (title first) and metadata; `nil` when the page has no body text.
  static func extract(from root: HTMLNode) -> ExtractedDocument? {
    var meta = Metadata()
    meta.collect(root)
    guard let container = bodyContainer(in: root) else { return nil }
    var writer = LineWriter()
    writer.write(container)
    var lines = writer.finish()
    let title = (meta.ogTitle ?? meta.wechatTitle ?? meta.firstHeading ?? meta.documentTitle)
      .map(collapse).flatMap { $0.isEmpty ? nil : $0 }
    if let title, lines.first == title {
      lines.removeFirst()
      if lines.first?.isEmpty == true { lines.removeFirst() }
    }
    guard lines.contains(where: { $0.unicodeScalars.count >= 2 }) else { return nil }
    let date = meta.dates.lazy.compactMap { IssueHeader.firstDate(in: $0) }.first
    let text = ((title.map { [$0] } ?? []) + lines).joined(separator: "\n") + "\n"
    return ExtractedDocument(
      text: text, title: title, date: date, canonicalURL: meta.canonical ?? meta.ogURL,
      siteName: (meta.wechatAccount ?? meta.siteName).map(collapse))
  }

  /// Elements whose content is never article text.
  static let skipped: Set<String> = [
    "script", "style", "noscript", "nav", "footer", "aside", "form", "button", "iframe", "svg", "template",
    "select", "head",
  ]
  /// Elements that start and end a line.
  static let blocks: Set<String> = [
    "p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
    "tr", "table", "blockquote", "pre", "figure", "figcaption", "dd", "dt", "dl", "address", "hr", "body",
  ]

  /// The element holding the article, by the rules above.
  static func bodyContainer(in root: HTMLNode) -> HTMLNode? {
    var wechat: HTMLNode?
    var articles: [HTMLNode] = []
    var main: HTMLNode?
    var best: (node: HTMLNode, score: Int)?
    func visit(_ node: HTMLNode) {
      guard case .element(let name, let attributes, let children) = node, !skipped.contains(name) else { return }
      let classes = attributes["class"]?.split(separator: " ") ?? []
      if wechat == nil, attributes["id"] == "js_content" || classes.contains("rich_media_content") { wechat = node }
      if name == "article" { articles.append(node) }
      if main == nil, name == "main" || attributes["role"] == "main" { main = node }
      let score = children.reduce(0) { sum, child in
        guard case .element("p", _, _) = child else { return sum }
        return sum + textLength(child)
      }
      if score > (best?.score ?? 0) { best = (node, score) }
      children.forEach(visit)
    }
    visit(root)
    if let wechat { return wechat }
    if let article = articles.max(by: { textLength($0) < textLength($1) }), textLength(article) > 0 { return article }
    if let main { return main }
    return best?.node
  }

  /// Characters of visible text (white space excluded) under `node`.
  static func textLength(_ node: HTMLNode) -> Int {
    switch node {
    case .text(let text): return text.unicodeScalars.count { !$0.properties.isWhitespace }
    case .element(let name, _, let children):
      return skipped.contains(name) ? 0 : children.reduce(0) { $0 + textLength($1) }
    }
  }

  /// Whitespace runs → one space, trimmed.
  static func collapse(_ text: String) -> String {
    text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  /// Builds lines from a subtree.
  struct LineWriter {
    var lines: [String] = []
    var current = ""
    /// The raw text of the line being built, before white space is settled.
    mutating func write(_ node: HTMLNode) {
      switch node {
      case .text(let text): current += text
      case .element(let name, _, let children):
        guard !WebPageText.skipped.contains(name) else { return }
        if name == "br" {
          endLine()
          return
        }
        if name == "td" || name == "th" { current += "\t" }
        let isBlock = WebPageText.blocks.contains(name)
        if isBlock { endLine() }
        let before = lines.count
        for child in children { write(child) }
        if isBlock { endLine() }
        // An empty paragraph (WeChat's <p><br></p>) is the blank line a text would have.
        if name == "p", lines.count == before, lines.last?.isEmpty == false { lines.append("") }
      }
    }

    mutating func endLine() {
      let line = LineWriter.settle(current)
      current = ""
      if !line.isEmpty { lines.append(line) }
    }

    mutating func finish() -> [String] {
      endLine()
      while lines.last?.isEmpty == true { lines.removeLast() }
      return lines
    }

    /// Collapses white space: a run becomes one space (a tab when it holds one, for table
    /// cells), and a run with a line break between two CJK characters (the page source's
    /// wrapping) none at all.
    static func settle(_ raw: String) -> String {
      var result: [Unicode.Scalar] = []
      var pending: Unicode.Scalar?
      var breaksLine = false
      for scalar in raw.unicodeScalars {
        if scalar.properties.isWhitespace {
          if scalar == "\t" || pending == nil { pending = scalar == "\t" ? "\t" : " " }
          if scalar == "\n" || scalar == "\r" { breaksLine = true }
          continue
        }
        if let space = pending, let last = result.last {
          if !(space == " " && breaksLine && isCJK(last) && isCJK(scalar)) { result.append(space) }
        }
        pending = nil
        breaksLine = false
        result.append(scalar)
      }
      var text = ""
      text.unicodeScalars.append(contentsOf: result)
      return text
    }

    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
      switch scalar.value {
      case 0x2E80...0x9FFF, 0xF900...0xFAFF, 0xFF00...0xFFEF, 0x20000...0x3FFFF: true
      default: false
      }
    }
  }

  /// What the page says about itself.
  struct Metadata {
    var ogTitle: String?
    var wechatTitle: String?
    var firstHeading: String?
    var documentTitle: String?
    var canonical: String?
    var ogURL: String?
    var siteName: String?
    var wechatAccount: String?
    /// Candidate dates, best first.
    var dates: [String] = []
    var laterDates: [String] = []

    mutating func collect(_ root: HTMLNode) {
      visit(root)
      dates += laterDates
    }

    private mutating func visit(_ node: HTMLNode) {
      guard case .element(let name, let attributes, let children) = node else { return }
      switch name {
      case "meta":
        let key = (attributes["property"] ?? attributes["name"] ?? attributes["itemprop"] ?? "").lowercased()
        let content = attributes["content"] ?? ""
        switch key {
        case "og:title": ogTitle = ogTitle ?? content
        case "og:url": ogURL = ogURL ?? content
        case "og:site_name": siteName = siteName ?? content
        case "article:published_time", "pubdate", "publishdate", "og:release_date", "datepublished",
          "publish_date", "dc.date":
          dates.append(content)
        default: break
        }
      case "link":
        if attributes["rel"]?.lowercased().split(separator: " ").contains("canonical") == true,
          let href = attributes["href"]
        {
          canonical = canonical ?? href
        }
      case "title": documentTitle = documentTitle ?? plainText(node)
      case "h1": firstHeading = firstHeading ?? plainText(node)
      case "time": if let value = attributes["datetime"] { laterDates.append(value) }
      case "script":
        // WeChat's saved pages carry the post time as a Unix timestamp: var ct = "1718000000";
        if let date = Self.wechatTimestamp(in: plainText(node)) { laterDates.append(date) }
        return
      default: break
      }
      switch attributes["id"] {
      case "activity-name": wechatTitle = wechatTitle ?? plainText(node)
      case "js_name": wechatAccount = wechatAccount ?? plainText(node)
      case "publish_time": laterDates.insert(plainText(node), at: 0)
      default: break
      }
      for child in children { visit(child) }
    }

    func plainText(_ node: HTMLNode) -> String {
      switch node {
      case .text(let text): return text
      case .element(_, _, let children): return WebPageText.collapse(children.map(plainText).joined())
      }
    }

    /// `ct = "1718000000"` → the date in China Standard Time (UTC+8).
    static func wechatTimestamp(in script: String) -> String? {
      guard let marker = script.range(of: "var ct") else { return nil }
      let digits = script[marker.upperBound...].drop { !$0.isNumber }.prefix { $0.isNumber }
      guard digits.count == 10, let seconds = Int(digits) else { return nil }
      let days = (seconds + 8 * 3600) / 86_400
      return civilDate(daysSinceEpoch: days)
    }

    /// Howard Hinnant's days-from-civil inverse.
    static func civilDate(daysSinceEpoch: Int) -> String? {
      let z = daysSinceEpoch + 719_468
      let era = (z >= 0 ? z : z - 146_096) / 146_097
      let dayOfEra = z - era * 146_097
      let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
      let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
      let mp = (5 * dayOfYear + 2) / 153
      let day = dayOfYear - (153 * mp + 2) / 5 + 1
      let month = mp < 10 ? mp + 3 : mp - 9
      let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
      return IssueHeader.isoDate(year: year, month: month, day: day)
    }
  }
}
