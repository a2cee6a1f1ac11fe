import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What `stat` says about a file (inode, size, modification time): cheap enough to read on
/// every request, and different after any rewrite or atomic replacement of the file.
struct FileStamp: Sendable, Hashable {
  var inode: UInt64
  var size: Int64
  var modificationSeconds: Int
  var modificationNanoseconds: Int

  /// The stamp of the file at `path`, or `nil` when it cannot be read (missing, mid-swap).
  init?(path: String) {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    inode = UInt64(info.st_ino)
    size = Int64(info.st_size)
    #if canImport(Darwin)
      modificationSeconds = Int(info.st_mtimespec.tv_sec)
      modificationNanoseconds = Int(info.st_mtimespec.tv_nsec)
    #else
      modificationSeconds = Int(info.st_mtim.tv_sec)
      modificationNanoseconds = Int(info.st_mtim.tv_nsec)
    #endif
  }
}

/// The stamps of the files a model snapshot was loaded from: the model's manifest (a refit or
/// `add` rewrites it, and a directory swap replaces it) and the themes file.
struct SourceStamp: Sendable, Hashable {
  var manifest: FileStamp?
  var themes: FileStamp?

  init(configuration: WorkbenchConfiguration) {
    manifest = FileStamp(path: configuration.modelDirectory.appendingPathComponent("manifest.json").path)
    themes = FileStamp(path: configuration.themesFile.path)
  }
}
