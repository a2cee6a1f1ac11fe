import Foundation
import Testing

@testable import Ingest

@Suite("WordprocessingText")
struct WordprocessingTextTests {
  func parse(_ body: String) throws -> [String] {
    let xml = """
      <?xml version="1.0" encoding="UTF-8"?>
      <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\(body)</w:body></w:document>
      """
    return try WordprocessingText.parse(Data(xml.utf8)).get().pages
  }

  @Test("runs join into paragraphs; tabs and line breaks are kept")
  func paragraphs() throws {
    let pages = try parse(
      "<w:p><w:r><w:t>低空</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">经济 </w:t></w:r></w:p>"
        + "<w:p><w:r><w:t>指标</w:t><w:tab/><w:t>目标</w:t><w:br/><w:t>下一行</w:t></w:r></w:p>")
    #expect(pages == ["低空经济 \n指标\t目标\n下一行"])
  }

  @Test("deleted text and field codes are not text")
  func notText() throws {
    let pages = try parse(
      "<w:p><w:del><w:r><w:delText>旧</w:delText></w:r></w:del><w:r><w:instrText>PAGE</w:instrText></w:r>"
        + "<w:ins><w:r><w:t>新</w:t></w:r></w:ins></w:p>")
    #expect(pages == ["新"])
  }

  @Test("page breaks start pages; Word's rendered-break mark after one is not a second break")
  func pages() throws {
    let pages = try parse(
      "<w:p><w:r><w:t>一</w:t></w:r></w:p><w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>"
        + "<w:p><w:r><w:lastRenderedPageBreak/><w:t>二</w:t></w:r></w:p>"
        + "<w:p><w:r><w:t>二续</w:t><w:lastRenderedPageBreak/><w:t>三</w:t></w:r></w:p>")
    #expect(pages == ["一", "\n二\n二续", "三"])
  }

  @Test("a table row is one line of tab-separated cells")
  func tables() throws {
    let pages = try parse(
      "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>省份</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>目标</w:t></w:r></w:p></w:tc></w:tr>"
        + "<w:tr><w:tc><w:p><w:r><w:t>上海</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>500亿</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
    )
    #expect(pages == ["省份\t目标\n上海\t500亿"])
  }

  @Test("XML that is not well-formed is reported with its line")
  func malformed() {
    let result = WordprocessingText.parse(Data("<w:document>\n<w:body><w:p></w:body>".utf8))
    guard case .failure(let failure) = result else {
      Issue.record("parsed malformed XML")
      return
    }
    #expect(failure.line >= 1)
  }
}

extension WordprocessingTextTests {
  @Test("a truncated document is malformed, not a shorter one")
  func truncated() {
    let xml = "<w:document xmlns:w=\"w\"><w:body><w:p><w:r><w:t>开头</w:t></w:r></w:p><w:p><w:r><w:t>半"
    guard case .failure = WordprocessingText.parse(Data(xml.utf8)) else {
      Issue.record("a truncated document parsed")
      return
    }
  }
}
