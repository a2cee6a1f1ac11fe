import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// WordprocessingML (`word/document.xml`) → paragraphs of text, split into pages.
///
/// Pure: parses bytes it is handed with Foundation's `XMLParser` (SAX). Text comes from
/// `w:t` runs only (not deleted text or field codes); `w:tab` is a tab, a `w:br` a line
/// break, `w:br w:type="page"` and `w:lastRenderedPageBreak` start a new page. A table row
/// becomes one line, its cells separated by tabs (the way the newsletters' tables read).
enum WordprocessingText {
  /// The document's pages, each its paragraphs joined by newlines.
  struct Result: Equatable {
    var pages: [String]
  }

  /// Where the XML stopped being well-formed.
  struct Malformed: Error, Equatable {
    var line: Int
  }

  static func parse(_ xml: Data) -> Swift.Result<Result, Malformed> {
    let collector = Collector()
    let parser = XMLParser(data: xml)
    parser.shouldProcessNamespaces = false
    parser.shouldResolveExternalEntities = false
    parser.delegate = collector
    // swift-corelibs' parse() returns true for a truncated document; its error says otherwise.
    guard parser.parse(), parser.parserError == nil, !collector.failed else {
      return .failure(Malformed(line: parser.lineNumber))
    }
    collector.finishPage()
    return .success(Result(pages: collector.pages))
  }

  final class Collector: NSObject, XMLParserDelegate {
    var pages: [String] = []
    var page: [String] = []
    var paragraph = ""
    var row: [String]?
    var cell: [String] = []
    var inText = false
    var tableDepth = 0
    var failed = false

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) { failed = true }

    func finishPage() {
      pages.append(page.joined(separator: "\n"))
      page = []
    }

    func parser(
      _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
      attributes: [String: String] = [:]
    ) {
      switch name {
      case "w:t": inText = true
      case "w:tab": paragraph += "\t"
      case "w:br", "w:cr":
        if attributes["w:type"] == "page" {
          pageBreak()
        } else {
          paragraph += "\n"
        }
      case "w:lastRenderedPageBreak": pageBreak()
      case "w:tbl": tableDepth += 1
      case "w:tr" where tableDepth == 1: row = []
      case "w:tc" where tableDepth == 1: cell = []
      default: break
      }
    }

    /// A break inside a paragraph splits it: the text before stays on the earlier page.
    func pageBreak() {
      // Word also marks the page after an explicit break as laid out: one break, not two.
      guard row == nil, !(page.allSatisfy(\.isEmpty) && paragraph.isEmpty && !pages.isEmpty) else { return }
      if !paragraph.isEmpty {
        page.append(paragraph)
        paragraph = ""
      }
      finishPage()
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
      switch name {
      case "w:t": inText = false
      case "w:p":
        if row != nil {
          cell.append(paragraph)
        } else {
          page.append(paragraph)
        }
        paragraph = ""
      case "w:tc" where tableDepth == 1:
        row?.append(cell.joined(separator: " "))
      case "w:tr" where tableDepth == 1:
        if let cells = row { page.append(cells.joined(separator: "\t")) }
        row = nil
      case "w:tbl": tableDepth -= 1
      default: break
      }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
      if inText { paragraph += string }
    }
  }
}
