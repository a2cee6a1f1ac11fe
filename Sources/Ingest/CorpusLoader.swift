import FileIntegrity
import Foundation

/// Reads newsletter files and folders and parses them.
///
/// The only I/O in the module.
public enum CorpusLoader {
  /// Loads files and folders in the order given.
  ///
  /// A folder contributes its `*.txt` files (not recursive), sorted by name. Each file is
  /// decoded with ``TextDecoding`` (UTF-8, UTF-8 with BOM, UTF-16 with BOM, GB18030) and parsed
  /// with ``NewsletterParser/parse(_:file:)``. Empty files are skipped with a warning; repeated
  /// article ids are reported as warnings. Files are read and parsed concurrently; the result,
  /// its warnings and the error reported (that of the first failing file) are those of a
  /// serial run.
  ///
  /// Each file is read once: the corpus also records, per newsletter, the file's path, byte
  /// count and checksum (``Corpus/sources``).
  ///
  /// - Parameter paths: Files or folders.
  /// - Returns: The parsed newsletters, their source files and all warnings.
  /// - Throws: ``IngestError/pathNotFound(path:)``, ``IngestError/noTextFiles(directory:)``,
  ///   ``IngestError/notAFile(path:kind:)`` (a named pipe, a device, a symbolic link loop),
  ///   ``IngestError/unreadable(path:reason:)`` or ``IngestError/binaryFile(path:line:)``.
  /// - Complexity: O(total bytes).
  public static func load(paths: [String]) async throws(IngestError) -> Corpus {
    var files: [String] = []
    for path in paths {
      files += try expand(path)
    }
    let outcomes = await withTaskGroup(of: (Int, Result<FileOutcome, IngestError>).self) { group in
      for (index, path) in files.enumerated() {
        group.addTask { (index, Result { () throws(IngestError) in try read(path) }) }
      }
      var outcomes = [Result<FileOutcome, IngestError>?](repeating: nil, count: files.count)
      for await (index, outcome) in group { outcomes[index] = outcome }
      return outcomes
    }
    var newsletters: [Newsletter] = []
    var sources: [SourceFile] = []
    var warnings: [IngestWarning] = []
    for outcome in outcomes {
      guard let outcome else { continue }
      let file = try outcome.get()
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

  /// Reads, decodes and parses one file.
  static func read(_ path: String) throws(IngestError) -> FileOutcome {
    let name = (path as NSString).lastPathComponent
    let bytes = try contents(of: path)
    let source = SourceFile(path: path, byteCount: bytes.count, checksum: Checksum.hex(of: bytes))
    if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
      return FileOutcome(newsletter: nil, warnings: [.emptyFile(file: name)], source: source)
    }
    switch TextDecoding.decode(bytes) {
    case .failure(let failure):
      throw .binaryFile(path: path, line: failure.line)
    case .success(let decoded):
      var warnings: [IngestWarning] = []
      if decoded.encoding != .utf8 { warnings.append(.decoded(file: name, encoding: decoded.encoding)) }
      let newsletter = NewsletterParser.parse(decoded.text, file: name)
      return FileOutcome(newsletter: newsletter, warnings: warnings + newsletter.warnings, source: source)
    }
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

  /// A file path as itself; a folder as its `.txt` files sorted by name (folders and other
  /// entries that are not regular files are passed over, even when named `*.txt`).
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
      $0.lowercased().hasByteSuffix(".txt") && kind(of: (path as NSString).appendingPathComponent($0)) != .directory
    }.sorted()
    guard !texts.isEmpty else { throw .noTextFiles(directory: path) }
    return texts.map { (path as NSString).appendingPathComponent($0) }
  }
}
