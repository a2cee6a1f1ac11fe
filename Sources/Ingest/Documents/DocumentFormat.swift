/// The kinds of file ``CorpusLoader`` reads, told apart by their first bytes.
public enum DocumentFormat: String, Codable, Sendable, Hashable, CaseIterable {
  /// Plain text (UTF-8, UTF-16 with a byte-order mark, GB18030).
  case text = "txt"
  /// PDF, read through poppler's `pdftotext`.
  case pdf
  /// Word 2007+ (`.docx`): a ZIP archive of WordprocessingML.
  case docx
  /// A saved web page.
  case html

  /// The format a file name's extension claims (`.txt`, `.pdf`, `.docx`, `.html`, `.htm`),
  /// case-insensitive; `nil` for any other name.
  public init?(fileName: String) {
    guard let dot = fileName.lastIndex(of: ".") else { return nil }
    switch fileName[fileName.index(after: dot)...].lowercased() {
    case "txt": self = .text
    case "pdf": self = .pdf
    case "docx": self = .docx
    case "html", "htm", "xhtml": self = .html
    default: return nil
    }
  }

  /// What the content is, from its magic bytes: `%PDF-` within the first 1,024 bytes (the
  /// PDF specification allows leading junk), a ZIP local-file header `PK\u{3}\u{4}`
  /// (``docx``; whether it holds `word/document.xml` is checked when it is opened), markup
  /// that opens like a web page (`<!DOCTYPE html`, `<html`, `<head`, `<body`, `<meta`,
  /// `<title`, `<article`, after a byte-order mark, white space and comments), otherwise
  /// ``text``.
  ///
  /// Anything that is not text (NUL bytes, invalid encodings) is ``text`` here and refused
  /// by ``TextDecoding``.
  ///
  /// - Complexity: O(1): at most the first 1,024 bytes are looked at.
  public static func sniff(_ bytes: some Collection<UInt8>) -> DocumentFormat {
    let head = Array(bytes.prefix(1024))
    if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .docx }
    let pdfMagic: [UInt8] = Array("%PDF-".utf8)
    if head.count >= pdfMagic.count,
      (0...(head.count - pdfMagic.count)).contains(where: { head[$0..<$0 + pdfMagic.count].elementsEqual(pdfMagic) })
    {
      return .pdf
    }
    return looksLikeHTML(head) ? .html : .text
  }

  /// A short English name for messages: `PDF`, `Word document`, `web page`, `text`.
  public var displayName: String {
    switch self {
    case .text: "text"
    case .pdf: "PDF"
    case .docx: "Word document"
    case .html: "web page"
    }
  }

  /// The extension a file of this format should carry, with its dot.
  public var fileExtension: String { "." + rawValue }

  static func looksLikeHTML(_ head: [UInt8]) -> Bool {
    var text = String(decoding: head, as: UTF8.self)
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    var rest = Substring(text)
    while true {
      rest = rest.drop { $0.isWhitespace }
      if rest.hasPrefix("<!--"), let end = rest.range(of: "-->") {
        rest = rest[end.upperBound...]
        continue
      }
      if rest.hasPrefix("<?xml"), let end = rest.range(of: "?>") {
        rest = rest[end.upperBound...]
        continue
      }
      break
    }
    let lower = rest.prefix(16).lowercased()
    return ["<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<article"].contains {
      lower.hasPrefix($0)
    }
  }
}
