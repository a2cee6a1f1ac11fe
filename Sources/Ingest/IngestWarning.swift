/// Something the loader or parser noticed and worked around.
///
/// Warnings are values; the library never prints them.
public enum IngestWarning: Codable, Sendable, Hashable, CustomStringConvertible {
  /// The text matches neither newsletter format; it was kept as one article.
  case notANewsletter(file: String)
  /// The file is empty (or only whitespace) and was skipped.
  case emptyFile(file: String)
  /// The file was not UTF-8 and was decoded from the named encoding.
  case decoded(file: String, encoding: TextEncoding)
  /// A contents entry has no matching title in the body; its text stayed in the previous
  /// article.
  case unmatchedContentsEntry(file: String, title: String)
  /// The issue header (`2024年第21期`) was not found; ids use the file name instead.
  case missingIssueHeader(file: String)
  /// Two articles share an id (the same issue loaded twice?).
  case duplicateArticleID(id: String, files: [String])
  /// A text that is not a newsletter names no date; its article is left out of timelines.
  case undated(file: String)
  /// The file's name says one format and its content another; it was read as its content.
  case formatMismatch(file: String, named: DocumentFormat, content: DocumentFormat)
  /// Pages of a PDF or Word document carry no text (scanned pages); articles on them may be
  /// incomplete.
  case pagesWithoutText(file: String, pages: [Int])
  /// Articles written in traditional characters were folded to simplified for analysis.
  case foldedTraditional(file: String, articleCount: Int)
  /// The file could not be read and was left out; the other files were read.
  case skipped(file: String, reason: String)

  /// `3, 5–7, 9`.
  static func pageList(_ pages: [Int]) -> String {
    var parts: [String] = []
    var index = 0
    while index < pages.count {
      var end = index
      while end + 1 < pages.count, pages[end + 1] == pages[end] + 1 { end += 1 }
      parts.append(end == index ? "\(pages[index])" : "\(pages[index])–\(pages[end])")
      index = end + 1
    }
    return parts.joined(separator: ", ")
  }

  /// One sentence naming the file and what was done about it.
  public var description: String {
    switch self {
    case .notANewsletter(let file):
      "\(file): not a 双周决策观察 or 信息摘编 issue; kept as a single article."
    case .emptyFile(let file):
      "\(file): empty file skipped."
    case .decoded(let file, let encoding):
      "\(file): decoded from \(encoding.rawValue); consider converting it to UTF-8."
    case .unmatchedContentsEntry(let file, let title):
      "\(file): contents entry “\(title)” has no matching title in the text; its text, "
        + "if any, stays in the preceding article."
    case .missingIssueHeader(let file):
      "\(file): no issue header such as 2024年第21期; article ids use the file name."
    case .duplicateArticleID(let id, let files):
      "Article id \(id) occurs in \(files.joined(separator: ", ")); is one issue loaded twice?"
    case .undated(let file):
      "\(file): no date found in the text (such as 2024年5月10日); the article has no date and "
        + "timelines leave it out."
    case .formatMismatch(let file, let named, let content):
      "\(file): named \(named.fileExtension) but its content is a \(content.displayName); read as a "
        + "\(content.displayName). Rename it to \(content.fileExtension)."
    case .pagesWithoutText(let file, let pages):
      "\(file): page\(pages.count == 1 ? "" : "s") \(Self.pageList(pages)) \(pages.count == 1 ? "has" : "have") no text "
        + "layer (scanned); articles on \(pages.count == 1 ? "it" : "them") may be incomplete. Run OCR on the "
        + "file (for example ocrmypdf -l chi_sim) and ingest it again."
    case .foldedTraditional(let file, let count):
      "\(file): \(count) article\(count == 1 ? "" : "s") in traditional characters, folded to simplified for "
        + "analysis (shown as written)."
    case .skipped(let file, let reason):
      "skipped \(file): \(reason)"
    }
  }
}
