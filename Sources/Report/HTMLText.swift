/// Escaping and number formatting for the generated HTML (the report's and the server's pages).
public enum HTMLText {
  /// Escapes text for element content and for double- or single-quoted attribute values: `&` `<`
  /// `>` `"` `'` become character references.
  ///
  /// Control characters other than tab, LF and CR are dropped because HTML forbids them.
  public static func escape(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&#39;"
      case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
      default:
        if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { continue }
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// A number with exactly `digits` decimals, locale-independent; non-finite values print as 0.
  public static func fixed(_ value: Double, _ digits: Int) -> String {
    guard value.isFinite else { return "0" }
    var scale = 1
    for _ in 0..<digits { scale *= 10 }
    let scaled = Int((abs(value) * Double(scale)).rounded())
    let sign = value < 0 && scaled != 0 ? "-" : ""
    guard digits > 0 else { return sign + String(scaled) }
    let fraction = String(scaled % scale)
    return sign + String(scaled / scale) + "." + String(repeating: "0", count: digits - fraction.count) + fraction
  }

  /// A share 0…1 as a percentage with one decimal, for example `12.5%`.
  public static func percent(_ share: Double) -> String { fixed(share * 100, 1) + "%" }
}
