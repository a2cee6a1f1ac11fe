import Foundation

/// The query string of a request (`?q=…&n=5`), percent- and `+`-decoded, with typed readers
/// whose errors name the parameter.
///
/// An empty value (`region=`, as an HTML form sends an unused field) reads as absent. When a
/// name repeats, the last value counts.
struct QueryParameters: Sendable {
  private var values: [String: String] = [:]
  private var undecodable: Set<String> = []

  /// Parses a raw query string (without the `?`).
  init(query: String?) {
    guard let query else { return }
    for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let name = Self.decode(parts[0]) ?? String(parts[0])
      let raw = parts.count > 1 ? parts[1] : ""
      if let value = Self.decode(raw) {
        values[name] = value
        undecodable.remove(name)
      } else {
        undecodable.insert(name)
      }
    }
  }

  private static func decode(_ raw: Substring) -> String? {
    raw.replacing("+", with: " ").removingPercentEncoding
  }

  /// A text value, trimmed; absent when empty.
  ///
  /// - Throws: 400 when it is not valid percent-encoded UTF-8 or longer than `maximumLength` characters.
  func text(_ name: String, maximumLength: Int = 200) throws(ServerError) -> String? {
    if undecodable.contains(name) {
      throw .badParameter(name, "\(name) is not valid percent-encoded UTF-8.")
    }
    guard let value = values[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else {
      return nil
    }
    guard value.count <= maximumLength else {
      throw .badParameter(
        name, "\(name) must be at most \(maximumLength) characters; got \(value.count). Shorten it.")
    }
    return value
  }

  /// A whole number in `range`, or `defaultValue` when absent.
  ///
  /// - Throws: 400 naming the parameter, its range and the value given.
  func integer(_ name: String, in range: ClosedRange<Int>, default defaultValue: Int) throws(ServerError) -> Int {
    guard let raw = try text(name, maximumLength: 20) else { return defaultValue }
    guard let value = Int(raw), range.contains(value) else {
      throw .badParameter(
        name, "\(name) must be a whole number between \(range.lowerBound) and \(range.upperBound); got \"\(raw)\".")
    }
    return value
  }

  /// `true`/`1`/`yes`/`on` or `false`/`0`/`no`/`off`; `defaultValue` when absent.
  func flag(_ name: String, default defaultValue: Bool) throws(ServerError) -> Bool {
    guard let raw = try text(name, maximumLength: 10)?.lowercased() else { return defaultValue }
    switch raw {
    case "true", "1", "yes", "on": return true
    case "false", "0", "no", "off": return false
    default: throw .badParameter(name, "\(name) must be true or false; got \"\(raw)\".")
    }
  }

  /// One of an enumeration's raw values; `defaultValue` when absent.
  func choice<Value: RawRepresentable & CaseIterable>(
    _ name: String, default defaultValue: Value
  ) throws(ServerError) -> Value where Value.RawValue == String {
    guard let raw = try text(name, maximumLength: 40) else { return defaultValue }
    guard let value = Value(rawValue: raw) else {
      let allowed = Value.allCases.map(\.rawValue).joined(separator: ", ")
      throw .badParameter(name, "\(name) must be one of \(allowed); got \"\(raw)\".")
    }
    return value
  }
}
