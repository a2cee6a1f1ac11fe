/// A day in the proleptic Gregorian calendar, without time or time zone.
///
/// Timelines bucket by calendar fields only, so a plain year–month–day triple is all they need
/// and avoids any dependence on the machine's time zone.
public struct CalendarDate: Codable, Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The year, for example 2024.
  public var year: Int
  /// The month, 1–12.
  public var month: Int
  /// The day of the month, 1–31.
  public var day: Int

  /// Creates a date from its fields; `month` must be 1–12 and `day` valid for that month.
  public init(year: Int, month: Int, day: Int) {
    precondition((1...12).contains(month), "month must be 1–12")
    precondition(
      (1...CalendarDate.dayCount(year: year, month: month)).contains(day), "day out of range for month")
    self.year = year
    self.month = month
    self.day = day
  }

  /// Parses an ISO 8601 calendar date, `yyyy-MM-dd`; returns `nil` for anything else.
  ///
  /// Accepts exactly four year digits, two month digits and two day digits, and checks that the
  /// day exists (2024-02-29 is valid, 2023-02-29 is not).
  public init?(iso text: String) {
    // Byte by byte: a timeline parses one date per article (100,000 of them), and `yyyy-MM-dd`
    // in ASCII digits is exactly ten UTF-8 bytes.
    guard text.utf8.count == 10 else { return nil }
    var fields = (year: 0, month: 0, day: 0)
    for (offset, byte) in text.utf8.enumerated() {
      if offset == 4 || offset == 7 {
        guard byte == UInt8(ascii: "-") else { return nil }
        continue
      }
      guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
      let digit = Int(byte - UInt8(ascii: "0"))
      switch offset {
      case 0..<4: fields.year = fields.year * 10 + digit
      case 5..<7: fields.month = fields.month * 10 + digit
      default: fields.day = fields.day * 10 + digit
      }
    }
    let (year, month, day) = fields
    guard (1...12).contains(month), (1...CalendarDate.dayCount(year: year, month: month)).contains(day) else {
      return nil
    }
    self.init(year: year, month: month, day: day)
  }

  /// The ISO form, `yyyy-MM-dd`.
  public var description: String {
    CalendarDate.padded(year, 4) + "-" + CalendarDate.padded(month, 2) + "-" + CalendarDate.padded(day, 2)
  }

  /// The quarter of the year, 1–4.
  public var quarter: Int { (month - 1) / 3 + 1 }

  public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  /// The number of days in a month of the Gregorian calendar.
  public static func dayCount(year: Int, month: Int) -> Int {
    switch month {
    case 2:
      let isLeap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
      return isLeap ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  static func padded(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
  }
}
