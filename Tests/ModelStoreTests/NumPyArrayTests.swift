import Foundation
import LinearAlgebra
import ModelStore
import TestSupport
import Testing

@Suite("NumPyArray")
struct NumPyArrayTests {
  /// A temporary file holding `data`, removed when the closure returns.
  func withFile<T>(_ data: Data, _ body: (URL) throws -> T) throws -> T {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("npy-\(UUID().uuidString).npy")
    try data.write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    return try body(url)
  }

  @Test("round-trips doubles and int32s of lengths 0–8, mapped from a file and copied in memory")
  func roundTrips() throws {
    var generator = SplitMix64(seed: 31)
    for _ in 0..<50 {
      let count = Int(generator.next() % 9)
      let doubles = (0..<count).map { _ in Double.random(in: -1e6...1e6, using: &generator) }
      let int32s = (0..<count).map { _ in Int32.random(in: .min ... .max, using: &generator) }
      try withFile(NumPyFormat.encode(doubles)) { url in
        let mapped = try NumPyArray<Double>(npy: Data(contentsOf: url, options: .alwaysMapped), path: url.path)
        #expect(mapped.shape == [count])
        #expect(mapped.elements == doubles)
        #expect((0..<count).map { mapped[$0] } == doubles)
        #expect(mapped.withUnsafeBufferPointer { Array($0) } == doubles)
        #expect(mapped.slice(0..<count) == doubles)
      }
      let copied = try NumPyArray<Int32>(npy: NumPyFormat.encode(int32s), path: "i.npy")
      #expect(copied.elements == int32s)
      #expect(NumPyArray(int32s).elements == int32s)
      #expect(NumPyArray(doubles).withUnsafeBufferPointer { Array($0) } == doubles)
    }
  }

  @Test("a matrix keeps its memory order and shape")
  func matrixOrder() throws {
    let matrix = Matrix(rows: [[1, 2, 3], [4, 5, 6]])
    let fortran = try NumPyArray<Double>(npy: NumPyFormat.encode(matrix), path: "f.npy")
    #expect(fortran.shape == [2, 3] && fortran.isFortranOrder)
    #expect(fortran.elements == [1, 4, 2, 5, 3, 6])
    let rowMajor = try NumPyArray<Double>(npy: NumPyFormat.encode(matrix, fortranOrder: false), path: "c.npy")
    #expect(rowMajor.shape == [2, 3] && !rowMajor.isFortranOrder)
    #expect(rowMajor.elements == [1, 2, 3, 4, 5, 6])
    #expect(try NumPyFormat.matrix(rowMajor, path: "c.npy") == matrix)
  }

  @Test("values cut off are reported, not read past the end")
  func truncated() throws {
    let data = NumPyFormat.encode([1.0, 2, 3])
    #expect {
      try NumPyArray<Double>(npy: data.dropLast(1), path: "t.npy")
    } throws: { error in
      guard case ModelStoreError.malformedFile(path: "t.npy", let reason) = error else { return false }
      return reason.contains("truncated")
    }
  }

  @Test("expectShape names the expected and found shapes")
  func shapeCheck() throws {
    let array = try NumPyArray<Double>(npy: NumPyFormat.encode(Matrix(rows: [[1, 2]])), path: "s.npy")
    try array.expectShape([1, nil], path: "s.npy")
    #expect(throws: ModelStoreError.shapeMismatch(path: "s.npy", expected: "[2, 2]", found: "[1, 2]")) {
      try array.expectShape([2, 2], path: "s.npy")
    }
  }
}

@Suite("NumPyArray: joining the rows of a file and its segments")
struct NumPyArrayJoiningTests {
  /// Base sizes around page boundaries: the values end inside a page, exactly at one, or in the first.
  @Test("the joined array holds every part's rows in order, mapped or copied", arguments: [1, 3, 496, 1000, 4095])
  func joins(baseCount: Int) throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("join-\(UUID().uuidString).npy")
    defer { try? FileManager.default.removeItem(at: url) }
    let base = (0..<baseCount).map { Double($0) * 0.5 }
    let segments = [[-1.0, -2.0, -3.0], [], [7.25]]
    let data = NumPyFormat.encode(base)
    try data.write(to: url)
    let mapped = try Data(contentsOf: url, options: .alwaysMapped)
    let parts =
      [try NumPyArray<Double>(npy: mapped, path: url.path)]
      + (try segments.map { try NumPyArray<Double>(npy: NumPyFormat.encode($0), path: "segment") })
    let expected = base + segments.flatMap { $0 }
    for file in [url.path, nil] {
      let joined = NumPyArray(concatenatingRowsOf: parts, baseFile: file)
      #expect(joined.shape == [expected.count])
      #expect(joined.elements == expected)
      #expect(joined.withUnsafeBufferPointer { Array($0) } == expected)
    }
    // The file itself is untouched by the copy-on-write tail.
    #expect(try Data(contentsOf: url) == data)
  }

  @Test("2-D row-major parts join along their rows")
  func joinsRows() throws {
    let first = try NumPyArray<Int32>(npy: NumPyFormat.encode([1, 2, 3, 4], columnCount: 2), path: "a")
    let second = try NumPyArray<Int32>(npy: NumPyFormat.encode([5, 6], columnCount: 2), path: "b")
    let joined = NumPyArray(concatenatingRowsOf: [first, second])
    #expect(joined.shape == [3, 2])
    #expect(joined.elements == [1, 2, 3, 4, 5, 6])
  }
}
