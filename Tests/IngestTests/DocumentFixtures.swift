import Foundation
import Testing

/// Paths of the document fixtures (`Fixtures/documents`, written by
/// scripts/document_fixtures.py) and small documents built in memory.
enum DocumentFixtures {
  static func path(_ name: String) throws -> String {
    let url = try #require(Bundle.module.resourceURL?.appendingPathComponent("Fixtures/documents/\(name)"))
    return url.path
  }

  /// A fresh temporary folder.
  static func temporaryFolder() throws -> String {
    let path = NSTemporaryDirectory() + "ingest-documents-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  /// A valid PDF of `pageCount` pages, page *n* showing `Page n line k` on a few lines in
  /// Helvetica (written by hand: header, one object per page and content stream, an xref
  /// table with each object's byte offset, the trailer).
  static func pdf(pageCount: Int, linesPerPage: Int = 3) -> Data {
    var objects: [String] = []
    let fontID = 3
    objects.append("<< /Type /Catalog /Pages 2 0 R >>")
    let pageIDs = (0..<pageCount).map { 4 + 2 * $0 }
    objects.append(
      "<< /Type /Pages /Kids [\(pageIDs.map { "\($0) 0 R" }.joined(separator: " "))] /Count \(pageCount) >>")
    objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    for page in 1...max(pageCount, 1) where pageCount > 0 {
      let contentID = 4 + 2 * (page - 1) + 1
      objects.append(
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 \(fontID) 0 R >> >> "
          + "/Contents \(contentID) 0 R >>")
      var stream = "BT /F1 12 Tf 72 760 Td 16 TL"
      for line in 1...linesPerPage { stream += " (Page \(page) line \(line)) Tj T*" }
      stream += " ET"
      objects.append("<< /Length \(stream.utf8.count) >>\nstream\n\(stream)\nendstream")
    }
    var body = "%PDF-1.4\n"
    var offsets: [Int] = []
    for (index, object) in objects.enumerated() {
      offsets.append(body.utf8.count)
      body += "\(index + 1) 0 obj\n\(object)\nendobj\n"
    }
    let xref = body.utf8.count
    body += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
    for offset in offsets { body += String(repeating: "0", count: 10 - String(offset).count) + "\(offset) 00000 n \n" }
    body += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
    return Data(body.utf8)
  }
}
