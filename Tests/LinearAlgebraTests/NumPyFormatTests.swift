import Foundation
import LinearAlgebra
import TestSupport
import Testing

/// Bytes written by numpy.save (scripts/numeric_fixtures.py).
struct NumPyReference: Decodable {
  var matrixRows: [[Double]]
  var matrixCOrder: String
  var matrixFortranOrder: String
  var doubles: [Double]
  var doublesNpy: String
  var int32s: [Int32]
  var int32sNpy: String
}

@Suite struct NumPyFormatTests {
  let reference: NumPyReference

  init() throws {
    reference = try loadFixture(NumPyReference.self, named: "npy_reference.json", in: .module)
  }

  func bytes(_ base64: String) throws -> Data { try #require(Data(base64Encoded: base64)) }

  @Test("decodes numpy.save output in C and Fortran order")
  func decodesNumPy() throws {
    let expected = Matrix(rows: reference.matrixRows)
    #expect(try NumPyFormat.decodeMatrix(from: bytes(reference.matrixCOrder)) == expected)
    #expect(try NumPyFormat.decodeMatrix(from: bytes(reference.matrixFortranOrder)) == expected)
    #expect(try NumPyFormat.decodeDoubles(from: bytes(reference.doublesNpy)) == reference.doubles)
    #expect(try NumPyFormat.decodeInt32s(from: bytes(reference.int32sNpy)) == reference.int32s)
  }

  @Test("encodes byte for byte what numpy.save writes")
  func encodesLikeNumPy() throws {
    let matrix = Matrix(rows: reference.matrixRows)
    #expect(NumPyFormat.encode(matrix) == (try bytes(reference.matrixFortranOrder)))
    #expect(NumPyFormat.encode(matrix, fortranOrder: false) == (try bytes(reference.matrixCOrder)))
    #expect(NumPyFormat.encode(reference.doubles) == (try bytes(reference.doublesNpy)))
    #expect(NumPyFormat.encode(reference.int32s) == (try bytes(reference.int32sNpy)))
  }

  @Test("round-trips random matrices of sizes 0–8 in both orders")
  func roundTrips() throws {
    var generator = SplitMix64(seed: 12)
    for _ in 0..<100 {
      let m = Int(generator.next() % 9)
      let n = Int(generator.next() % 9)
      let matrix = RandomMatrices.dense(rows: m, columns: n, using: &generator)
      for fortranOrder in [true, false] {
        let data = NumPyFormat.encode(matrix, fortranOrder: fortranOrder)
        #expect(data.count % 64 == (m * n * 8) % 64, "values start on a 64-byte boundary")
        #expect(try NumPyFormat.decodeMatrix(from: data) == matrix)
      }
    }
  }

  @Test("truncated data throws a typed error")
  func truncated() throws {
    let data = NumPyFormat.encode(Matrix(rows: [[1, 2], [3, 4]]))
    #expect(throws: LinearAlgebraError.truncatedNumPyData(expectedByteCount: 32, actualByteCount: 31)) {
      try NumPyFormat.decodeMatrix(from: data.dropLast())
    }
    #expect(throws: LinearAlgebraError.self) { try NumPyFormat.decodeMatrix(from: data.prefix(20)) }
    #expect(throws: LinearAlgebraError.self) { try NumPyFormat.decodeMatrix(from: Data("hello".utf8)) }
  }

  @Test("wrong dtype or dimension count throws")
  func wrongType() throws {
    #expect(throws: LinearAlgebraError.unsupportedNumPyType(found: "<i4", expected: "<f8")) {
      try NumPyFormat.decodeDoubles(from: NumPyFormat.encode([Int32(1), 2]))
    }
    #expect(throws: LinearAlgebraError.unexpectedNumPyShape(found: [3], expectedDimensionCount: 2)) {
      try NumPyFormat.decodeMatrix(from: NumPyFormat.encode([1.0, 2, 3]))
    }
  }
}
