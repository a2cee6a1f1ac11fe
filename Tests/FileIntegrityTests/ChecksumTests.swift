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
}
