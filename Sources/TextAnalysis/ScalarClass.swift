/// Character classes used by segmentation, on Unicode scalar values (`UInt32`).
///
/// They mirror jieba 0.42.1's regular expressions: `re_han_default =
/// [\u4E00-\u9FD5a-zA-Z0-9+#&\._%\-]+` delimits the blocks that go through the word
/// DAG, `re_skip_default = (\r\n|\s)` splits the rest, and finalseg's `re_han =
/// [\u4E00-\u9FD5]+` and `re_skip = [a-zA-Z0-9]+(?:\.\d+)?%?` split unknown runs.
enum ScalarClass {
  /// Han characters as jieba sees them: U+4E00–U+9FD5.
  @inline(__always) static func isHan(_ scalar: UInt32) -> Bool {
    scalar &- 0x4E00 <= 0x9FD5 - 0x4E00
  }

  @inline(__always) static func isASCIIAlphanumeric(_ scalar: UInt32) -> Bool {
    (scalar &- 0x61 < 26) || (scalar &- 0x41 < 26) || (scalar &- 0x30 < 10)
  }

  @inline(__always) static func isASCIIDigit(_ scalar: UInt32) -> Bool { scalar &- 0x30 < 10 }

  @inline(__always) static func isASCIILetter(_ scalar: UInt32) -> Bool {
    (scalar &- 0x61 < 26) || (scalar &- 0x41 < 26)
  }

  /// Whether the scalar belongs to a `re_han_default` block.
  @inline(__always) static func isBlock(_ scalar: UInt32) -> Bool {
    if scalar < 0x80 {
      // + # & . _ % -
      return isASCIIAlphanumeric(scalar) || scalar == 0x2B || scalar == 0x23 || scalar == 0x26
        || scalar == 0x2E || scalar == 0x5F || scalar == 0x25 || scalar == 0x2D
    }
    return isHan(scalar)
  }

  /// Python's `str.isspace()`, which `\s` follows for `str` patterns: Unicode White_Space
  /// plus the information separators U+001C–U+001F.
  static func isWhitespace(_ scalar: UInt32) -> Bool {
    if scalar < 0x80 {
      return scalar == 0x20 || (scalar >= 0x09 && scalar <= 0x0D) || (scalar >= 0x1C && scalar <= 0x1F)
    }
    guard let value = Unicode.Scalar(scalar) else { return false }
    return value.properties.isWhitespace
  }
}
