#if canImport(Glibc)
  import Glibc
#endif

/// Transparent huge pages for the large dense blocks of the sparse products.
///
/// The products gather rows of a dense block of up to a few hundred megabytes (the term side of
/// a 100k-article SVD) in the order of a document's terms, which jumps from page to page: with
/// 4 KiB pages nearly every gather misses the TLB, and every fresh page costs a fault. Linux
/// backs a range with 2 MiB pages when asked (`madvise(MADV_HUGEPAGE)`, the default policy
/// "madvise" on Debian); the advice is taken before the block is first written, so the pages
/// are huge from their first fault. Elsewhere, or when the kernel declines, nothing changes.
enum HugePages {
  /// Blocks smaller than this are left alone (too few pages to matter).
  static let minimumBytes = 8 << 20

  /// Advises huge pages for the 2 MiB-aligned part of `buffer`, which has not been written yet.
  static func advise<Element>(_ buffer: UnsafeMutableBufferPointer<Element>) {
    #if os(Linux)
      let bytes = buffer.count * MemoryLayout<Element>.stride
      guard bytes >= minimumBytes, let base = buffer.baseAddress else { return }
      let page = UInt(2 << 20)
      let start = (UInt(bitPattern: base) + page - 1) & ~(page - 1)
      let end = (UInt(bitPattern: base) + UInt(bytes)) & ~(page - 1)
      guard end > start, let address = UnsafeMutableRawPointer(bitPattern: start) else { return }
      _ = madvise(address, Int(end - start), MADV_HUGEPAGE)
    #endif
  }
}
