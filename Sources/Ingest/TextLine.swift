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
    // Find line breaks on raw bytes (fast), then cut substrings at those byte offsets.
    var text = text
    text.makeContiguousUTF8()
    var breaks: [(start: Int, end: Int)] = []
    text.utf8.withContiguousStorageIfAvailable { bytes in
      var start = 0
      var index = 0
      let count = bytes.count
      while index < count {
        let byte = bytes[index]
        if byte == 0x0A || byte == 0x0D {
          breaks.append(trimmedBounds(bytes, start, index))
          index += (byte == 0x0D && index + 1 < count && bytes[index + 1] == 0x0A) ? 2 : 1
          start = index
        } else {
          index += 1
        }
      }
      if start < count || breaks.isEmpty { breaks.append(trimmedBounds(bytes, start, count)) }
    }
    let utf8 = text.utf8
    var lines: [TextLine] = []
    lines.reserveCapacity(breaks.count)
    var cursor = utf8.startIndex
    var offset = 0
    for (number, piece) in breaks.enumerated() {
      let start = utf8.index(cursor, offsetBy: piece.start - offset)
      let end = utf8.index(start, offsetBy: piece.end - piece.start)
      cursor = end
      offset = piece.end
      lines.append(TextLine(number: number + 1, text: text[start..<end]))
    }
    return lines
  }
}

/// The byte range `start..<end` without leading and trailing whitespace (see `isTrimmable`),
/// decided on UTF-8 bytes.
@inline(__always)
func trimmedBounds(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (start: Int, end: Int) {
  /// Length of a whitespace sequence starting at `i`, or 0.
  func leading(_ i: Int) -> Int {
    let b = bytes[i]
    if b <= 0x20 || b == 0x7F { return 1 }
    if b == 0xC2, i + 1 < end, bytes[i + 1] == 0xA0 { return 2 }
    if i + 2 < end {
      let c = bytes[i + 1], d = bytes[i + 2]
      if b == 0xE3, c == 0x80, d == 0x80 { return 3 }  // U+3000
      if b == 0xEF, c == 0xBB, d == 0xBF { return 3 }  // U+FEFF
      if b == 0xE2, c == 0x80, (0x82...0x8B).contains(d) { return 3 }  // U+2002–U+200B
    }
    return 0
  }
  /// Length of a whitespace sequence ending just before `j`, or 0.
  func trailing(_ j: Int) -> Int {
    let b = bytes[j - 1]
    if b <= 0x20 || b == 0x7F { return 1 }
    if j - 2 >= start, b == 0xA0, bytes[j - 2] == 0xC2 { return 2 }
    if j - 3 >= start {
      let a = bytes[j - 3], c = bytes[j - 2]
      if a == 0xE3, c == 0x80, b == 0x80 { return 3 }
      if a == 0xEF, c == 0xBB, b == 0xBF { return 3 }
      if a == 0xE2, c == 0x80, (0x82...0x8B).contains(b) { return 3 }
    }
    return 0
  }
  var s = start
  var e = end
  while s < e {
    let n = leading(s)
    if n == 0 { break }
    s += n
  }
  while e > s {
    let n = trailing(e)
    if n == 0 { break }
    e -= n
  }
  return (s, e)
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

extension StringProtocol {
  /// Byte-wise `hasPrefix`: no Unicode normalisation, so it stays fast on Chinese text.
  ///
  /// The input and our literals are both NFC in practice, so the answers agree.
  @inline(__always)
  func hasBytePrefix(_ prefix: String) -> Bool { utf8.starts(with: prefix.utf8) }

  /// Byte-wise `hasSuffix` (see ``hasBytePrefix(_:)``).
  @inline(__always)
  func hasByteSuffix(_ suffix: String) -> Bool {
    let count = suffix.utf8.count
    guard utf8.count >= count else { return false }
    return utf8.suffix(count).elementsEqual(suffix.utf8)
  }

  /// Byte-wise equality.
  @inline(__always)
  func isBytewise(_ other: String) -> Bool { utf8.elementsEqual(other.utf8) }
}
