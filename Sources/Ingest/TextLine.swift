/// One input line: its 1-based number and its text with surrounding whitespace removed.
struct TextLine: Sendable {
  var number: Int
  var text: Substring
  var isBlank: Bool { text.isEmpty }
}

extension TextLine {
  /// Splits `text` on LF, CRLF or CR and trims each line.
  ///
  /// - Complexity: O(*n*) in UTF-8 bytes; lines are substrings of `text`, not copies.
  static func lines(of text: String) -> [TextLine] {
    var lines: [TextLine] = []
    let utf8 = text.utf8
    var start = utf8.startIndex
    var index = start
    var number = 1
    while index != utf8.endIndex {
      let byte = utf8[index]
      if byte == 0x0A || byte == 0x0D {
        lines.append(TextLine(number: number, text: trimmed(text[start..<index])))
        number += 1
        var next = utf8.index(after: index)
        if byte == 0x0D, next != utf8.endIndex, utf8[next] == 0x0A { next = utf8.index(after: next) }
        start = next
        index = next
      } else {
        index = utf8.index(after: index)
      }
    }
    if start != utf8.endIndex || lines.isEmpty {
      lines.append(TextLine(number: number, text: trimmed(text[start..<utf8.endIndex])))
    }
    return lines
  }
}

/// Whether a scalar is whitespace for trimming: ASCII space and controls, U+3000 ideographic
/// space, no-break space, BOM and zero-width space.
@inline(__always)
func isTrimmable(_ scalar: Unicode.Scalar) -> Bool {
  switch scalar.value {
  case 0x00...0x20, 0x7F, 0xA0, 0x3000, 0xFEFF, 0x200B, 0x2002...0x200A: true
  default: false
  }
}

/// `text` without leading and trailing whitespace (see `isTrimmable`).
func trimmed(_ text: Substring) -> Substring {
  let scalars = text.unicodeScalars
  var start = scalars.startIndex
  var end = scalars.endIndex
  while start != end, isTrimmable(scalars[start]) { start = scalars.index(after: start) }
  while end != start {
    let before = scalars.index(before: end)
    if !isTrimmable(scalars[before]) { break }
    end = before
  }
  return Substring(scalars[start..<end])
}
