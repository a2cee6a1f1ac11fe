extension TextAnalyzer {
  /// The kind of a token from its scalars.
  static func kind(of token: UnsafeBufferPointer<UInt32>) -> Token.Kind {
    var hasLetter = false
    var hasDigit = false
    for scalar in token {
      if ScalarClass.isHan(scalar) { return .han }
      if ScalarClass.isASCIILetter(scalar) {
        hasLetter = true
      } else if ScalarClass.isASCIIDigit(scalar) {
        hasDigit = true
      } else if scalar >= 0x80 {
        return token.count == 1 ? kind(ofSingle: scalar) : .symbol
      }
    }
    if hasLetter { return .latin }
    if hasDigit { return .number }
    if token.count == 1 { return kind(ofSingle: token[0]) }
    if token.count == 2, token[0] == 0x0D, token[1] == 0x0A { return .whitespace }
    return .punctuation
  }

  private static func kind(ofSingle value: UInt32) -> Token.Kind {
    if ScalarClass.isWhitespace(value) { return .whitespace }
    // Fast paths for the punctuation of Chinese news (general category P*).
    if value < 0x80 {
      let isPunctuation =
        (value >= 0x21 && value <= 0x2F && value != 0x24 && value != 0x2B)
        || (value >= 0x3A && value <= 0x40 && value != 0x3C && value != 0x3D && value != 0x3E)
        || value == 0x5B || value == 0x5C || value == 0x5D || value == 0x5F || value == 0x7B || value == 0x7D
      return isPunctuation ? .punctuation : .symbol
    }
    if (value &- 0x2010 <= 0x2027 - 0x2010) || (value &- 0x3001 <= 2) || (value &- 0x3008 <= 0x3011 - 0x3008)
      || (value &- 0x3014 <= 0x301F - 0x3014)
    {
      return .punctuation
    }
    guard let scalar = Unicode.Scalar(value) else { return .symbol }
    let properties = scalar.properties
    if properties.isIdeographic { return .han }
    switch properties.generalCategory {
    case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
      .initialPunctuation, .finalPunctuation, .otherPunctuation:
      return .punctuation
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
      return .latin
    case .decimalNumber, .letterNumber, .otherNumber:
      return .number
    default:
      return .symbol
    }
  }

  /// Han numerals and the units that turn them into dates, counts or ordinals.
  static func isNumeral(_ token: UnsafeBufferPointer<UInt32>) -> Bool {
    var hasNumeral = false
    for scalar in token {
      switch scalar {
      case 0x3007, 0x96F6, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341,
        0x767E, 0x5343, 0x4E07, 0x4EBF, 0x4E24:
        // 〇 零 一 二 三 四 五 六 七 八 九 十 百 千 万 亿 两
        hasNumeral = true
      case 0x30...0x39,
        0x5E74, 0x6708, 0x65E5, 0x53F7, 0x65F6, 0x5206, 0x79D2, 0x671F, 0x5C4A, 0x6B21, 0x7B2C, 0x4E2A, 0x4F59,
        0x591A, 0x5B63, 0x5EA6, 0x5468, 0x5C81, 0x500D, 0x5143:
        // digits; 年 月 日 号 时 分 秒 期 届 次 第 个 余 多 季 度 周 岁 倍 元
        if scalar <= 0x39 { hasNumeral = true }
      default:
        return false
      }
    }
    return hasNumeral
  }

  /// The UTF-8 string of `buffer[range]`, without intermediate arrays.
  static func string(_ buffer: UnsafeBufferPointer<UInt32>, _ range: Range<Int>) -> String {
    String(unsafeUninitializedCapacity: range.count * 4) { utf8 in
      var count = 0
      for index in range {
        let value = buffer[index]
        if value < 0x80 {
          utf8[count] = UInt8(truncatingIfNeeded: value)
          count += 1
        } else if value < 0x800 {
          utf8[count] = UInt8(truncatingIfNeeded: 0xC0 | (value >> 6))
          utf8[count + 1] = UInt8(truncatingIfNeeded: 0x80 | (value & 0x3F))
          count += 2
        } else if value < 0x10000 {
          utf8[count] = UInt8(truncatingIfNeeded: 0xE0 | (value >> 12))
          utf8[count + 1] = UInt8(truncatingIfNeeded: 0x80 | ((value >> 6) & 0x3F))
          utf8[count + 2] = UInt8(truncatingIfNeeded: 0x80 | (value & 0x3F))
          count += 3
        } else {
          utf8[count] = UInt8(truncatingIfNeeded: 0xF0 | (value >> 18))
          utf8[count + 1] = UInt8(truncatingIfNeeded: 0x80 | ((value >> 12) & 0x3F))
          utf8[count + 2] = UInt8(truncatingIfNeeded: 0x80 | ((value >> 6) & 0x3F))
          utf8[count + 3] = UInt8(truncatingIfNeeded: 0x80 | (value & 0x3F))
          count += 4
        }
      }
      return count
    }
  }
}
