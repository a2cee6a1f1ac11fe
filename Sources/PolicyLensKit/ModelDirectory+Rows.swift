import Foundation
import LinearAlgebra
import ModelStore

/// Reading a file of article rows as one file: the base file's rows, then each segment's
/// (`ModelFile.takesSegments`), as `add` appended them.
///
/// Each part is checked on its own (header, shape, memory order) so that an error names the
/// damaged part; a model without segments is read exactly as before (one part, still mapped).
extension ModelDirectory {
  /// The path of part `index` of `file` (0 is the base file), for messages.
  func path(_ file: ModelFile, part index: Int) -> String {
    url.appendingPathComponent(partNames(file)[index]).path
  }

  /// The lines of a text file with one line per article: the base file's bytes with each
  /// segment's appended (segments have no header line, so this is the file as `fit` would have
  /// written it).
  ///
  /// - Complexity: O(1) for one part; O(total bytes) for several.
  static func concatenatedLines(_ parts: [Data]) -> Data {
    guard parts.count > 1 else { return parts.first ?? Data() }
    var data = Data(capacity: parts.reduce(0) { $0 + $1.count })
    for part in parts { data.append(part) }
    return data
  }

  /// An `.npy` file of rows with its segments' rows appended, kept in place (what a query
  /// reads): the base file mapped, the segments' values after it; each part must have shape
  /// `[_] + trailing` and, when 2-D, be row-major.
  func rows<Element: NumPyElement>(
    _ file: ModelFile, parts: [Data], trailing: [Int?]
  ) throws(ModelStoreError) -> NumPyArray<Element> {
    NumPyArray(
      concatenatingRowsOf: try checkedParts(file, parts: parts, trailing: trailing),
      baseFile: path(file, part: 0))
  }

  /// The values of an `.npy` file of rows and its segments, copied into one array (what a whole
  /// load keeps); shapes as for ``rows(_:parts:trailing:)``.
  func rowElements<Element: NumPyElement>(
    _ file: ModelFile, parts: [Data], trailing: [Int?]
  ) throws(ModelStoreError) -> [Element] {
    let arrays: [NumPyArray<Element>] = try checkedParts(file, parts: parts, trailing: trailing)
    guard arrays.count > 1 else { return arrays[0].elements }
    var elements: [Element] = []
    elements.reserveCapacity(arrays.reduce(0) { $0 + $1.count })
    for array in arrays { elements += array.elements }
    return elements
  }

  /// Each part of `file` as an array, its shape and memory order checked (naming the part).
  private func checkedParts<Element: NumPyElement>(
    _ file: ModelFile, parts: [Data], trailing: [Int?]
  ) throws(ModelStoreError) -> [NumPyArray<Element>] {
    var arrays: [NumPyArray<Element>] = []
    for (index, data) in parts.enumerated() {
      let array = try NumPyArray<Element>(npy: data, path: path(file, part: index))
      try array.expectShape([nil] + trailing, path: path(file, part: index))
      if !trailing.isEmpty, array.isFortranOrder {
        throw .malformedFile(path: path(file, part: index), reason: "unexpected memory order")
      }
      arrays.append(array)
    }
    guard !arrays.isEmpty else { throw .malformedFile(path: path(.manifest), reason: "it does not list \(file.name)") }
    return arrays
  }

  /// CSR row offsets (`tfidf_indptr.npy`) with its segments': each part holds its own rows'
  /// offsets from 0, and a segment's are shifted by the values before it.
  ///
  /// - Throws: ``ModelStoreError/malformedFile(path:reason:)`` naming a segment whose offsets do
  ///   not start at 0, or when the values outgrow 32-bit offsets.
  func rowStarts(parts: [Data]) throws(ModelStoreError) -> NumPyArray<Int32> {
    var arrays: [NumPyArray<Int32>] = []
    for (index, data) in parts.enumerated() {
      let array = try NumPyArray<Int32>(npy: data, path: path(.tfidfRowStarts, part: index))
      try array.expectShape([nil], path: path(.tfidfRowStarts, part: index))
      guard array.count >= 1, array[0] == 0 else {
        throw .malformedFile(path: path(.tfidfRowStarts, part: index), reason: "row offsets do not start at 0")
      }
      arrays.append(array)
    }
    guard arrays.count > 1 else {
      guard let base = arrays.first else {
        throw .malformedFile(path: path(.manifest), reason: "it does not list \(ModelFile.tfidfRowStarts.name)")
      }
      return base
    }
    var starts = arrays[0].elements
    for (index, segment) in arrays.enumerated().dropFirst() {
      let shift = Int(starts[starts.count - 1])
      guard shift + Int(segment[segment.count - 1]) < Int(Int32.max) else {
        throw .malformedFile(path: path(.tfidfRowStarts, part: index), reason: "more than 2³¹ TF-IDF weights")
      }
      segment.withUnsafeBufferPointer { values in
        for value in values.dropFirst() { starts.append(Int32(shift) + value) }
      }
    }
    return NumPyArray(starts)
  }

  /// A 2-D `'<f8'` file of `columns` columns in either memory order (`document_coordinates.npy`
  /// is column-major) as one matrix, its segments' rows appended.
  ///
  /// - Complexity: one copy of the values.
  func matrixRows(_ file: ModelFile, parts: [Data], columns: Int) throws(ModelStoreError) -> Matrix {
    var arrays: [NumPyArray<Double>] = []
    for (index, data) in parts.enumerated() {
      let array = try NumPyArray<Double>(npy: data, path: path(file, part: index))
      guard array.shape.count == 2, array.shape[1] == columns else {
        throw .shapeMismatch(
          path: path(file, part: index), expected: "_×\(columns)",
          found: array.shape.map(String.init).joined(separator: "×"))
      }
      arrays.append(array)
    }
    guard let base = arrays.first else {
      throw .malformedFile(path: path(.manifest), reason: "it does not list \(file.name)")
    }
    guard arrays.count > 1 else { return try NumPyFormat.matrix(base, path: path(file, part: 0)) }
    let rowCount = arrays.reduce(0) { $0 + $1.shape[0] }
    let elements = [Double](unsafeUninitializedCapacity: rowCount * columns) { buffer, initialized in
      var start = 0
      for array in arrays {
        let rows = array.shape[0]
        array.withUnsafeBufferPointer { values in
          for j in 0..<columns {
            for i in 0..<rows {
              buffer[start + i + j * rowCount] = array.isFortranOrder ? values[i + j * rows] : values[i * columns + j]
            }
          }
        }
        start += rows
      }
      initialized = rowCount * columns
    }
    return Matrix(rowCount: rowCount, columnCount: columns, columnMajor: elements)
  }
}
