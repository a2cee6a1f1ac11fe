#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A whole file mapped read-only (`mmap(2)`, `MAP_PRIVATE`), unmapped when released.
///
/// Pages are read from the page cache when first touched, so mapping a 17 MB table and
/// probing a few hundred slots costs a few hundred microseconds instead of a full read.
/// Writers replace cache files with `rename(2)`, which leaves an existing mapping intact;
/// truncating a mapped file in place would fault the reader (`SIGBUS`), as with any mapping.
final class MappedFile: @unchecked Sendable {
  /// The first byte of the mapping (page-aligned).
  let bytes: UnsafeRawBufferPointer

  /// Maps the file at `path`, or returns `nil` when it cannot be opened or mapped, is empty, or
  /// is not a regular file.
  init?(path: String) {
    // Non-blocking, so that a named pipe in the file's place is refused rather than waited on.
    let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_size > 0 else { return nil }
    let length = Int(status.st_size)
    guard let address = mmap(nil, length, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else {
      return nil
    }
    bytes = UnsafeRawBufferPointer(start: address, count: length)
  }

  deinit {
    munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count)
  }
}
