/// PDF → text with a page map, through poppler's `pdftotext` (Debian's poppler-utils).
///
/// `pdftotext -layout` keeps each line of the page as a line of text in reading order and
/// ends every page with a form feed, which gives the page map. Its exit status and messages
/// tell the bad cases apart: `Incorrect password` (encrypted), a missing trailer or xref
/// table (damaged), no text on any page (a scan).
enum PDFExtractor {
  static let tool = ExternalTool(name: "pdftotext", package: "poppler-utils")

  /// Reads the PDF at `path`.
  ///
  /// - Throws: ``IngestError/encrypted(path:)``, ``IngestError/damaged(path:format:reason:)``,
  ///   ``IngestError/noTextLayer(path:pageCount:)``, ``IngestError/timedOut(path:seconds:)``,
  ///   ``IngestError/toolMissing(path:tool:package:)``.
  static func extract(path: String, timeout: Double) throws(IngestError) -> ExtractedDocument {
    let run: ExternalTool.Run
    switch tool.run(["-layout", "-enc", "UTF-8", "-eol", "unix", "-q", path, "-"], timeout: timeout) {
    case .success(let finished): run = finished
    case .failure(.missing): throw .toolMissing(path: path, tool: tool.name, package: tool.package)
    case .failure(.timedOut): throw .timedOut(path: path, seconds: timeout)
    case .failure(.couldNotStart(let reason)): throw .unreadable(path: path, reason: reason)
    }
    return try interpret(run, path: path)
  }

  /// The outcome of one `pdftotext` run, read.
  static func interpret(_ run: ExternalTool.Run, path: String) throws(IngestError) -> ExtractedDocument {
    if run.status != 0 {
      // -q silences messages, so run once more without it only to say why.
      let reason = diagnose(path: path)
      if reason.contains("Incorrect password") || run.status == 3 { throw .encrypted(path: path) }
      throw .damaged(path: path, format: .pdf, reason: reason.isEmpty ? "pdftotext exit status \(run.status)" : reason)
    }
    let text = String(decoding: run.output, as: UTF8.self)
    var pages = text.split(separator: "\u{0C}", omittingEmptySubsequences: false)
    // pdftotext ends every page, the last one included, with a form feed.
    if pages.count > 1, pages.last?.allSatisfy(\.isWhitespace) == true { pages.removeLast() }
    let joined = PagedText.join(pages)
    if joined.pagesWithoutText.count == pages.count {
      let reason = diagnose(path: path)
      if reason.contains("trailer") || reason.contains("xref") || pages.count == 0 {
        throw .damaged(path: path, format: .pdf, reason: reason.isEmpty ? "no pages" : reason)
      }
      throw .noTextLayer(path: path, pageCount: pages.count)
    }
    return ExtractedDocument(
      text: joined.text, pageStartLines: joined.pageStartLines, pagesWithoutText: joined.pagesWithoutText)
  }

  /// The first of poppler's messages about the file (`Couldn't read xref table`), without
  /// its `Syntax Error:` prefix; empty when it says nothing.
  static func diagnose(path: String) -> String {
    guard case .success(let run) = tool.run([path, "/dev/null"], timeout: 10) else { return "" }
    let messages = run.errorOutput.split(separator: "\n").map { line -> Substring in
      guard let colon = line.firstIndex(of: ":") else { return line }
      return line[line.index(after: colon)...].drop { $0 == " " }
    }
    return messages.first { $0.contains("password") }.map(String.init)
      ?? messages.first { $0.contains("xref") || $0.contains("trailer") }.map(String.init)
      ?? messages.first.map(String.init) ?? ""
  }
}
