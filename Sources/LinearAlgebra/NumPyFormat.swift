import Foundation

/// Conversions between PolicyLens values and NumPy's `.npy` format (version 1.0), so that
/// persisted models open in Python with `numpy.load`.
///
/// A `.npy` file is the magic string `\x93NUMPY`, the version bytes (1, 0), a little-endian
/// `UInt16` header length, an ASCII header such as
/// `{'descr': '<f8', 'fortran_order': True, 'shape': (3, 4), }` padded with spaces and a
/// final newline so that the values start at a multiple of 64 bytes, then the raw values.
/// Encoding writes little-endian `'<f8'` (Double) or `'<i4'` (Int32). Decoding accepts
/// versions 1.0 and 2.0 (4-byte header length), honours `fortran_order` in either value, and
/// validates the header, dtype, shape and length. These are pure `Data` conversions; the
/// caller reads and writes files.
///
/// Source: NumPy Enhancement Proposal 1, "A simple file format for NumPy arrays".
public enum NumPyFormat {
  /// `matrix` as a 2-D `.npy` array of `'<f8'`, column-major (`fortran_order: True`, no
  /// copy) unless `fortranOrder` is false.
  ///
  /// - Complexity: O(m n).
  public static func encode(_ matrix: Matrix, fortranOrder: Bool = true) -> Data {
    let values = fortranOrder ? matrix.elements : matrix.transposed().elements
    return encode(
      descriptor: "<f8", fortranOrder: fortranOrder, shape: [matrix.rowCount, matrix.columnCount],
      values: values)
  }

  /// `values` as a 1-D `.npy` array of `'<f8'`.
  public static func encode(_ values: [Double]) -> Data {
    encode(descriptor: "<f8", fortranOrder: false, shape: [values.count], values: values)
  }

  /// `values` as a 1-D `.npy` array of `'<i4'`.
  public static func encode(_ values: [Int32]) -> Data {
    encode(descriptor: "<i4", fortranOrder: false, shape: [values.count], values: values)
  }

  /// A 2-D `'<f8'` array as a ``Matrix``, in either memory order.
  ///
  /// - Throws: ``LinearAlgebraError`` `.malformedNumPyHeader`, `.unsupportedNumPyType`,
  ///   `.unexpectedNumPyShape` or `.truncatedNumPyData`. Trailing bytes after the values
  ///   are ignored, as `numpy.load` does.
  public static func decodeMatrix(from data: Data) throws(LinearAlgebraError) -> Matrix {
    let array = try decode(data, descriptor: "<f8", dimensionCount: 2, as: Double.self)
    let (rows, columns) = (array.shape[0], array.shape[1])
    if array.fortranOrder {
      return Matrix(rowCount: rows, columnCount: columns, columnMajor: array.values)
    }
    return Matrix(rowCount: columns, columnCount: rows, columnMajor: array.values).transposed()
  }

  /// A 1-D `'<f8'` array.
  public static func decodeDoubles(from data: Data) throws(LinearAlgebraError) -> [Double] {
    try decode(data, descriptor: "<f8", dimensionCount: 1, as: Double.self).values
  }

  /// A 1-D `'<i4'` array.
  public static func decodeInt32s(from data: Data) throws(LinearAlgebraError) -> [Int32] {
    try decode(data, descriptor: "<i4", dimensionCount: 1, as: Int32.self).values
  }

  // MARK: - Implementation

  private static let magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]  // \x93NUMPY

  private static func encode<T: FixedWidthValue>(
    descriptor: String, fortranOrder: Bool, shape: [Int], values: [T]
  ) -> Data {
    let shapeText = shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
    var header =
      "{'descr': '\(descriptor)', 'fortran_order': \(fortranOrder ? "True" : "False"), "
      + "'shape': \(shapeText), }"
    let unpadded = magic.count + 2 + 2 + header.utf8.count + 1
    header += String(repeating: " ", count: (64 - unpadded % 64) % 64) + "\n"
    var data = Data(magic)
    data.append(contentsOf: [1, 0])
    let length = UInt16(header.utf8.count)
    data.append(contentsOf: [UInt8(length & 0xFF), UInt8(length >> 8)])
    data.append(contentsOf: Array(header.utf8))
    if T.isNativeLittleEndianLayout {
      values.withUnsafeBytes { data.append(contentsOf: $0) }
    } else {
      var bytes = [UInt8](repeating: 0, count: values.count * T.byteCount)
      for (index, value) in values.enumerated() { value.storeLittleEndian(into: &bytes, at: index * T.byteCount) }
      data.append(contentsOf: bytes)
    }
    return data
  }

  private struct DecodedArray<T> {
    var shape: [Int]
    var fortranOrder: Bool
    var values: [T]
  }

  private static func decode<T: FixedWidthValue>(
    _ data: Data, descriptor: String, dimensionCount: Int, as: T.Type
  ) throws(LinearAlgebraError) -> DecodedArray<T> {
    // Only the header is copied; the values are read straight from `data` below.
    let bytes = [UInt8](data.prefix(min(data.count, 65_536 + 12)))
    guard bytes.count >= 10, Array(bytes[0..<6]) == magic else {
      throw .malformedNumPyHeader(reason: "missing the \\x93NUMPY magic string")
    }
    let headerStart: Int
    let headerLength: Int
    switch bytes[6] {
    case 1:
      headerStart = 10
      headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
    case 2, 3:
      guard bytes.count >= 12 else { throw .malformedNumPyHeader(reason: "header length cut off") }
      headerStart = 12
      headerLength = (8..<12).reduce(0) { $0 | Int(bytes[$1]) << (8 * ($1 - 8)) }
    default:
      throw .malformedNumPyHeader(reason: "unsupported version \(bytes[6]).\(bytes[7])")
    }
    guard bytes.count >= headerStart + headerLength else {
      throw .malformedNumPyHeader(
        reason: "header promises \(headerLength) bytes, file has \(bytes.count - headerStart)")
    }
    guard let header = String(bytes: bytes[headerStart..<(headerStart + headerLength)], encoding: .utf8) else {
      throw .malformedNumPyHeader(reason: "header is not text")
    }
    let found = try field("descr", in: header).trimmingCharacters(in: CharacterSet(charactersIn: "'\""))
    guard found == descriptor || (found == "|" + descriptor.dropFirst() && T.byteCount == 1) else {
      throw .unsupportedNumPyType(found: found, expected: descriptor)
    }
    let order = try field("fortran_order", in: header)
    guard order == "True" || order == "False" else {
      throw .malformedNumPyHeader(reason: "fortran_order is '\(order)'")
    }
    let shapeText = try field("shape", in: header)
    guard shapeText.hasPrefix("("), shapeText.hasSuffix(")") else {
      throw .malformedNumPyHeader(reason: "shape is '\(shapeText)'")
    }
    var shape: [Int] = []
    for part in shapeText.dropFirst().dropLast().split(separator: ",") {
      let trimmed = part.trimmingCharacters(in: .whitespaces)
      if trimmed.isEmpty { continue }
      guard let dimension = Int(trimmed), dimension >= 0 else {
        throw .malformedNumPyHeader(reason: "shape entry '\(trimmed)'")
      }
      shape.append(dimension)
    }
    guard shape.count == dimensionCount else {
      throw .unexpectedNumPyShape(found: shape, expectedDimensionCount: dimensionCount)
    }
    let (count, overflow) = shape.reduce((1, false)) { partial, dimension in
      let product = partial.0.multipliedReportingOverflow(by: dimension)
      return (product.partialValue, partial.1 || product.overflow)
    }
    guard !overflow, count <= Int.max / T.byteCount else {
      throw .malformedNumPyHeader(reason: "shape \(shape) is too large")
    }
    let valueStart = headerStart + headerLength
    let available = data.count - valueStart
    guard available >= count * T.byteCount else {
      throw .truncatedNumPyData(expectedByteCount: count * T.byteCount, actualByteCount: available)
    }
    let values = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
      data.withUnsafeBytes { raw in
        let source = raw.baseAddress! + valueStart
        if T.isNativeLittleEndianLayout {
          UnsafeMutableRawPointer(buffer.baseAddress!).copyMemory(from: source, byteCount: count * T.byteCount)
        } else {
          for index in 0..<count {
            buffer[index] = T.loadLittleEndian(from: UnsafeRawBufferPointer(start: source, count: count * T.byteCount), at: index * T.byteCount)
          }
        }
      }
      initialized = count
    }
    return DecodedArray(shape: shape, fortranOrder: order == "True", values: values)
  }

  /// The text of `key`'s value in a Python dict literal: up to the next top-level comma or `}`.
  private static func field(_ key: String, in header: String) throws(LinearAlgebraError) -> String {
    guard let keyRange = header.range(of: "'\(key)'") ?? header.range(of: "\"\(key)\"") else {
      throw .malformedNumPyHeader(reason: "no '\(key)' entry")
    }
    var rest = header[keyRange.upperBound...].drop { $0 == " " }
    guard rest.first == ":" else { throw .malformedNumPyHeader(reason: "no ':' after '\(key)'") }
    rest = rest.dropFirst().drop { $0 == " " }
    var depth = 0
    var value = ""
    for character in rest {
      if character == "(" { depth += 1 }
      if character == ")" { depth -= 1 }
      if depth == 0, character == "," || character == "}" { break }
      value.append(character)
    }
    return value.trimmingCharacters(in: .whitespaces)
  }
}

/// A value stored as fixed-width little-endian bytes in `.npy` data.
private protocol FixedWidthValue: BitwiseCopyable {
  static var byteCount: Int { get }
  func storeLittleEndian(into bytes: inout [UInt8], at offset: Int)
  static func loadLittleEndian(from bytes: UnsafeRawBufferPointer, at offset: Int) -> Self
}

extension FixedWidthValue {
  /// Whether this machine stores the value in `.npy`'s little-endian layout, so that whole
  /// arrays can be copied byte for byte.
  static var isNativeLittleEndianLayout: Bool { 1.littleEndian == 1 }
}

extension Double: FixedWidthValue {
  static var byteCount: Int { 8 }
  func storeLittleEndian(into bytes: inout [UInt8], at offset: Int) {
    let pattern = bitPattern
    for b in 0..<8 { bytes[offset + b] = UInt8(truncatingIfNeeded: pattern >> (8 * b)) }
  }
  static func loadLittleEndian(from bytes: UnsafeRawBufferPointer, at offset: Int) -> Double {
    Double(bitPattern: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
  }
}

extension Int32: FixedWidthValue {
  static var byteCount: Int { 4 }
  func storeLittleEndian(into bytes: inout [UInt8], at offset: Int) {
    let pattern = UInt32(bitPattern: self)
    for b in 0..<4 { bytes[offset + b] = UInt8(truncatingIfNeeded: pattern >> (8 * b)) }
  }
  static func loadLittleEndian(from bytes: UnsafeRawBufferPointer, at offset: Int) -> Int32 {
    Int32(bitPattern: UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
  }
}
