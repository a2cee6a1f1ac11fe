#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The encodings ``TextDecoding`` recognises.
public enum TextEncoding: String, Codable, Sendable, Hashable {
  /// UTF-8, with or without a byte-order mark.
  case utf8 = "UTF-8"
  /// UTF-16 with a byte-order mark (either endianness).
  case utf16 = "UTF-16"
  /// GB18030, a superset of GBK and GB2312, the usual legacy encoding of Chinese text.
  case gb18030 = "GB18030"
}

/// Bytes → `String`, detecting the encoding.
///
/// Order of checks: a UTF-16 byte-order mark; NUL bytes (binary); valid UTF-8 (a UTF-8 BOM is
/// dropped); GB18030 through the C library's `iconv`. Foundation on Linux does not decode
/// GB18030, so `iconv` (part of glibc) does it.
public enum TextDecoding {
  /// Decoded text and the encoding it was found in.
  public struct Result: Sendable, Equatable {
    /// The text, without a byte-order mark.
    public var text: String
    /// The detected encoding.
    public var encoding: TextEncoding
  }

  /// Decodes `bytes`, or returns `nil` with the 1-based line of the first byte that is neither
  /// text nor valid in any supported encoding.
  ///
  /// - Complexity: O(*n*) in the number of bytes.
  public static func decode(_ bytes: [UInt8]) -> Swift.Result<Result, UndecodableBytes> {
    if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
      let littleEndian = bytes[0] == 0xFF
      var units: [UInt16] = []
      units.reserveCapacity(bytes.count / 2)
      var index = 2
      while index + 1 < bytes.count {
        let a = UInt16(bytes[index]), b = UInt16(bytes[index + 1])
        units.append(littleEndian ? a | b << 8 : a << 8 | b)
        index += 2
      }
      return .success(Result(text: String(decoding: units, as: UTF16.self), encoding: .utf16))
    }
    if let nul = bytes.firstIndex(of: 0) {
      return .failure(UndecodableBytes(line: line(of: nul, in: bytes)))
    }
    var body = bytes[...]
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { body = bytes.dropFirst(3) }
    if let text = String(validating: body, as: UTF8.self) {
      return .success(Result(text: text, encoding: .utf8))
    }
    if let text = decodeGB18030(bytes) {
      return .success(Result(text: text, encoding: .gb18030))
    }
    return .failure(UndecodableBytes(line: line(of: firstInvalidUTF8(in: bytes), in: bytes)))
  }

  /// The position of bytes that could not be decoded.
  public struct UndecodableBytes: Error, Sendable, Equatable {
    /// 1-based line number of the first offending byte.
    public var line: Int
  }

  static func line(of offset: Int, in bytes: [UInt8]) -> Int {
    var count = 1
    for byte in bytes[..<min(offset, bytes.count)] where byte == 0x0A { count += 1 }
    return count
  }

  static func firstInvalidUTF8(in bytes: [UInt8]) -> Int {
    var iterator = bytes.makeIterator()
    var decoder = UTF8()
    var offset = 0
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar): offset += UTF8.width(scalar)
      case .emptyInput: return bytes.count
      case .error: return offset
      }
    }
  }

  /// Converts GB18030 bytes with `iconv`; `nil` when they are invalid GB18030 or iconv lacks it.
  static func decodeGB18030(_ bytes: [UInt8]) -> String? {
    let converter = iconv_open("UTF-8", "GB18030")
    guard let converter, converter != iconv_t(bitPattern: -1) else { return nil }
    defer { iconv_close(converter) }
    var input = bytes.map { CChar(bitPattern: $0) }
    var output = [CChar](repeating: 0, count: bytes.count * 2 + 16)
    let inputCount = input.count
    let outputCapacity = output.count
    let produced: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
      output.withUnsafeMutableBufferPointer { outBuffer in
        var inPointer = inBuffer.baseAddress
        var outPointer = outBuffer.baseAddress
        var inLeft = inputCount
        var outLeft = outputCapacity
        _ = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
        guard inLeft == 0 else { return nil }
        return outputCapacity - outLeft
      }
    }
    guard let produced else { return nil }
    return String(decoding: output[..<produced].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}
