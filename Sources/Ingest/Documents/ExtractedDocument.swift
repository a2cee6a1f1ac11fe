/// A document's text as an extractor read it: plain text for ``NewsletterParser``, where each
/// page starts, and what the document says about itself.
public struct ExtractedDocument: Sendable, Equatable {
  /// The text, one line per line of the page (PDF), paragraph (Word) or block (web page).
  public var text: String
  /// The 1-based line of ``text`` each page starts on, in page order; empty when the format
  /// has no pages (text, web pages) or the document does not record them.
  public var pageStartLines: [Int]
  /// Pages without any text (a scanned page in an otherwise digital PDF), 1-based.
  public var pagesWithoutText: [Int]
  /// The page's own title (`og:title`, WeChat's `activity-name`, `<title>`), when given.
  public var title: String?
  /// The publication date the page declares, ISO 8601 (`yyyy-MM-dd`).
  public var date: String?
  /// The canonical address of a web page (`<link rel="canonical">`, `og:url`).
  public var canonicalURL: String?
  /// The outlet (`og:site_name`, the WeChat account name).
  public var siteName: String?

  /// Creates an extraction result.
  public init(
    text: String, pageStartLines: [Int] = [], pagesWithoutText: [Int] = [], title: String? = nil,
    date: String? = nil, canonicalURL: String? = nil, siteName: String? = nil
  ) {
    self.text = text
    self.pageStartLines = pageStartLines
    self.pagesWithoutText = pagesWithoutText
    self.title = title
    self.date = date
    self.canonicalURL = canonicalURL
    self.siteName = siteName
  }

  /// The number of pages (0 when pages are not known).
  public var pageCount: Int { pageStartLines.count }

  /// The pages lines `first...last` fall on, or `nil` when pages are not known.
  ///
  /// - Complexity: O(log *p*) in the number of pages.
  public func pages(ofLines first: Int, _ last: Int) -> PageRange? {
    guard !pageStartLines.isEmpty else { return nil }
    let a = page(ofLine: first)
    return PageRange(first: a, last: max(a, page(ofLine: last)))
  }

  /// The 1-based page that line `line` is on.
  func page(ofLine line: Int) -> Int {
    var low = 0
    var high = pageStartLines.count
    while low < high {
      let mid = (low + high) / 2
      if pageStartLines[mid] <= line { low = mid + 1 } else { high = mid }
    }
    return max(1, low)
  }
}
