import Testing

@testable import Ingest

@Suite("PagedText")
struct PagedTextTests {
  @Test("pages become one text with the line each page starts on")
  func pageMap() {
    let joined = PagedText.join(["一\n二\n", "三\n", "四\n五\n六\n"])
    #expect(joined.text == "一\n二\n三\n四\n五\n六\n")
    #expect(joined.pageStartLines == [1, 3, 4])
    #expect(joined.pagesWithoutText.isEmpty)
    let document = ExtractedDocument(text: joined.text, pageStartLines: joined.pageStartLines)
    #expect(document.pages(ofLines: 2, 2) == PageRange(first: 1, last: 1))
    #expect(document.pages(ofLines: 2, 5) == PageRange(first: 1, last: 3))
    #expect(document.pages(ofLines: 3, 3) == PageRange(first: 2, last: 2))
    #expect(ExtractedDocument(text: "x").pages(ofLines: 1, 1) == nil)
  }

  @Test("page numbers at the head or foot of a page are dropped, keeping the line count")
  func pageNumbers() {
    let joined = PagedText.join(["正文第一行\n\n   -1-\n", "第 2 页\n正文\n2024\n正文末行\n3 / 12\n"])
    #expect(joined.text == "正文第一行\n\n\n\n正文\n2024\n正文末行\n\n")
    #expect(joined.pageStartLines == [1, 4])
  }

  @Test(
    "what counts as a page number",
    arguments: [
      ("3", true), ("- 3 -", true), ("—12—", true), ("第3页", true), ("第 3 页 共 12 页", true), ("3 / 12", true),
      ("Page 7", true), ("2024年", false), ("第三章", false), ("123456", false), ("3.5", false), ("", false),
    ])
  func pageNumberShapes(line: String, isPageNumber: Bool) {
    #expect(PagedText.isPageNumber(Substring(line)) == isPageNumber)
  }

  @Test("pages with only white space are listed")
  func emptyPages() {
    let joined = PagedText.join(["文字\n", "  \n\n", "- 3 -\n"])
    #expect(joined.pagesWithoutText == [2, 3])
  }
}
