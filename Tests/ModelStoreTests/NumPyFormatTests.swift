import FileIntegrity
import Foundation
import LinearAlgebra
import ModelStore
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
    #expect(try NumPyFormat.decodeMatrix(from: bytes(reference.matrixCOrder), path: "c.npy") == expected)
    #expect(try NumPyFormat.decodeMatrix(from: bytes(reference.matrixFortranOrder), path: "f.npy") == expected)
    #expect(try NumPyFormat.decodeDoubles(from: bytes(reference.doublesNpy), path: "d.npy") == reference.doubles)
    #expect(try NumPyFormat.decodeInt32s(from: bytes(reference.int32sNpy), path: "i.npy") == reference.int32s)
  }

  @Test("encodes byte for byte what numpy.save writes")
  func encodesLikeNumPy() throws {
    let matrix = Matrix(rows: reference.matrixRows)
    #expect(NumPyFormat.encode(matrix) == (try bytes(reference.matrixFortranOrder)))
    #expect(NumPyFormat.encode(matrix, fortranOrder: false) == (try bytes(reference.matrixCOrder)))
    #expect(NumPyFormat.encode(reference.doubles) == (try bytes(reference.doublesNpy)))
    #expect(NumPyFormat.encode(reference.int32s) == (try bytes(reference.int32sNpy)))
    // The parts written one after the other are the same bytes.
    func joined(_ parts: [any FileBytes]) -> Data {
      parts.reduce(into: Data()) { data, part in part.withFileBytes { data.append(contentsOf: $0) } }
    }
    #expect(joined(NumPyFormat.parts(matrix)) == (try bytes(reference.matrixFortranOrder)))
    #expect(joined(NumPyFormat.parts(reference.doubles)) == (try bytes(reference.doublesNpy)))
    #expect(joined(NumPyFormat.parts(reference.int32s)) == (try bytes(reference.int32sNpy)))
  }

  @Test("round-trips random matrices of sizes 0–8 in both orders")
  func roundTrips() throws {
    var generator = SplitMix64(seed: 12)
    for _ in 0..<100 {
      let m = Int(generator.next() % 9)
      let n = Int(generator.next() % 9)
      let matrix = Matrix(
        rowCount: m, columnCount: n,
        columnMajor: (0..<(m * n)).map { _ in Double.random(in: -1...1, using: &generator) })
      for fortranOrder in [true, false] {
        let data = NumPyFormat.encode(matrix, fortranOrder: fortranOrder)
        #expect(data.count % 64 == (m * n * 8) % 64, "values start on a 64-byte boundary")
        #expect(try NumPyFormat.decodeMatrix(from: data, path: "m.npy") == matrix)
      }
    }
  }

  @Test("truncated data is malformed and says so")
  func truncated() throws {
    let data = NumPyFormat.encode(Matrix(rows: [[1, 2], [3, 4]]))
    for cut in [data.dropLast(), data.prefix(20), Data("hello".utf8)] {
      #expect {
        try NumPyFormat.decodeMatrix(from: cut, path: "m.npy")
      } throws: { error in
        guard case ModelStoreError.malformedFile(path: "m.npy", _) = error else { return false }
        return true
      }
    }
    #expect(
      throws: ModelStoreError.malformedFile(
        path: "m.npy",
        reason: "The .npy data is truncated: its header promises 32 bytes of values, but only 31 follow. "
          + "The file may have been cut off while writing; re-create it")
    ) {
      try NumPyFormat.decodeMatrix(from: data.dropLast(), path: "m.npy")
    }
  }

  @Test("wrong dtype or dimension count throws")
  func wrongType() throws {
    #expect {
      try NumPyFormat.decodeDoubles(from: NumPyFormat.encode([Int32(1), 2]), path: "i.npy")
    } throws: { error in
      guard case ModelStoreError.malformedFile(_, let reason) = error else { return false }
      return reason.contains("'<i4'") && reason.contains("'<f8'")
    }
    #expect(throws: ModelStoreError.shapeMismatch(path: "d.npy", expected: "[_, _]", found: "[3]")) {
      try NumPyFormat.decodeMatrix(from: NumPyFormat.encode([1.0, 2, 3]), path: "d.npy")
    }
  }
}
