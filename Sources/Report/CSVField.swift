/// RFC 4180 field quoting: the one CSV escaper in PolicyLens (every CSV output goes through
/// ``ReportCSV``).
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
}
