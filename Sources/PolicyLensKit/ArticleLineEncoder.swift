import Ingest

/// One line of `articles.jsonl`: an ``Article`` as the JSON that `JSONEncoder` writes with
/// `[.sortedKeys, .withoutEscapingSlashes]`, byte for byte, without going through `Encoder`.
///
/// Saving a 100k-article model spent most of its time in `JSONEncoder` (≈ 320 MB of bodies);
/// this writes the same bytes several times faster. Readers still decode the lines with
/// `JSONDecoder` and `Article`'s `Codable`, so the two must agree: keys in sorted order with
/// `Article.CodingKeys`' names, absent optionals left out, strings escaped as Foundation does
/// (`"`, `\`, and control characters, as `\b \f \n \r \t` or `\u00XX`; everything else, `/`
/// included, as its UTF-8 bytes). `ArticleLineEncoderTests` compares it with `JSONEncoder`.
enum ArticleLineEncoder {
  /// Appends the article's JSON (without a newline) to `bytes`.
  static func append(_ article: Article, to bytes: inout [UInt8]) {
    bytes.append(contentsOf: #"{"body":["#.utf8)
    appendStrings(article.body, to: &bytes)
    bytes.append(UInt8(ascii: "]"))
    if let city = article.city { appendField("city", city, to: &bytes) }
    if let date = article.date { appendField("date", date, to: &bytes) }
    appendField("file", article.file, to: &bytes)
    if let format = article.format { appendField("format", format.rawValue, to: &bytes) }
    appendField("id", article.id, to: &bytes)
    appendField("issue", article.issue, to: &bytes)
    bytes.append(contentsOf: #","lines":{"first":"#.utf8)
    bytes.append(contentsOf: String(article.lines.first).utf8)
    bytes.append(contentsOf: #","last":"#.utf8)
    bytes.append(contentsOf: String(article.lines.last).utf8)
    bytes.append(UInt8(ascii: "}"))
    if let pages = article.pages {
      bytes.append(contentsOf: #","pages":{"first":"#.utf8)
      bytes.append(contentsOf: String(pages.first).utf8)
      bytes.append(contentsOf: #","last":"#.utf8)
      bytes.append(contentsOf: String(pages.last).utf8)
      bytes.append(UInt8(ascii: "}"))
    }
    appendField("publication", article.publication, to: &bytes)
    appendField("region", article.region, to: &bytes)
    appendField("section", article.section, to: &bytes)
    if let simplified = article.simplified {
      bytes.append(contentsOf: #","simplified":{"body":["#.utf8)
      appendStrings(simplified.body, to: &bytes)
      bytes.append(contentsOf: #"],"title":"#.utf8)
      appendString(simplified.title, to: &bytes)
      bytes.append(UInt8(ascii: "}"))
    }
    if let source = article.source { appendField("source", source, to: &bytes) }
    if let sourceDate = article.sourceDate { appendField("source_date", sourceDate, to: &bytes) }
    appendField("title", article.title, to: &bytes)
    bytes.append(contentsOf: #","urls":["#.utf8)
    appendStrings(article.urls, to: &bytes)
    bytes.append(contentsOf: "]}".utf8)
  }

  /// String literals separated by commas (the inside of an array).
  private static func appendStrings(_ texts: [String], to bytes: inout [UInt8]) {
    for (index, text) in texts.enumerated() {
      if index > 0 { bytes.append(UInt8(ascii: ",")) }
      appendString(text, to: &bytes)
    }
  }

  private static func appendField(_ key: StaticString, _ value: String, to bytes: inout [UInt8]) {
    bytes.append(contentsOf: #",""#.utf8)
    key.withUTF8Buffer { bytes.append(contentsOf: $0) }
    bytes.append(contentsOf: #"":"#.utf8)
    appendString(value, to: &bytes)
  }

  private static let hexDigits = Array("0123456789abcdef".utf8)

  /// A JSON string literal: quotes, and escapes for `"`, `\` and bytes below 0x20.
  static func appendString(_ text: String, to bytes: inout [UInt8]) {
    bytes.append(UInt8(ascii: "\""))
    var text = text
    text.withUTF8 { utf8 in
      var runStart = 0
      for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
        runStart = index + 1
        switch byte {
        case 0x22: bytes.append(contentsOf: #"\""#.utf8)
        case 0x5C: bytes.append(contentsOf: #"\\"#.utf8)
        case 0x08: bytes.append(contentsOf: #"\b"#.utf8)
        case 0x0C: bytes.append(contentsOf: #"\f"#.utf8)
        case 0x0A: bytes.append(contentsOf: #"\n"#.utf8)
        case 0x0D: bytes.append(contentsOf: #"\r"#.utf8)
        case 0x09: bytes.append(contentsOf: #"\t"#.utf8)
        default:
          bytes.append(contentsOf: #"\u00"#.utf8)
          bytes.append(hexDigits[Int(byte >> 4)])
          bytes.append(hexDigits[Int(byte & 0x0F)])
        }
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
    }
    bytes.append(UInt8(ascii: "\""))
  }
}
