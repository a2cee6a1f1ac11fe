/// Terminal display width of text: East Asian wide and full-width characters take two
/// columns, combining marks and zero-width characters none, everything else one.
enum DisplayWidth {
  /// Columns `text` occupies in a monospaced terminal.
  static func of(_ text: some StringProtocol) -> Int {
    text.unicodeScalars.reduce(0) { $0 + of($1) }
  }

  /// Columns one scalar occupies.
  static func of(_ scalar: Unicode.Scalar) -> Int {
    let v = scalar.value
    // Below U+0300 (Latin, ASCII digits and punctuation: most cells) only NUL is not one column.
    if v < 0x0300 { return v == 0 ? 0 : 1 }
    if (0x0300...0x036F).contains(v) || (0x200B...0x200F).contains(v)
      || (0xFE00...0xFE0F).contains(v)
    {
      return 0
    }
    if (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v)
      || (0x3041...0x33FF).contains(v) || (0x3400...0x4DBF).contains(v)
      || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
      || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v)
      || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
      || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v)
      || (0x1F900...0x1F9FF).contains(v) || (0x20000...0x3FFFD).contains(v)
    {
      return 2
    }
    return 1
  }

  /// `text` cut to at most `width` columns, ending in "…" when cut.
  static func truncate(_ text: String, to width: Int) -> String {
    guard of(text) > width else { return text }
    var result = ""
    var used = 0
    for character in text {
      let w = of(String(character))
      if used + w > width - 1 { break }
      result.append(character)
      used += w
    }
    return result + "…"
  }

  /// `text` padded with spaces to `width` columns.
  static func pad(_ text: String, to width: Int, alignRight: Bool = false) -> String {
    let padding = String(repeating: " ", count: max(0, width - of(text)))
    return alignRight ? padding + text : text + padding
  }
}
