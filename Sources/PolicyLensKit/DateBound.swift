/// Date filters: `2024`, `2024-06` and `2024-06-30`, expanded to the first or last day.
///
/// The CLI's `--since`/`--until` and the server's `since`/`until` parameters go through it, so
/// both accept and refuse the same values.
public enum DateBound {
  /// The first day `value` covers (`2024-06` → `2024-06-01`).
  ///
  /// - Parameters:
  ///   - value: A year, a month or a day: `2024`, `2024-06`, `2024-06-30`.
  ///   - flag: The option or parameter the value came from, named in the error.
  /// - Throws: ``QueryError/invalidDate(flag:value:)`` for anything else (or a day that does not exist).
  public static func lower(_ value: String, flag: String) throws(QueryError) -> String {
    try expand(value, flag: flag, last: false)
  }

  /// The last day `value` covers (`2024-02` → `2024-02-29`); see ``lower(_:flag:)``.
  public static func upper(_ value: String, flag: String) throws(QueryError) -> String {
    try expand(value, flag: flag, last: true)
  }

  private static func expand(_ value: String, flag: String, last: Bool) throws(QueryError) -> String {
    let parts = value.split(separator: "-", omittingEmptySubsequences: false)
    let numbers = parts.compactMap { Int($0) }
    guard (1...3).contains(parts.count), numbers.count == parts.count else {
      throw .invalidDate(flag: flag, value: value)
    }
    let year = numbers[0]
    let month = numbers.count > 1 ? numbers[1] : (last ? 12 : 1)
    guard (1000...9999).contains(year), (1...12).contains(month) else { throw .invalidDate(flag: flag, value: value) }
    let monthLength = [
      31, (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ][month - 1]
    let day = numbers.count > 2 ? numbers[2] : (last ? monthLength : 1)
    guard (1...monthLength).contains(day) else { throw .invalidDate(flag: flag, value: value) }
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return "\(year)-\(two(month))-\(two(day))"
  }
}
