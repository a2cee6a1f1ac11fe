/// Parsing of masthead lines: issue numbers, print dates, Chinese numerals.
enum IssueHeader {
  /// `text` without any whitespace.
  static func compact(_ text: some StringProtocol) -> String {
    String(String.UnicodeScalarView(text.unicodeScalars.filter { !isTrimmable($0) }))
  }

  /// Reads leading ASCII digits of `scalars` from `index`; returns the value and the new index.
  static func number(in scalars: [Unicode.Scalar], from index: Int, maxDigits: Int = 9) -> (Int, Int)? {
    var value = 0
    var i = index
    while i < scalars.count, i - index < maxDigits, (0x30...0x39).contains(scalars[i].value) {
      value = value * 10 + Int(scalars[i].value - 0x30)
      i += 1
    }
    return i > index ? (value, i) : nil
  }

  /// Matches `pattern` against `text` (whitespace ignored) where `#` stands for a run of ASCII
  /// digits; returns the numbers, or `nil` if the text does not fit the pattern exactly.
  static func numbers(in text: some StringProtocol, pattern: String) -> [Int]? {
    let scalars = Array(compact(text).unicodeScalars)
    let pattern = Array(pattern.unicodeScalars)
    var values: [Int] = []
    var i = 0
    for p in pattern {
      if p == "#" {
        guard let (value, next) = number(in: scalars, from: i) else { return nil }
        values.append(value)
        i = next
      } else {
        guard i < scalars.count, scalars[i] == p else { return nil }
        i += 1
      }
    }
    return i == scalars.count ? values : nil
  }

  /// `2024年第21期` → (2024, 21).
  static func biweeklyIssue(_ text: some StringProtocol) -> (year: Int, number: Int)? {
    guard text.hasByteSuffix("期"), let v = numbers(in: text, pattern: "#年第#期"), v[0] >= 1900 else { return nil }
    return (v[0], v[1])
  }

  /// `11月7日印发` → (11, 7).
  static func printDate(_ text: some StringProtocol) -> (month: Int, day: Int)? {
    guard text.hasByteSuffix("印发"), let v = numbers(in: text, pattern: "#月#日印发"), (1...12).contains(v[0]),
      (1...31).contains(v[1])
    else { return nil }
    return (v[0], v[1])
  }

  /// `2023年（总第二十五期）` → (2023, 25).
  static func digestIssue(_ text: some StringProtocol) -> (year: Int, number: Int)? {
    guard text.hasByteSuffix("）") || text.hasByteSuffix(")") else { return nil }
    let s = String(compact(text).map { $0 == "(" ? "（" : $0 == ")" ? "）" : $0 })
    guard s.hasBytePrefix("20") || s.hasBytePrefix("19"), let yearEnd = s.firstIndex(of: "年"),
      let year = Int(s[..<yearEnd]), s[yearEnd...].hasBytePrefix("年（总第"), s.hasByteSuffix("期）")
    else { return nil }
    let numeral = s[s.index(yearEnd, offsetBy: 4)..<s.index(s.endIndex, offsetBy: -2)]
    guard let number = Int(numeral) ?? chineseNumber(numeral) else { return nil }
    return (year, number)
  }

  /// `2023. 06. 16-2023. 07. 15` → the last date, ISO formatted.
  static func collectionPeriodEnd(_ text: some StringProtocol) -> String? {
    guard text.utf8.first.map({ (0x30...0x39).contains($0) }) == true, let v = numbers(in: text, pattern: "#.#.#-#.#.#")
    else { return nil }
    return isoDate(year: v[3], month: v[4], day: v[5])
  }

  /// The first date written out in `text`, ISO formatted: `2024年5月10日`, `2024-05-10`,
  /// `2024/5/10` or `2024.5.10` (full-width digits are not read).
  ///
  /// - Complexity: O(*n*) in the number of scalars.
  static func firstDate(in text: some StringProtocol) -> String? {
    let scalars = Array(text.unicodeScalars)
    var index = 0
    while index + 7 < scalars.count {
      defer { index += 1 }
      // A year starts a digit run: not preceded by a digit.
      if index > 0, (0x30...0x39).contains(scalars[index - 1].value) { continue }
      guard let (year, afterYear) = number(in: scalars, from: index, maxDigits: 5), afterYear - index == 4,
        afterYear < scalars.count
      else { continue }
      let separator = scalars[afterYear]
      guard "年-/.".unicodeScalars.contains(separator),
        let (month, afterMonth) = number(in: scalars, from: afterYear + 1, maxDigits: 3), afterMonth < scalars.count
      else { continue }
      let monthSeparator: Unicode.Scalar = separator == "年" ? "月" : separator
      guard scalars[afterMonth] == monthSeparator,
        let (day, afterDay) = number(in: scalars, from: afterMonth + 1, maxDigits: 3), afterDay - afterMonth <= 3
      else { continue }
      if afterDay < scalars.count, (0x30...0x39).contains(scalars[afterDay].value) { continue }
      if let date = isoDate(year: year, month: month, day: day) { return date }
    }
    return nil
  }

  /// `yyyy-MM-dd`, or `nil` for an impossible month or day.
  static func isoDate(year: Int, month: Int, day: Int) -> String? {
    guard (1900...2999).contains(year), (1...12).contains(month), (1...31).contains(day) else { return nil }
    func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return "\(year)-\(pad(month))-\(pad(day))"
  }

  /// Chinese numerals up to 9999: `二十五` → 25, `一百零三` → 103.
  static func chineseNumber(_ text: some StringProtocol) -> Int? {
    let digits: [Character: Int] = [
      "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]
    let units: [Character: Int] = ["十": 10, "百": 100, "千": 1000]
    var total = 0
    var pending: Int?
    for character in text {
      if let d = digits[character] {
        pending = d
      } else if let u = units[character] {
        total += (pending ?? 1) * u
        pending = nil
      } else {
        return nil
      }
    }
    total += pending ?? 0
    return text.isEmpty ? nil : total
  }
}
