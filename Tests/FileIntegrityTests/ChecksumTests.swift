import FileIntegrity
import Foundation
import Testing

@Suite("Checksum")
struct ChecksumTests {
  @Test("is 16 lowercase hex digits and the same for bytes, arrays and Data")
  func format() {
    let bytes = Array("政策 newsletter".utf8)
    let hex = Checksum.hex(of: bytes)
    #expect(hex.count == 16 && hex.allSatisfy { $0.isHexDigit && !$0.isUppercase })
    #expect(Checksum.hex(of: Data(bytes)) == hex)
  }

  @Test("changing any single byte changes it, at every length 0–80")
  func singleByteChanges() {
    for length in 0...80 {
      let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
      let original = Checksum.hex(of: bytes)
      for index in bytes.indices {
        var changed = bytes
        changed[index] ^= 0x01
        #expect(Checksum.hex(of: changed) != original, "length \(length), byte \(index)")
      }
      #expect(Checksum.hex(of: bytes + [0]) != original, "appending a zero byte to \(length) bytes")
    }
  }

  /// From `python3 scripts/checksum_reference.py`, an independent implementation that also
  /// reproduces every checksum in models/seeds/manifest.json.
  @Test("equals the reference implementation's values at lengths around the 8- and 32-byte blocks")
  func referenceValues() {
    let expected: [Int: String] = [
      0: "d824a97f06498157", 1: "daaee68280a1386e", 7: "01aa0a9ad4084f32", 8: "45c75f0ab316f3f2",
      31: "7b664dc0818eace4", 32: "49d6f0c3ccd78849", 33: "c70e689ca33fdffb", 63: "32a49ba29b4d1972",
      64: "57a8649534e0d261", 100: "d8e068f35a9ff13d", 1000: "c8e7f70e93dc330f",
    ]
    for (length, value) in expected {
      #expect(Checksum.hex(of: Self.bytes(length)) == value, "length \(length)")
    }
  }

  @Test("bytes added in pieces, of any sizes and empty ones, give the checksum of the whole")
  func pieces() {
    for length in [0, 1, 5, 31, 32, 33, 64, 95, 257, 1000] {
      let bytes = Self.bytes(length)
      let whole = Checksum.hex(of: bytes)
      // Every first cut, a spread of second cuts (empty pieces included), and one byte at a time.
      var cutLists = [Array(0...length)]
      for first in 0...length {
        for second in stride(from: first, through: length, by: max(1, length / 7)) {
          cutLists.append([0, first, second, length])
        }
      }
      for cuts in cutLists {
        let parts: [any FileBytes] = zip(cuts, cuts.dropFirst()).map { Array(bytes[$0..<$1]) }
        #expect(Checksum.hex(of: parts) == whole, "length \(length), cut at \(cuts)")
        var accumulator = Checksum.Accumulator()
        for part in parts { part.withFileBytes { accumulator.add($0) } }
        #expect(Checksum.hex(accumulator.value) == whole, "length \(length), cut at \(cuts)")
      }
    }
    #expect(Checksum.hex(of: [Data([1, 2, 3]), [Double](), [Int32(7)]]) == Checksum.hex(of: [1, 2, 3, 7, 0, 0, 0]))
  }

  private static func bytes(_ length: Int) -> [UInt8] {
    (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
  }
}
