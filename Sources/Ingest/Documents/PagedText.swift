/// Pages of text → one text with a page map, page furniture removed.
///
/// Pure: used by the PDF and Word extractors on what they read.
enum PagedText {
  /// Joins `pages` into one text, records the line each page starts on and drops page
  /// numbers.
  ///
  /// A page number is a line that is only a number, optionally framed by dashes or written
  /// `第 3 页`, `3 / 12` or `Page 3`, and that is the first or last non-blank line of its page:
  /// PDF page furniture that would otherwise end up inside an article's text. Pages whose
  /// text is only white space are listed in `pagesWithoutText`.
  ///
  /// - Complexity: O(*n*) in the total length.
  static func join(_ pages: [Substring]) -> (text: String, pageStartLines: [Int], pagesWithoutText: [Int]) {
    var text = ""
    var starts: [Int] = []
    var empty: [Int] = []
    var line = 1
    for (index, page) in pages.enumerated() {
      var lines = page.split(separator: "\n", omittingEmptySubsequences: false)
      if lines.last?.isEmpty == true { lines.removeLast() }
      if let first = lines.firstIndex(where: { !isBlank($0) }), isPageNumber(lines[first]) { lines[first] = "" }
      if let last = lines.lastIndex(where: { !isBlank($0) }), isPageNumber(lines[last]) { lines[last] = "" }
      if lines.allSatisfy(isBlank) { empty.append(index + 1) }
      starts.append(line)
      if lines.isEmpty { lines = [""] }
      for piece in lines {
        text += piece
        text += "\n"
        line += 1
      }
    }
    return (text, starts, empty)
  }

  static func isBlank(_ line: Substring) -> Bool { line.allSatisfy(\.isWhitespace) }

  /// `3`, `- 3 -`, `—3—`, `第3页`, `第 3 页 共 12 页`, `3 / 12`, `Page 3`.
  static func isPageNumber(_ line: Substring) -> Bool {
    let compact = line.filter { !$0.isWhitespace }
    guard !compact.isEmpty, compact.count <= 16 else { return false }
    var rest = Substring(compact)
    if rest.lowercased().hasPrefix("page") { rest = rest.dropFirst(4) }
    rest = rest.drop { "-–—·".contains($0) }
    while let last = rest.last, "-–—·".contains(last) { rest = rest.dropLast() }
    if rest.hasPrefix("第") {
      rest = rest.dropFirst()
      guard let end = rest.firstIndex(of: "页") else { return false }
      let number = rest[..<end]
      let tail = rest[rest.index(after: end)...]
      return !number.isEmpty && number.allSatisfy(\.isASCIIDigit)
        && (tail.isEmpty || (tail.hasPrefix("共") && tail.hasSuffix("页")))
    }
    let parts = rest.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count <= 2 else { return false }
    return parts.allSatisfy { !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isASCIIDigit) }
  }
}

extension Character {
  fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
