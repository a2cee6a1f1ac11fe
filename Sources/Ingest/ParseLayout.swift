/// Where a title was found in the body.
struct Heading {
  /// First line of the article's span (a region tag line before the title, or the title).
  var startIndex: Int
  /// The title line.
  var titleIndex: Int
  var title: String
  var section: String
  var region: String?
}

/// The per-line outcome of a parse: which lines are boilerplate, where articles start.
struct ParseLayout {
  let lines: [TextLine]
  /// Boilerplate kind per line; `nil` for lines inside articles.
  var kinds: [BoilerplateBlock.Kind?]
  var headings: [Heading] = []

  init(lines: [TextLine]) {
    self.lines = lines
    self.kinds = Array(repeating: nil, count: lines.count)
  }

  mutating func mark(_ range: Range<Int>, as kind: BoilerplateBlock.Kind) {
    for i in range where i >= 0 && i < kinds.count { kinds[i] = kind }
  }

  /// One article's span: its heading, its content lines (title and tag lines and boilerplate
  /// excluded), and the lines it covers.
  struct Span {
    var heading: Heading
    var content: [Substring]
    var lines: LineRange
  }

  /// Splits `body` (a line-index range) at the headings.
  ///
  /// Lines before the first heading become furniture.
  mutating func spans(in body: Range<Int>) -> [Span] {
    guard let first = headings.first else {
      mark(body, as: .furniture)
      return []
    }
    mark(body.lowerBound..<first.startIndex, as: .furniture)
    var result: [Span] = []
    result.reserveCapacity(headings.count)
    for (k, heading) in headings.enumerated() {
      let end = k + 1 < headings.count ? headings[k + 1].startIndex : body.upperBound
      var content: [Substring] = []
      var lastLine = heading.titleIndex
      for i in (heading.titleIndex + 1)..<max(end, heading.titleIndex + 1) where kinds[i] == nil {
        let text = lines[i].text
        if text.isEmpty { continue }
        lastLine = i
        content.append(text)
      }
      result.append(
        Span(
          heading: heading, content: content,
          lines: LineRange(first: lines[heading.startIndex].number, last: lines[lastLine].number)))
    }
    return result
  }

  /// Contiguous runs of equally-kinded boilerplate lines (blank lines inside a run are
  /// absorbed; runs of blank lines alone are not reported).
  func boilerplateBlocks() -> [BoilerplateBlock] {
    var blocks: [BoilerplateBlock] = []
    var current: (kind: BoilerplateBlock.Kind, first: Int, last: Int, text: [Substring])?
    func flush() {
      if let c = current {
        blocks.append(
          BoilerplateBlock(
            kind: c.kind, lines: LineRange(first: lines[c.first].number, last: lines[c.last].number),
            text: c.text.joined(separator: "\n")))
      }
      current = nil
    }
    for i in lines.indices {
      guard let kind = kinds[i] else {
        if !lines[i].isBlank { flush() }
        continue
      }
      if lines[i].isBlank { continue }
      if current?.kind != kind { flush() }
      if current == nil { current = (kind, i, i, []) }
      current?.last = i
      current?.text.append(lines[i].text)
    }
    flush()
    return blocks
  }
}
