import Foundation
import ZIPFoundation

/// `.docx` → text with a page map: the ZIP archive is opened with ZIPFoundation and its
/// `word/document.xml` read by ``WordprocessingText``.
///
/// Pages come from the page breaks Word records (explicit ones and the
/// `lastRenderedPageBreak` marks it leaves where it last laid out a page); a document with
/// neither has no page map.
enum WordDocumentExtractor {
  /// The largest `word/document.xml` read (uncompressed): far above any newsletter, low
  /// enough that a ZIP bomb is refused instead of filling the memory.
  static let maximumDocumentBytes = 256 << 20

  /// Reads the Word document `bytes` (from `path`, named in errors).
  ///
  /// - Throws: ``IngestError/notADocument(path:named:reason:)`` when it is not a ZIP archive
  ///   or holds no `word/document.xml`, ``IngestError/damaged(path:format:reason:)`` when the
  ///   archive or its XML is broken.
  static func extract(path: String, bytes: [UInt8]) throws(IngestError) -> ExtractedDocument {
    let archive: Archive
    do {
      archive = try Archive(data: Data(bytes), accessMode: .read)
    } catch {
      throw .notADocument(path: path, named: .docx, reason: "not a ZIP archive")
    }
    guard let entry = archive["word/document.xml"] else {
      let isODF = archive["content.xml"] != nil
      throw .notADocument(
        path: path, named: .docx,
        reason: isODF ? "an OpenDocument file; save it as .docx" : "a ZIP archive without word/document.xml")
    }
    guard entry.uncompressedSize <= maximumDocumentBytes else {
      throw .damaged(path: path, format: .docx, reason: "word/document.xml expands to \(entry.uncompressedSize) bytes")
    }
    var xml = Data()
    do {
      _ = try archive.extract(entry) { xml.append($0) }
    } catch {
      throw .damaged(path: path, format: .docx, reason: "word/document.xml cannot be unpacked: \(error)")
    }
    let parsed: WordprocessingText.Result
    switch WordprocessingText.parse(xml) {
    case .success(let result): parsed = result
    case .failure(let failure):
      throw .damaged(
        path: path, format: .docx, reason: "word/document.xml is not well-formed XML (line \(failure.line))")
    }
    let joined = PagedText.join(parsed.pages.map { Substring($0) })
    let hasPages = parsed.pages.count > 1
    return ExtractedDocument(
      text: joined.text, pageStartLines: hasPages ? joined.pageStartLines : [],
      pagesWithoutText: hasPages ? joined.pagesWithoutText : [])
  }
}
