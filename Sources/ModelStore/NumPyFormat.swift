import Foundation
import FileIntegrity
import LinearAlgebra

/// Conversions between PolicyLens values and NumPy's `.npy` format (version 1.0), so that
/// persisted models open in Python with `numpy.load`.
///
/// A `.npy` file is the magic string `\x93NUMPY`, the version bytes (1, 0), a little-endian
/// `UInt16` header length, an ASCII header such as
/// `{'descr': '<f8', 'fortran_order': True, 'shape': (3, 4), }` padded with spaces and a
/// final newline so that the values start at a multiple of 64 bytes, then the raw values.
/// Encoding writes little-endian `'<f8'` (Double) or `'<i4'` (Int32). Reading is
/// ``NumPyArray``'s job (the one reader, over mapped or in-memory bytes); the `decode…`
/// functions here copy its values into arrays and matrices. These are pure `Data` conversions;
/// ``ModelDirectory`` reads and writes the files.
///
/// Source: NumPy Enhancement Proposal 1, "A simple file format for NumPy arrays".
public enum NumPyFormat {
  /// `matrix` as a 2-D `.npy` array of `'<f8'`, column-major (`fortran_order: True`, no
  /// copy) unless `fortranOrder` is false.
  ///
  /// - Complexity: O(m n).
  public static func encode(_ matrix: Matrix, fortranOrder: Bool = true) -> Data {
    joined(parts(matrix, fortranOrder: fortranOrder))
  }

  /// `values` as a 1-D `.npy` array of `'<f8'`.
  public static func encode(_ values: [Double]) -> Data { joined(parts(values)) }

  /// `values` as a 1-D `.npy` array of `'<i4'`.
  public static func encode(_ values: [Int32]) -> Data { joined(parts(values)) }

  /// `values` as a 2-D `.npy` array of `'<i4'` with `columnCount` columns, row-major (C order:
  /// row *i* is `values[(i * columnCount)..<((i + 1) * columnCount)]`).
  ///
  /// - Precondition: `values.count` is a multiple of `columnCount` (> 0).
  public static func encode(_ values: [Int32], columnCount: Int) -> Data {
    precondition(columnCount > 0 && values.count % columnCount == 0, "whole rows of \(columnCount) values")
    return joined(
      parts(descriptor: "<i4", fortranOrder: false, shape: [values.count / columnCount, columnCount], values: values))
  }

  /// ``encode(_:fortranOrder:)``'s file in two parts, to write one after the other
  /// (`ModelDirectoryWriter.write(_:as:shape:)`): the header, then the matrix's own elements
  /// (in C order, its transpose's).
  public static func parts(_ matrix: Matrix, fortranOrder: Bool = true) -> [any FileBytes] {
    parts(
      descriptor: "<f8", fortranOrder: fortranOrder, shape: [matrix.rowCount, matrix.columnCount],
      values: fortranOrder ? matrix.elements : matrix.transposed().elements)
  }

  /// ``encode(_:)-([Double])``'s file in two parts: the header, then the array itself.
  public static func parts(_ values: [Double]) -> [any FileBytes] {
    parts(descriptor: "<f8", fortranOrder: false, shape: [values.count], values: values)
  }

  /// ``encode(_:)-([Int32])``'s file in two parts: the header, then the array itself.
  public static func parts(_ values: [Int32]) -> [any FileBytes] {
    parts(descriptor: "<i4", fortranOrder: false, shape: [values.count], values: values)
  }

  /// A 2-D `'<f8'` array as a ``Matrix``, in either memory order (a copy).
  ///
  /// - Parameter path: Where the bytes came from, for error messages.
  /// - Throws: ``ModelStoreError/malformedFile(path:reason:)`` or
  ///   ``ModelStoreError/shapeMismatch(path:expected:found:)`` when it is not 2-D.
  public static func decodeMatrix(from data: Data, path: String) throws(ModelStoreError) -> Matrix {
    try matrix(NumPyArray<Double>(npy: data, path: path), path: path)
  }

  /// A 2-D `'<f8'` array as a ``Matrix`` (a copy of its elements).
  public static func matrix(_ array: NumPyArray<Double>, path: String) throws(ModelStoreError) -> Matrix {
    try array.expectShape([nil, nil], path: path)
    let (rows, columns) = (array.shape[0], array.shape[1])
    if array.isFortranOrder {
      return Matrix(rowCount: rows, columnCount: columns, columnMajor: array.elements)
    }
    return Matrix(rowCount: columns, columnCount: rows, columnMajor: array.elements).transposed()
  }

  /// A 1-D `'<f8'` array (a copy).
  public static func decodeDoubles(from data: Data, path: String) throws(ModelStoreError) -> [Double] {
    let array = try NumPyArray<Double>(npy: data, path: path)
    try array.expectShape([nil], path: path)
    return array.elements
  }

  /// A 1-D `'<i4'` array (a copy).
  public static func decodeInt32s(from data: Data, path: String) throws(ModelStoreError) -> [Int32] {
    let array = try NumPyArray<Int32>(npy: data, path: path)
    try array.expectShape([nil], path: path)
    return array.elements
  }

  // MARK: - Implementation

  private static let magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]  // \x93NUMPY

  /// The header, then the values' bytes, little-endian (the array itself where that is the
  /// machine's order).
  private static func parts<T: NumPyElement & FileScalar>(
    descriptor: String, fortranOrder: Bool, shape: [Int], values: [T]
  ) -> [any FileBytes] {
    [
      header(descriptor: descriptor, fortranOrder: fortranOrder, shape: shape),
      T.isNativeLittleEndianLayout ? values : NumPyArray<T>.littleEndianBytes(values),
    ]
  }

  /// `parts` one after the other, in one `Data`.
  private static func joined(_ parts: [any FileBytes]) -> Data {
    parts.reduce(into: Data()) { data, part in part.withFileBytes { data.append(contentsOf: $0) } }
  }

  /// The magic string, version 1.0 and the header dictionary, padded so that the values
  /// start on a 64-byte boundary.
  private static func header(descriptor: String, fortranOrder: Bool, shape: [Int]) -> Data {
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
    return data
  }

  /// The reason text for a header that is not `.npy`.
  static func malformedHeader(_ reason: String) -> String {
    "Not a valid NumPy .npy file (format 1.0): \(reason). Re-save it with numpy.save"
  }

  /// A parsed `.npy` header: dtype, memory order, shape, and where the values start.
  struct Header {
    var descriptor: String
    var isFortranOrder: Bool
    var shape: [Int]
    var valueOffset: Int

    /// Parses the header at the start of `data` (versions 1.0, 2.0 and 3.0).
    init(parsing data: Data, path: String) throws(ModelStoreError) {
      func malformed(_ reason: String) -> ModelStoreError {
        .malformedFile(path: path, reason: malformedHeader(reason))
      }
      // Only the header is copied; the values stay in `data`.
      let bytes = [UInt8](data.prefix(min(data.count, 65_536 + 12)))
      guard bytes.count >= 10, Array(bytes[0..<6]) == magic else {
        throw malformed("missing the \\x93NUMPY magic string")
      }
      let headerStart: Int
      let headerLength: Int
      switch bytes[6] {
      case 1:
        headerStart = 10
        headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
      case 2, 3:
        guard bytes.count >= 12 else { throw malformed("header length cut off") }
        headerStart = 12
        headerLength = (8..<12).reduce(0) { $0 | Int(bytes[$1]) << (8 * ($1 - 8)) }
      default:
        throw malformed("unsupported version \(bytes[6]).\(bytes[7])")
      }
      guard bytes.count >= headerStart + headerLength else {
        throw malformed("header promises \(headerLength) bytes, file has \(bytes.count - headerStart)")
      }
      guard let header = String(bytes: bytes[headerStart..<(headerStart + headerLength)], encoding: .utf8) else {
        throw malformed("header is not text")
      }
      guard let descriptor = field("descr", in: header), let order = field("fortran_order", in: header),
        let shapeText = field("shape", in: header)
      else { throw malformed("header lacks 'descr', 'fortran_order' or 'shape'") }
      guard order == "True" || order == "False" else { throw malformed("fortran_order is '\(order)'") }
      guard shapeText.hasPrefix("("), shapeText.hasSuffix(")") else { throw malformed("shape is '\(shapeText)'") }
      var shape: [Int] = []
      for part in shapeText.dropFirst().dropLast().split(separator: ",") {
        let trimmed = part.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { continue }
        guard let dimension = Int(trimmed), dimension >= 0 else { throw malformed("shape entry '\(trimmed)'") }
        shape.append(dimension)
      }
      self.descriptor = descriptor.trimmingCharacters(in: CharacterSet(charactersIn: "'\""))
      self.isFortranOrder = order == "True"
      self.shape = shape
      self.valueOffset = headerStart + headerLength
    }
  }

  /// The text of `key`'s value in a Python dict literal: up to the next top-level comma or
  /// `}`; `nil` when the key or its colon is missing.
  private static func field(_ key: String, in header: String) -> String? {
    guard let keyRange = header.range(of: "'\(key)'") ?? header.range(of: "\"\(key)\"") else { return nil }
    var rest = header[keyRange.upperBound...].drop { $0 == " " }
    guard rest.first == ":" else { return nil }
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
