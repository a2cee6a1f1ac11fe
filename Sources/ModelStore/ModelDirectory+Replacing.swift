import Foundation

extension ModelDirectory {
  /// Checks that a model may be written to `url`, which a writer would replace whole.
  ///
  /// A model is written only where nothing of the user's can be lost: the path does not exist
  /// yet, it is an empty folder, or it is a model folder (it holds nothing but files named in
  /// ``ModelFile`` or segments of them, normally with `manifest.json`; a damaged model may have lost it). Anything else (a file, a folder of newsletters, the
  /// working folder, a model folder with a note dropped into it) is refused, and nothing in it
  /// is touched. A symbolic link is judged by what it points to.
  ///
  /// - Throws: ``ModelStoreError/notAModelDirectory(path:reason:)``.
  /// - Complexity: O(*n*) in the number of entries of the folder.
  public static func checkReplaceable(_ url: URL) throws(ModelStoreError) {
    let path = url.path
    var status = stat()
    guard stat(path, &status) == 0 else {
      // Not there yet (or under a file, which the writer then reports as cannotWrite).
      if errno == ENOENT || errno == ENOTDIR { return }
      throw .notAModelDirectory(path: path, reason: String(cString: strerror(errno)))
    }
    guard status.st_mode & S_IFMT == S_IFDIR else {
      throw .notAModelDirectory(path: path, reason: "it is a file, not a folder")
    }
    let entries: [String]
    do {
      entries = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
    } catch {
      throw .notAModelDirectory(path: path, reason: "its contents cannot be listed")
    }
    if entries.isEmpty { return }
    let foreign = entries.filter { name in
      guard ModelFile.isModelFileName(name) else { return true }
      var entry = stat()
      return lstat(url.appendingPathComponent(name).path, &entry) != 0 || entry.st_mode & S_IFMT != S_IFREG
    }
    // Only model files (a damaged model may have lost its manifest): safe to replace.
    if foreign.isEmpty { return }
    guard entries.contains(ModelFile.manifest.name) else {
      throw .notAModelDirectory(path: path, reason: "it has no manifest.json, so it is not a PolicyLens model")
    }
    guard foreign.isEmpty else {
      let shown = foreign.prefix(3).joined(separator: ", ")
      let more = foreign.count > 3 ? " and \(foreign.count - 3) more" : ""
      throw .notAModelDirectory(
        path: path, reason: "it holds entries that are not part of a PolicyLens model (\(shown)\(more))")
    }
  }
}
