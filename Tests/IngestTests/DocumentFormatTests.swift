import Testing

@testable import Ingest

@Suite("DocumentFormat")
struct DocumentFormatTests {
  @Test(
    "the extension names a format, case-insensitively",
    arguments: [
      ("a.txt", DocumentFormat.text), ("B.PDF", .pdf), ("c.docx", .docx), ("d.html", .html), ("e.HTM", .html),
    ])
  func extensions(name: String, format: DocumentFormat) {
    #expect(DocumentFormat(fileName: name) == format)
  }

  @Test("other names have no format")
  func otherNames() {
    #expect(DocumentFormat(fileName: "readme.md") == nil)
    #expect(DocumentFormat(fileName: "noextension") == nil)
    #expect(DocumentFormat(fileName: "old.doc") == nil)
  }

  @Test("magic bytes decide the content")
  func sniffing() {
    #expect(DocumentFormat.sniff(Array("%PDF-1.7\n".utf8)) == .pdf)
    // The PDF specification allows junk before the header (within the first 1,024 bytes).
    #expect(DocumentFormat.sniff(Array("\r\n\u{0}junk%PDF-1.4".utf8)) == .pdf)
    #expect(DocumentFormat.sniff([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00]) == .docx)
    #expect(DocumentFormat.sniff(Array("\u{FEFF}<!DOCTYPE html><html>".utf8)) == .html)
    #expect(DocumentFormat.sniff(Array("  <!-- saved --> <HTML lang=zh>".utf8)) == .html)
    #expect(DocumentFormat.sniff(Array("<?xml version=\"1.0\"?>\n<html>".utf8)) == .html)
    #expect(DocumentFormat.sniff(Array("双周决策观察\n2024年第21期".utf8)) == .text)
    #expect(DocumentFormat.sniff(Array("<这不是标签>".utf8)) == .text)
    #expect(DocumentFormat.sniff([UInt8]()) == .text)
  }
}
