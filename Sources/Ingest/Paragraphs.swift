/// Turning an article's lines into paragraphs: repairing PDF line breaks and pulling out
/// source notes and URLs.
enum Paragraphs {
  /// Scalars that end a sentence (or a clause that may end a paragraph).
  static let terminal = TerminalSet()

  /// Membership test for sentence-final punctuation without hashing.
  struct TerminalSet: Sendable {
    func contains(_ value: UInt32) -> Bool {
      switch value {
      case 0x3002, 0xFF01, 0xFF1F, 0xFF1B, 0xFF1A, 0x201D, 0x2019, 0x300D, 0x300F, 0x2026, 0x21, 0x3F, 0x3B,
        0x3A, 0xFF09, 0x29:
        true
      default: false
      }
    }
  }

  /// Joins paragraphs that a PDF page or column break split mid-sentence.
  ///
  /// Two consecutive paragraphs are joined when the first does not end with sentence-final
  /// punctuation (`。！？；：”」…` and closing brackets), reads as prose (it contains `，` or
  /// `。`, or is at least 30 characters long), neither is a table row (tab-separated) and
  /// neither starts like a heading (`【`, `一、`, `（一）`, `1 `, `附：`, a URL). Headings such
  /// as `产业规划先行` are short and comma-free, so they stay apart.
  ///
  /// - Complexity: O(*n*) in total characters.
  static func joinBrokenLines(_ lines: [Substring]) -> [String] {
    var result: [String] = []
    // Facts about the last paragraph, kept incrementally so that joining many lines stays
    // linear: whether it has a tab, sentence punctuation, how long it is, how it starts.
    var hasTab = false
    var hasPunctuation = false
    var scalarCount = 0
    var headingLike = false
    var previousJoinable = false
    for line in lines {
      let (lineHasTab, lineHasPunctuation) = scan(line)
      if previousJoinable, !lineHasTab, !startsLikeHeading(line), var last = result.popLast() {
        if let a = last.unicodeScalars.last, let b = line.unicodeScalars.first,
          isASCIIAlphanumeric(a), isASCIIAlphanumeric(b),
          // A number the line broke (a date such as 202|40319) closes up again.
          !(isASCIIDigit(a) && isASCIIDigit(b))
        {
          last += " "
        }
        last += line
        result.append(last)
      } else {
        result.append(String(line))
        hasTab = false
        hasPunctuation = false
        scalarCount = 0
        headingLike = !line.hasBytePrefix("【") && startsLikeHeading(line)
      }
      hasTab = hasTab || lineHasTab
      hasPunctuation = hasPunctuation || lineHasPunctuation
      // Saturating: only "at least 40 scalars" matters, and 160 bytes are at least 40 scalars.
      scalarCount += line.utf8.count >= 160 ? 160 : line.unicodeScalars.count
      let endsOpen = line.unicodeScalars.last.map { !terminal.contains($0.value) } ?? false
      previousJoinable =
        endsOpen && !hasTab && !(headingLike && scalarCount < 40) && (hasPunctuation || scalarCount >= 30)
    }
    return result
  }

  /// Whether the line contains a tab, and whether it contains `，` (EF BC 8C) or `。` (E3 80 82).
  ///
  /// One pass over the bytes.
  static func scan(_ line: Substring) -> (hasTab: Bool, hasPunctuation: Bool) {
    func scanBytes(_ bytes: some Collection<UInt8>) -> (Bool, Bool) {
      var hasTab = false
      var hasPunctuation = false
      var a: UInt8 = 0
      var b: UInt8 = 0
      for byte in bytes {
        if byte == 0x09 {
          hasTab = true
        } else if byte == 0x8C && a == 0xEF && b == 0xBC || byte == 0x82 && a == 0xE3 && b == 0x80 {
          hasPunctuation = true
        }
        a = b
        b = byte
      }
      return (hasTab, hasPunctuation)
    }
    return line.utf8.withContiguousStorageIfAvailable { scanBytes($0) } ?? scanBytes(line.utf8)
  }

  @inline(__always)
  static func isASCIIDigit(_ s: Unicode.Scalar) -> Bool { (0x30...0x39).contains(s.value) }

  static func isASCIIAlphanumeric(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
    default: false
    }
  }

  /// Whether a line starts the way headings, list items, tags and links do.
  static func startsLikeHeading(_ line: Substring) -> Bool {
    let scalars = line.unicodeScalars
    guard let first = scalars.first else { return false }
    switch first {
    case "【", "表", "图", "<": return true
    case "（", "(":
      let second = scalars.dropFirst().first
      return second.map { isChineseDigit($0) || ("0"..."9").contains($0) } ?? false
    default: break
    }
    switch first {
    case "附": return line.hasBytePrefix("附：") || line.hasBytePrefix("附:")
    case "h": return line.hasBytePrefix("http")
    case "关": return line.hasBytePrefix("关键词")
    case "摘": return line.hasBytePrefix("摘要")
    default: break
    }
    if isChineseDigit(first) {
      let rest = scalars.drop(while: isChineseDigit)
      return rest.first == "、" || rest.first == "." || rest.first == "．"
    }
    if ("0"..."9").contains(first) {
      let number = scalars.prefix { ("0"..."9").contains($0) || $0 == "." }
      let rest = scalars.dropFirst(number.count)
      guard number.count <= 5, let next = rest.first else { return false }
      if next == "、" || next == "．" { return true }
      if number.last == ".", number.count <= 3 { return true }  // "1. 以消费…"
      if next == " ", let after = rest.dropFirst().first {
        return !"年月日号亿万个家条项%％".unicodeScalars.contains(after) && !("0"..."9").contains(after)
      }
    }
    return false
  }

  static func isChineseDigit(_ s: Unicode.Scalar) -> Bool {
    "一二三四五六七八九十".unicodeScalars.contains(s)
  }

  /// A trailing source note: `…。（上海证券报 20241028）` → (text before, 上海证券报, 2024-10-28).
  static func trailingSource(_ paragraph: String) -> (rest: String, source: String, date: String)? {
    guard paragraph.hasByteSuffix("）") || paragraph.hasByteSuffix(")") else { return nil }
    // Scan backwards over scalars: the note is short and at the end.
    let scalars = paragraph.unicodeScalars
    var open = scalars.index(before: scalars.endIndex)
    var inner: [Unicode.Scalar] = []
    while open != scalars.startIndex, inner.count <= 40 {
      open = scalars.index(before: open)
      let scalar = scalars[open]
      if scalar == "（" || scalar == "(" { break }
      inner.append(scalar)
    }
    guard scalars[open] == "（" || scalars[open] == "(" else { return nil }
    inner.reverse()
    guard inner.count > 8 else { return nil }
    let digits = inner.suffix(8)
    guard digits.allSatisfy({ ("0"..."9").contains($0) }) else { return nil }
    let value = digits.reduce(0) { $0 * 10 + Int($1.value - 0x30) }
    guard let date = IssueHeader.isoDate(year: value / 10000, month: value / 100 % 100, day: value % 100)
    else { return nil }
    var name = trimmed(Substring(String(String.UnicodeScalarView(inner.dropLast(8)))))
    // "（作者…研究员 上海转型发布 20241105）": the outlet is the last word.
    if name.hasBytePrefix("作者"), let space = name.lastIndex(of: " ") { name = name[name.index(after: space)...] }
    guard !name.isEmpty, name.unicodeScalars.count <= 30 else { return nil }
    let rest = Substring(paragraph.unicodeScalars[..<open])
    return (String(trimmed(rest)), String(name), date)
  }

  /// A digest source line: `人民网 2023-06-27` → (人民网, 2023-06-27).
  static func sourceLine(_ line: Substring) -> (source: String, date: String)? {
    let scalars = Array(line.unicodeScalars)
    guard scalars.count > 11, scalars.count <= 45 else { return nil }
    let tail = Array(scalars.suffix(10))
    guard tail[4] == "-", tail[7] == "-",
      let year = IssueHeader.number(in: tail, from: 0), year.1 == 4,
      let month = IssueHeader.number(in: tail, from: 5), month.1 == 7,
      let day = IssueHeader.number(in: tail, from: 8), day.1 == 10,
      let date = IssueHeader.isoDate(year: year.0, month: month.0, day: day.0)
    else { return nil }
    let name = trimmed(Substring(String(String.UnicodeScalarView(scalars.dropLast(10)))))
    guard !name.isEmpty, !name.unicodeScalars.contains(where: { $0 == "，" || $0 == "。" }) else { return nil }
    return (String(name), date)
  }

  /// A line that is only a URL, optionally in angle brackets → the URL without spaces.
  static func url(_ line: Substring) -> String? {
    guard let first = line.utf8.first,
      first == UInt8(ascii: "<") || first == UInt8(ascii: "h") || first == UInt8(ascii: "w")
    else { return nil }
    var text = line
    if text.hasBytePrefix("<"), text.hasByteSuffix(">") { text = text.dropFirst().dropLast() }
    guard text.hasBytePrefix("http://") || text.hasBytePrefix("https://") || text.hasBytePrefix("www.") else {
      return nil
    }
    return String(text.unicodeScalars.filter { !isTrimmable($0) }.map(Character.init))
  }

  /// Splits HTML-ish `<p>…</p>` lines (the digest's book list) into plain paragraphs.
  static func stripParagraphTags(_ line: Substring) -> [Substring] {
    guard line.utf8.count >= 3, line.hasBytePrefix("<p>") || line.unicodeScalars.contains("<") && line.contains("p>")
    else { return [line] }
    var result: [Substring] = []
    for piece in line.split(separator: "</p>") {
      var text = trimmed(piece)
      if text.hasBytePrefix("<p>") { text = trimmed(text.dropFirst(3)) }
      if !text.isEmpty { result.append(text) }
    }
    return result
  }
}
