import Foundation

/// Splits tab-separated UTF-8 text into lines and fields on bytes, not Characters: a model's
/// index files have 100,000 lines, and grapheme-aware `String.split` made reading them the
/// slowest part of a query.
enum TabSeparatedLines {
  /// Calls `body` with each line's fields (line numbers from 1), skipping the first `headerLines`
  /// lines and empty lines.
  ///
  /// Stops early when `body` returns false.
  static func forEachLine(
    in data: Data, skippingHeaderLines headerLines: Int = 1,
    _ body: (_ lineNumber: Int, _ fields: [String]) -> Bool
  ) {
    data.withUnsafeBytes { raw in
      let bytes = raw.bindMemory(to: UInt8.self)
      var lineNumber = 0
      var start = 0
      var fields: [String] = []
      while start < bytes.count {
        var end = start
        while end < bytes.count && bytes[end] != 0x0A { end += 1 }
        lineNumber += 1
        if lineNumber > headerLines && end > start {
          fields.removeAll(keepingCapacity: true)
          var fieldStart = start
          for index in start...end where index == end || bytes[index] == 0x09 {
            fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[fieldStart..<index]), as: UTF8.self))
            fieldStart = index + 1
          }
          if !body(lineNumber, fields) { return }
        }
        start = end + 1
      }
    }
  }
}
