import Foundation

/// The one reader of NumPy's `.npy` format: a read-only view of an array's values inside a
/// byte buffer, which may be a memory-mapped file (nothing is copied until an element is
/// read) or bytes in memory.
///
/// ``init(npy:path:)`` validates the header (magic string, versions 1.0–3.0, dtype, shape,
/// `fortran_order`) and that the bytes hold every value; trailing bytes are ignored, as
/// `numpy.load` does. Element *i* is the *i*-th value in storage order: column-major when
/// ``isFortranOrder``, row-major otherwise. ``elements`` copies them out; the subscript,
/// ``slice(_:)`` and ``withUnsafeBufferPointer(_:)`` read in place.
///
/// Source: NumPy Enhancement Proposal 1, "A simple file format for NumPy arrays".
public struct NumPyArray<Element: NumPyElement>: Sendable {
  private let bytes: Data
  private let offset: Int
  /// Number of elements (the product of ``shape``).
  public let count: Int
  /// The array's dimensions, as in the header.
  public let shape: [Int]
  /// Whether the values are stored column-major (`fortran_order: True`).
  public let isFortranOrder: Bool

  /// An in-memory array viewed the same way (1-D, shape `[values.count]`).
  public init(_ values: [Element]) {
    self.bytes =
      Element.isNativeLittleEndianLayout
      ? values.withUnsafeBytes { Data($0) }
      : Data(Self.littleEndianBytes(values))
    self.offset = 0
    self.count = values.count
    self.shape = [values.count]
    self.isFortranOrder = false
  }

  /// The rows of `parts`, one after another: an array split along its first dimension (a model
  /// file and its segments), each part 1-D or row-major with the same trailing dimensions.
  ///
  /// One part is returned as it is (still mapped). With several, when `baseFile` names the file
  /// `parts[0]` was read from, its pages are mapped again, privately, and the later parts' values
  /// are copied after its last value, into the copy-on-write tail of its last page and fresh pages
  /// after it: one contiguous buffer for which only the appended rows are copied (what a query
  /// on a 100k-article model with a small segment needs). Without `baseFile`, or if mapping
  /// fails, every part is copied.
  ///
  /// - Precondition: `parts` is not empty and its parts agree in layout (callers check each
  ///   part's shape first, so that an error names the file).
  /// - Complexity: O(bytes of `parts[1...]`) with `baseFile`; O(total bytes) without.
  public init(concatenatingRowsOf parts: [NumPyArray<Element>], baseFile: String? = nil) {
    precondition(!parts.isEmpty, "at least one part")
    if parts.count == 1 {
      self = parts[0]
      return
    }
    let trailing = Array(parts[0].shape.dropFirst())
    precondition(
      parts.allSatisfy { Array($0.shape.dropFirst()) == trailing && ($0.shape.count == 1 || !$0.isFortranOrder) },
      "parts of one array: 1-D or row-major, with the same trailing dimensions")
    let count = parts.reduce(0) { $0 + $1.count }
    let shape = [parts.reduce(0) { $0 + ($1.shape.first ?? 0) }] + trailing
    let base = parts[0]
    if let baseFile,
      let joined = Self.mapping(
        baseFile, valueEnd: base.offset + base.count * Element.byteCount, after: parts.dropFirst())
    {
      self.bytes = joined
      self.offset = base.offset
    } else {
      var data = Data(capacity: count * Element.byteCount)
      for part in parts { part.withValueBytes { data.append(contentsOf: $0) } }
      self.bytes = data
      self.offset = 0
    }
    self.count = count
    self.shape = shape
    self.isFortranOrder = false
  }

  /// Calls `body` with the bytes of the values (little-endian, in storage order).
  private func withValueBytes<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
    bytes.withUnsafeBytes { raw in
      body(UnsafeRawBufferPointer(rebasing: raw[offset..<(offset + count * Element.byteCount)]))
    }
  }

  /// The first `valueEnd` bytes of the file at `path`, mapped privately, followed by the value
  /// bytes of `later`, in one read-only region that is unmapped when the `Data` is released;
  /// `nil` when the file is shorter or a system call fails.
  private static func mapping(_ path: String, valueEnd: Int, after later: ArraySlice<NumPyArray<Element>>) -> Data? {
    let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
    let total = valueEnd + later.reduce(0) { $0 + $1.count * Element.byteCount }
    let length = (total + pageSize - 1) / pageSize * pageSize
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0, Int(status.st_size) >= valueEnd, length > 0 else { return nil }
    // Reserve the whole region, then map the file over its start: its whole pages read-only and
    // populated at once (the query reads every one), the page holding its last value
    // copy-on-write, so that writing after that value copies this one page, never the file.
    guard let region = mmap(nil, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
      region != MAP_FAILED
    else { return nil }
    let wholePages = valueEnd / pageSize * pageSize
    if wholePages > 0 {
      let mapped = mmap(region, wholePages, PROT_READ, MAP_PRIVATE | MAP_FIXED | MAP_POPULATE, descriptor, 0)
      guard mapped == region else {
        munmap(region, length)
        return nil
      }
    }
    if valueEnd > wholePages {
      let tail = region + wholePages
      let mapped = mmap(
        tail, pageSize, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_FIXED, descriptor, off_t(wholePages))
      guard mapped == tail else {
        munmap(region, length)
        return nil
      }
    }
    var position = valueEnd
    for part in later {
      part.withValueBytes { source in
        if let address = source.baseAddress, source.count > 0 {
          (region + position).copyMemory(from: address, byteCount: source.count)
        }
        position += source.count
      }
    }
    mprotect(region + wholePages, length - wholePages, PROT_READ)
    return Data(bytesNoCopy: region, count: total, deallocator: .custom { pointer, _ in munmap(pointer, length) })
  }

  /// Reads the header of `.npy` bytes and views their values.
  ///
  /// - Parameters:
  ///   - data: The file's bytes, mapped or in memory.
  ///   - path: The file the bytes came from, for error messages.
  /// - Throws: ``ModelStoreError/malformedFile(path:reason:)`` when the header is not `.npy`,
  ///   the dtype is not `Element`'s, or the values are cut off.
  /// - Complexity: O(header length); values are not read.
  public init(npy data: Data, path: String) throws(ModelStoreError) {
    let header = try NumPyFormat.Header(parsing: data, path: path)
    guard header.descriptor == Element.descriptor else {
      throw .malformedFile(
        path: path,
        reason: "The .npy file holds dtype '\(header.descriptor)'; expected '\(Element.descriptor)'. "
          + "Convert it with numpy.ndarray.astype before saving")
    }
    let (count, overflow) = header.shape.reduce((1, false)) { partial, dimension in
      let product = partial.0.multipliedReportingOverflow(by: dimension)
      return (product.partialValue, partial.1 || product.overflow)
    }
    guard !overflow, count <= Int.max / Element.byteCount else {
      throw .malformedFile(path: path, reason: NumPyFormat.malformedHeader("shape \(header.shape) is too large"))
    }
    let available = data.count - header.valueOffset
    guard available >= count * Element.byteCount else {
      throw .malformedFile(
        path: path,
        reason: "The .npy data is truncated: its header promises \(count * Element.byteCount) bytes of values, "
          + "but only \(available) follow. The file may have been cut off while writing; re-create it")
    }
    self.bytes = data
    self.offset = header.valueOffset
    self.count = count
    self.shape = header.shape
    self.isFortranOrder = header.isFortranOrder
  }

  /// Element `index` in storage order.
  public subscript(index: Int) -> Element {
    precondition(index >= 0 && index < count, "index \(index) out of range 0..<\(count)")
    return bytes.withUnsafeBytes { Element.loadLittleEndian(from: $0, at: offset + index * Element.byteCount) }
  }

  /// Elements `range` as an array.
  public func slice(_ range: Range<Int>) -> [Element] {
    precondition(range.lowerBound >= 0 && range.upperBound <= count, "slice out of range")
    return bytes.withUnsafeBytes { raw in
      range.map { Element.loadLittleEndian(from: raw, at: offset + $0 * Element.byteCount) }
    }
  }

  /// Every element, copied into an array.
  ///
  /// - Complexity: O(``count``), one memory copy on little-endian machines.
  public var elements: [Element] {
    [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
      bytes.withUnsafeBytes { raw in
        if Element.isNativeLittleEndianLayout {
          if count > 0 {
            UnsafeMutableRawBufferPointer(buffer).copyMemory(
              from: UnsafeRawBufferPointer(rebasing: raw[offset..<(offset + count * Element.byteCount)]))
          }
        } else {
          for index in 0..<count {
            buffer[index] = Element.loadLittleEndian(from: raw, at: offset + index * Element.byteCount)
          }
        }
      }
      initialized = count
    }
  }

  /// Calls `body` with the elements in place (no copy when the values are aligned and the
  /// machine is little-endian; a copy otherwise).
  public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Element>) -> R) -> R {
    bytes.withUnsafeBytes { raw in
      if Element.isNativeLittleEndianLayout, count > 0, let base = raw.baseAddress {
        let start = base + offset
        if Int(bitPattern: start) % MemoryLayout<Element>.alignment == 0 {
          return body(UnsafeBufferPointer(start: start.assumingMemoryBound(to: Element.self), count: count))
        }
      }
      return elements.withUnsafeBufferPointer(body)
    }
  }

  /// Checks the number of dimensions and, where given, each dimension.
  ///
  /// - Parameter expected: The expected shape; `nil` for a dimension accepts any size.
  /// - Throws: ``ModelStoreError/shapeMismatch(path:expected:found:)``.
  public func expectShape(_ expected: [Int?], path: String) throws(ModelStoreError) {
    let matches =
      shape.count == expected.count
      && zip(shape, expected).allSatisfy { found, wanted in wanted.map { $0 == found } ?? true }
    guard matches else {
      func text(_ dimensions: [String]) -> String { "[" + dimensions.joined(separator: ", ") + "]" }
      throw .shapeMismatch(
        path: path, expected: text(expected.map { $0.map(String.init) ?? "_" }), found: text(shape.map(String.init)))
    }
  }

  static func littleEndianBytes(_ values: [Element]) -> [UInt8] {
    var bytes = [UInt8](repeating: 0, count: values.count * Element.byteCount)
    for (index, value) in values.enumerated() { value.storeLittleEndian(into: &bytes, at: index * Element.byteCount) }
    return bytes
  }
}
