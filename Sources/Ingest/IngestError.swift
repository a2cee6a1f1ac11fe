/// Why a corpus could not be loaded.
///
/// Each case names the file and says what to try.
public enum IngestError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The path does not exist.
  case pathNotFound(path: String)
  /// The path exists but could not be read (permissions, an I/O error).
  case unreadable(path: String, reason: String)
  /// The path is not a regular file or folder: `kind` says what it is (a named pipe, a
  /// device, a socket, a symbolic link that loops or points nowhere).
  case notAFile(path: String, kind: String)
  /// A folder was given but holds no `*.txt` files.
  case noTextFiles(directory: String)
  /// The file contains NUL bytes or is not text in any supported encoding; `line` is the
  /// 1-based line of the first offending byte.
  case binaryFile(path: String, line: Int)
  /// A PDF whose pages are images only (a scan): there is no text to read.
  case noTextLayer(path: String, pageCount: Int)
  /// A PDF that needs a password to open.
  case encrypted(path: String)
  /// A PDF or Word document whose structure is broken; `reason` is what the reader reported.
  case damaged(path: String, format: DocumentFormat, reason: String)
  /// A file named like one format (`.docx`) whose content is not that format nor any other
  /// readable one.
  case notADocument(path: String, named: DocumentFormat, reason: String)
  /// A web page with no article text in it (a redirect, a login wall, a page of links).
  case noArticleText(path: String)
  /// The external reader (`pdftotext`) did not finish within the time limit and was stopped.
  case timedOut(path: String, seconds: Double)
  /// The external reader is not installed.
  case toolMissing(path: String, tool: String, package: String)

  /// Whether the error concerns one document's content (a scan, a password, damage, no
  /// article text, too slow to read), so that the other files can still be read.
  public var isConfinedToDocument: Bool {
    switch self {
    case .noTextLayer, .encrypted, .damaged, .notADocument, .noArticleText, .timedOut: true
    default: false
    }
  }

  /// The file the error is about.
  public var path: String {
    switch self {
    case .pathNotFound(let path), .unreadable(let path, _), .notAFile(let path, _), .binaryFile(let path, _),
      .noTextLayer(let path, _), .encrypted(let path), .damaged(let path, _, _), .notADocument(let path, _, _),
      .noArticleText(let path), .timedOut(let path, _), .toolMissing(let path, _, _):
      path
    case .noTextFiles(let directory): directory
    }
  }

  /// What happened, the offending path, and what to try.
  public var description: String {
    switch self {
    case .pathNotFound(let path):
      "No file or folder at \(path). Check the path, or pass a folder of newsletter .txt files."
    case .unreadable(let path, let reason):
      "Cannot read \(path): \(reason). "
        + (reason.lowercased().contains("permission")
          ? "Check its permissions." : "Check the disk or copy the file elsewhere, or leave it out of the input.")
    case .notAFile(let path, let kind):
      "\(path) is \(kind), not a newsletter file. Pass newsletter files (.txt, .pdf, .docx, .html) or folders of them."
    case .noTextFiles(let directory):
      "The folder \(directory) contains no newsletter files (.txt, .pdf, .docx, .html or .htm). "
        + "Pass a folder of newsletters, or the files themselves."
    case .binaryFile(let path, let line):
      "\(path) is not a text file (binary or undecodable bytes at line \(line)). Save it as "
        + "UTF-8 or GB18030 plain text, or remove it from the input."
    case .noTextLayer(let path, let pageCount):
      "\(path): no text layer in its \(pageCount) page\(pageCount == 1 ? "" : "s") (a scan): run OCR first "
        + "(for example ocrmypdf -l chi_sim \(path) out.pdf) and ingest the result."
    case .encrypted(let path):
      "\(path) is a PDF protected by a password. Save an unprotected copy (for example qpdf "
        + "--decrypt --password=… \(path) out.pdf) and ingest that."
    case .damaged(let path, let format, let reason):
      "\(path) is a damaged \(format.displayName) (\(reason)); nothing was read from it. Download or "
        + "export it again."
    case .notADocument(let path, let named, let reason):
      "\(path) is named \(named.fileExtension) but is not a \(named.displayName) (\(reason)). Save it "
        + "again from the program that made it, or remove it from the input."
    case .noArticleText(let path):
      "\(path): no article text found (no WeChat rich_media_content, <article>, <main> or run of "
        + "paragraphs). Save the page once its text shows (not a redirect or login page), or copy "
        + "the text into a .txt file."
    case .timedOut(let path, let seconds):
      "Reading \(path) took longer than \(Int(seconds)) s and was stopped; nothing was read from it. "
        + "Split it into smaller files (for example qpdf --split-pages=50 \(path) part.pdf)."
    case .toolMissing(let path, let tool, let package):
      "Cannot read \(path): \(tool) is not installed. Run scripts/setup.sh (or apt-get install "
        + "\(package)) and retry."
    }
  }
}
