/// RFC 4180 field quoting, shared by this module's CSV exports.
enum CSVField {
  /// Quotes a field when it contains a comma, a double quote, CR or LF; doubles inner quotes.
  static func escape(_ field: String) -> String {
    guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else {
      return field
    }
    var quoted = "\""
    for character in field {
      quoted.append(character)
      if character == "\"" { quoted.append("\"") }
    }
    return quoted + "\""
  }

  /// Joins rows into a CSV document: fields escaped, records ended by CRLF as RFC 4180 specifies.
  static func document(_ rows: [[String]]) -> String {
    rows.map { $0.map(escape).joined(separator: ",") + "\r\n" }.joined()
  }

  /// A share written with up to six decimals and no exponent, independent of locale.
  static func decimal(_ value: Double) -> String {
    let scaled = (value * 1_000_000).rounded()
    let integer = Int(scaled) / 1_000_000
    var fraction = String(abs(Int(scaled)) % 1_000_000)
    fraction = String(repeating: "0", count: 6 - fraction.count) + fraction
    while fraction.hasSuffix("0") { fraction.removeLast() }
    let sign = scaled < 0 && integer == 0 ? "-" : ""
    return fraction.isEmpty ? sign + String(integer) : sign + String(integer) + "." + fraction
  }
}
