import Testing

@testable import Ingest

@Suite("TextDecoding")
struct TextDecodingTests {
  @Test("decodes UTF-8 and drops a BOM")
  func utf8() throws {
    for bytes in [Array("双周决策观察".utf8), [0xEF, 0xBB, 0xBF] + Array("双周决策观察".utf8)] {
      let result = try TextDecoding.decode(bytes).get()
      #expect(result.text == "双周决策观察")
      #expect(result.encoding == .utf8)
    }
  }

  @Test("decodes GB18030 bytes (双周 = CB AB D6 DC)")
  func gb18030() throws {
    let result = try TextDecoding.decode([0xCB, 0xAB, 0xD6, 0xDC, 0x0A, 0x41]).get()
    #expect(result.text == "双周\nA")
    #expect(result.encoding == .gb18030)
  }

  @Test("decodes UTF-16 with either byte-order mark")
  func utf16() throws {
    let units = Array("信息摘编".utf16)
    let little: [UInt8] = [0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    let big: [UInt8] = [0xFE, 0xFF] + units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    #expect(try TextDecoding.decode(little).get().text == "信息摘编")
    #expect(try TextDecoding.decode(big).get().text == "信息摘编")
  }

  @Test("rejects NUL bytes and reports their line")
  func binary() {
    #expect(throws: TextDecoding.UndecodableBytes(line: 2)) {
      try TextDecoding.decode(Array("a\nb".utf8) + [0]).get()
    }
  }

  @Test("rejects bytes that are neither UTF-8 nor GB18030")
  func invalid() {
    // 0xFF is never valid in UTF-8 and never a GB18030 lead byte.
    #expect(throws: TextDecoding.UndecodableBytes(line: 1)) {
      try TextDecoding.decode([0x41, 0xFF, 0xFF, 0x42]).get()
    }
  }
}
