import FileIntegrity
import Foundation

/// Reads newsletter files and folders and parses them.
///
/// The only I/O in the module.
public enum CorpusLoader {
  /// How files are read.
  public struct Options: Sendable {
    /// Seconds an external reader (`pdftotext`) may take on one file before it is stopped.
    public var extractionTimeout: Double
    /// Whether articles in traditional characters are folded to simplified for analysis.
    public var foldsTraditional: Bool

    /// Creates options; the defaults suit interactive use (two minutes is far above the few
    /// seconds a 500-page PDF takes).
    public init(extractionTimeout: Double = 120, foldsTraditional: Bool = true) {
      self.extractionTimeout = extractionTimeout
      self.foldsTraditional = foldsTraditional
    }
  }

  /// Loads files and folders in the order given.
  ///
  /// A folder contributes its newsletter files (not recursive): `*.txt`, `*.pdf`, `*.docx`,
  /// `*.html` and `*.htm`, sorted by name. Each file's format is decided by its content
  /// (``DocumentFormat/sniff(_:)``; a name that says otherwise gives a warning) and its text
  /// extracted: text is decoded with ``TextDecoding`` (UTF-8, UTF-8 with BOM, UTF-16 with BOM,
  /// GB18030), PDF through poppler's `pdftotext`, Word documents from their XML, web pages
  /// through libxml2's HTML parser. Text in traditional characters is folded to simplified
  /// (``ChineseScriptFolding``) and parsed, and the articles keep their text as written
  /// (``OriginalText``). Every text goes through ``NewsletterParser/parse(_:file:)``; articles
  /// record the format and, for PDF and Word, the pages they span.
  ///
  /// Empty files are skipped with a warning; repeated article ids are reported as warnings.
  /// A PDF, Word document or web page that cannot be read (a scan, a password, damage, no
  /// article text, too slow) is left out with a ``IngestWarning/skipped(file:reason:)``
  /// warning when other files were read, and is the error when none was. Files are read and
  /// parsed concurrently; the result, its warnings and the error reported (that of the first
  /// failing file) are those of a serial run.
  ///
  /// Each file is read once: the corpus also records, per newsletter, the file's path, byte
  /// count and checksum (``Corpus/sources``).
  ///
  /// - Parameters:
  ///   - paths: Files or folders.
  ///   - options: Time limit and folding.
  /// - Returns: The parsed newsletters, their source files and all warnings.
  /// - Throws: ``IngestError/pathNotFound(path:)``, ``IngestError/noTextFiles(directory:)``,
  ///   ``IngestError/notAFile(path:kind:)`` (a named pipe, a device, a symbolic link loop),
  ///   ``IngestError/unreadable(path:reason:)``, ``IngestError/binaryFile(path:line:)``,
  ///   ``IngestError/toolMissing(path:tool:package:)``, or a document's own error when no
  ///   file could be read.
  /// - Complexity: O(total bytes), plus the external reader's time.
  public static func load(paths: [String], options: Options = Options()) async throws(IngestError) -> Corpus {
    var files: [String] = []
    for path in paths {
      files += try expand(path)
    }
    let outcomes = await withTaskGroup(of: (Int, Result<FileOutcome, IngestError>).self) { group in
      for (index, path) in files.enumerated() {
        group.addTask { (index, Result { () throws(IngestError) in try read(path, options: options) }) }
      }
      var outcomes = [Result<FileOutcome, IngestError>?](repeating: nil, count: files.count)
      for await (index, outcome) in group { outcomes[index] = outcome }
      return outcomes
    }
    let anyRead = outcomes.contains {
      if case .success(let file)? = $0 { file.newsletter != nil } else { false }
    }
    var newsletters: [Newsletter] = []
    var sources: [SourceFile] = []
    var warnings: [IngestWarning] = []
    for outcome in outcomes {
      guard let outcome else { continue }
      let file: FileOutcome
      switch outcome {
      case .success(let read): file = read
      case .failure(let error):
        guard anyRead, error.isConfinedToDocument else { throw error }
        warnings.append(.skipped(file: error.path, reason: error.description))
        continue
      }
      warnings += file.warnings
      if let newsletter = file.newsletter {
        newsletters.append(newsletter)
        sources.append(file.source)
      }
    }
    var filesByID: [String: [String]] = [:]
    var order: [String] = []
    for article in newsletters.lazy.flatMap(\.articles) {
      if filesByID[article.id] == nil { order.append(article.id) }
      filesByID[article.id, default: []].append(article.file)
    }
    for id in order where filesByID[id, default: []].count > 1 {
      warnings.append(.duplicateArticleID(id: id, files: filesByID[id] ?? []))
    }
    return Corpus(newsletters: newsletters, sources: sources, warnings: warnings)
  }

  /// What one file contributes: its newsletter (none for an empty file), its warnings, and
  /// the file as read.
  struct FileOutcome: Sendable {
    var newsletter: Newsletter?
    var warnings: [IngestWarning]
    var source: SourceFile
  }

  /// A file's text as extracted, the format it was read as, and what was noticed.
  public struct Extraction: Sendable {
    /// The format the content was read as.
    public var format: DocumentFormat
    /// The text and page map.
    public var document: ExtractedDocument
    /// Format and encoding warnings.
    public var warnings: [IngestWarning]
  }

  /// Reads the file at `path` and extracts its text, without parsing it: the I/O half of
  /// ``load(paths:options:)`` (benchmarks time it apart); `nil` for an empty file.
  ///
  /// - Throws: As ``load(paths:options:)`` does for one file.
  public static func extract(_ path: String, options: Options = Options()) throws(IngestError) -> Extraction? {
    let bytes = try contents(of: path)
    return try extract(path, bytes: bytes, options: options)
  }

  static func extract(_ path: String, bytes: [UInt8], options: Options) throws(IngestError) -> Extraction? {
    let name = (path as NSString).lastPathComponent
    if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return nil }
    var warnings: [IngestWarning] = []
    let format = DocumentFormat.sniff(bytes)
    let named = DocumentFormat(fileName: name)
    switch format {
    case .text:
      switch TextDecoding.decode(bytes) {
      case .failure(let failure):
        if let named, named != .text {
          throw .notADocument(
            path: path, named: named, reason: "its content is neither a PDF, a ZIP archive, a web page nor text")
        }
        throw .binaryFile(path: path, line: failure.line)
      case .success(let decoded):
        if let named, named != .text { warnings.append(.formatMismatch(file: name, named: named, content: .text)) }
        if decoded.encoding != .utf8 { warnings.append(.decoded(file: name, encoding: decoded.encoding)) }
        return Extraction(format: .text, document: ExtractedDocument(text: decoded.text), warnings: warnings)
      }
    case .pdf, .docx, .html:
      if let named, named != format { warnings.append(.formatMismatch(file: name, named: named, content: format)) }
    }
    let document: ExtractedDocument
    switch format {
    case .text: preconditionFailure("text is handled above")
    case .pdf: document = try PDFExtractor.extract(path: path, timeout: options.extractionTimeout)
    case .docx: document = try WordDocumentExtractor.extract(path: path, bytes: bytes)
    case .html:
      guard let tree = HTMLNode.parse(bytes), let page = WebPageText.extract(from: tree) else {
        throw .noArticleText(path: path)
      }
      document = page
    }
    if !document.pagesWithoutText.isEmpty {
      warnings.append(.pagesWithoutText(file: name, pages: document.pagesWithoutText))
    }
    return Extraction(format: format, document: document, warnings: warnings)
  }

  /// Reads, extracts and parses one file.
  static func read(_ path: String, options: Options = Options()) throws(IngestError) -> FileOutcome {
    let name = (path as NSString).lastPathComponent
    let bytes = try contents(of: path)
    let source = SourceFile(path: path, byteCount: bytes.count, checksum: Checksum.hex(of: bytes))
    guard let extraction = try extract(path, bytes: bytes, options: options) else {
      return FileOutcome(newsletter: nil, warnings: [.emptyFile(file: name)], source: source)
    }
    var (newsletter, warnings) = parse(extraction, file: name, options: options)
    if newsletter.articles.isEmpty, extraction.format == .html { throw .noArticleText(path: path) }
    warnings = extraction.warnings + warnings
    return FileOutcome(newsletter: newsletter, warnings: warnings + newsletter.warnings, source: source)
  }

  /// Parses extracted text (folded first when it is traditional) and records on each article
  /// where it came from.
  static func parse(
    _ extraction: Extraction, file name: String, options: Options
  ) -> (Newsletter, [IngestWarning]) {
    let document = extraction.document
    var warnings: [IngestWarning] = []
    var newsletter: Newsletter
    if options.foldsTraditional, let folded = ChineseScriptFolding.foldIfTraditional(document.text) {
      newsletter = NewsletterParser.parse(folded, file: name)
      let original = TextLine.lines(of: document.text).map(\.text)
      let foldedLines = TextLine.lines(of: folded).map(\.text)
      if original.count == foldedLines.count {
        newsletter.articles = newsletter.articles.map {
          OriginalText.restore($0, original: original, folded: foldedLines)
        }
      }
      let count = newsletter.articles.count { $0.simplified != nil }
      if count > 0 { warnings.append(.foldedTraditional(file: name, articleCount: count)) }
    } else {
      newsletter = NewsletterParser.parse(document.text, file: name)
    }
    for index in newsletter.articles.indices {
      var article = newsletter.articles[index]
      article.format = extraction.format == .text ? nil : extraction.format
      article.pages = document.pages(ofLines: article.lines.first, article.lines.last)
      newsletter.articles[index] = article
    }
    // A web page's own metadata completes the single article it holds.
    if newsletter.publication == nil, newsletter.articles.count == 1 {
      var article = newsletter.articles[0]
      if article.date == nil, let date = document.date {
        article.date = date
        newsletter.date = date
        newsletter.warnings.removeAll { $0 == .undated(file: name) }
      }
      if let url = document.canonicalURL, !article.urls.contains(url) { article.urls.insert(url, at: 0) }
      if article.source == nil { article.source = document.siteName }
      newsletter.articles[0] = article
    }
    return (newsletter, warnings)
  }

  /// The bytes of the regular file at `path`.
  ///
  /// Anything else is refused before it is opened (opening a named pipe would wait for a
  /// writer forever), with what it is.
  static func contents(of path: String) throws(IngestError) -> [UInt8] {
    switch kind(of: path) {
    case .regularFile: break
    case .directory: throw .notAFile(path: path, kind: "a folder (named like a file)")
    case .missing: throw .pathNotFound(path: path)
    case .other(let kind): throw .notAFile(path: path, kind: kind)
    }
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
    defer { close(descriptor) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw .unreadable(path: path, reason: String(cString: strerror(errno)))
      }
      if count == 0 { return bytes }
      bytes.append(contentsOf: chunk[0..<count])
    }
  }

  /// What is at a path, following symbolic links.
  enum Kind: Equatable {
    case regularFile, directory, missing
    /// Something else, described for a message (`a named pipe (FIFO)`).
    case other(String)
  }

  static func kind(of path: String) -> Kind {
    var status = stat()
    guard stat(path, &status) == 0 else {
      let error = errno
      var link = stat()
      if lstat(path, &link) == 0, link.st_mode & S_IFMT == S_IFLNK {
        if error == ELOOP { return .other("a symbolic link that loops back on itself") }
        let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
        return .other("a symbolic link to \(target), which does not exist")
      }
      return error == ENOENT || error == ENOTDIR
        ? .missing : .other("unreachable (\(String(cString: strerror(error))))")
    }
    switch status.st_mode & S_IFMT {
    case S_IFREG: return .regularFile
    case S_IFDIR: return .directory
    case S_IFIFO: return .other("a named pipe (FIFO)")
    case S_IFCHR, S_IFBLK: return .other("a device")
    case S_IFSOCK: return .other("a socket")
    default: return .other("not a regular file")
    }
  }

  /// A file path as itself; a folder as its newsletter files (`.txt`, `.pdf`, `.docx`,
  /// `.html`, `.htm`) sorted by name (folders and other entries that are not regular files are
  /// passed over, even when named `*.txt`).
  static func expand(_ path: String) throws(IngestError) -> [String] {
    switch kind(of: path) {
    case .regularFile: return [path]
    case .directory: break
    case .missing: throw .pathNotFound(path: path)
    case .other(let kind): throw .notAFile(path: path, kind: kind)
    }
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: path)
    } catch {
      throw .unreadable(path: path, reason: "the folder could not be listed")
    }
    let texts = names.filter {
      DocumentFormat(fileName: $0) != nil && kind(of: (path as NSString).appendingPathComponent($0)) != .directory
    }.sorted()
    guard !texts.isEmpty else { throw .noTextFiles(directory: path) }
    return texts.map { (path as NSString).appendingPathComponent($0) }
  }
}
