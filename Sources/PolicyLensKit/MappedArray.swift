import Foundation
import SimilaritySearch

/// A read-only array of little-endian `Double` or `Int32` values inside a byte buffer: a
/// memory-mapped `.npy` file (nothing is copied until an element is read) or bytes built in
/// memory.
struct MappedArray<Element: BitwiseCopyable & Sendable>: Sendable {
  private let bytes: Data
  private let offset: Int
  /// Number of elements.
  let count: Int

  /// The values of an `.npy` file's payload: `count` elements starting at `offset`.
  init(bytes: Data, offset: Int, count: Int) {
    precondition(offset + count * MemoryLayout<Element>.size <= bytes.count, "mapped array overruns its bytes")
    self.bytes = bytes
    self.offset = offset
    self.count = count
  }

  /// An in-memory array viewed the same way.
  init(_ values: [Element]) {
    self.bytes = values.withUnsafeBytes { Data($0) }
    self.offset = 0
    self.count = values.count
  }

  subscript(index: Int) -> Element {
    precondition(index >= 0 && index < count, "index \(index) out of range 0..<\(count)")
    return bytes.withUnsafeBytes {
      $0.loadUnaligned(fromByteOffset: offset + index * MemoryLayout<Element>.size, as: Element.self)
    }
  }

  /// Calls `body` with the elements in place (no copy).
  func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Element>) -> R) -> R {
    bytes.withUnsafeBytes { raw in
      let start = raw.baseAddress! + offset
      if Int(bitPattern: start) % MemoryLayout<Element>.alignment == 0 {
        return body(UnsafeBufferPointer(start: start.assumingMemoryBound(to: Element.self), count: count))
      }
      let copy = (0..<count).map { raw.loadUnaligned(fromByteOffset: offset + $0 * MemoryLayout<Element>.size, as: Element.self) }
      return copy.withUnsafeBufferPointer(body)
    }
  }

  /// Elements `range` as an array.
  func slice(_ range: Range<Int>) -> [Element] {
    precondition(range.lowerBound >= 0 && range.upperBound <= count, "slice out of range")
    return bytes.withUnsafeBytes { raw in
      (range).map { raw.loadUnaligned(fromByteOffset: offset + $0 * MemoryLayout<Element>.size, as: Element.self) }
    }
  }
}

extension MappedArray {
  /// Maps an `.npy` file's payload after checking its header: dtype `descriptor`
  /// (`<f8` or `<i4`), the expected shape and memory order, and a file long enough to hold it.
  static func mapping(
    npy data: Data, descriptor: String, shape: [Int], fortranOrder: Bool?, path: String
  ) throws(ModelStoreError) -> MappedArray {
    guard data.count >= 10, data.prefix(6) == Data([0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]), data[data.startIndex + 6] == 1 else {
      throw .malformedFile(path: path, reason: "not a version 1.0 .npy file")
    }
    let headerLength = Int(data[data.startIndex + 8]) | Int(data[data.startIndex + 9]) << 8
    guard data.count >= 10 + headerLength,
      let header = String(data: data.subdata(in: (data.startIndex + 10)..<(data.startIndex + 10 + headerLength)), encoding: .ascii)
    else { throw .malformedFile(path: path, reason: "the .npy header is cut off") }
    let compact = header.filter { !$0.isWhitespace }
    let shapeText = shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ",") + ")"
    guard compact.contains("'descr':'\(descriptor)'"), compact.contains("'shape':\(shapeText)") else {
      throw .shapeMismatch(path: path, expected: "\(descriptor) \(shapeText)", found: header.trimmingCharacters(in: .whitespacesAndNewlines))
    }
    if let fortranOrder, !compact.contains("'fortran_order':\(fortranOrder ? "True" : "False")") {
      throw .malformedFile(path: path, reason: "unexpected memory order")
    }
    let count = shape.reduce(1, *)
    guard data.count >= 10 + headerLength + count * MemoryLayout<Element>.size else {
      throw .malformedFile(path: path, reason: "\(data.count) bytes cannot hold \(count) values (truncated?)")
    }
    return MappedArray(bytes: data, offset: 10 + headerLength, count: count)
  }
}

/// Mapped unit rows as the similarity search reads them.
struct MappedDenseRows: DenseRowStorage {
  let rowCount: Int
  let dimension: Int
  let elements: MappedArray<Double>

  func withUnsafeElements<R>(_ body: (UnsafeBufferPointer<Double>) -> R) -> R {
    elements.withUnsafeBufferPointer(body)
  }
}

/// Mapped CSR rows as the similarity search reads them.
struct MappedSparseRows: SparseRowStorage {
  let columnCount: Int
  let rowStarts: MappedArray<Int32>
  let columns: MappedArray<Int32>
  let values: MappedArray<Double>

  var rowCount: Int { rowStarts.count - 1 }

  func withUnsafeRows<R>(
    _ body: (UnsafeBufferPointer<Int32>, UnsafeBufferPointer<Int32>, UnsafeBufferPointer<Double>) -> R
  ) -> R {
    rowStarts.withUnsafeBufferPointer { starts in
      columns.withUnsafeBufferPointer { columns in
        values.withUnsafeBufferPointer { values in body(starts, columns, values) }
      }
    }
  }
}
