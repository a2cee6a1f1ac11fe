import Foundation

internal import CDocumentLibraries

/// Traditional Chinese → simplified, through OpenCC (Debian's libopencc) with its Hong Kong
/// and Taiwan tables, so that articles from Hong Kong, Macao and Taiwan share terms with the
/// mainland ones.
///
/// A text is first brought from Hong Kong variants to OpenCC's standard traditional forms
/// (`hk2t.json`), then converted with Taiwan's phrase table to mainland simplified usage
/// (`tw2sp.json`: 軟體 → 软件, 資訊 → 信息, then character by character). Both steps keep line
/// breaks. The converters are loaded once per process, on the first text that needs them
/// (reading OpenCC's dictionaries is the only I/O), and used under a lock; whether a text
/// needs them is decided without them (``foldIfTraditional(_:)``), so a process that only
/// meets simplified text, such as a query, never loads them.
public final class ChineseScriptFolding: @unchecked Sendable {
  private let hongKong: opencc_t
  private let taiwan: opencc_t
  private let lock = NSLock()

  /// The process's converters, loaded on first use; `nil` when OpenCC's configuration files
  /// cannot be loaded (the library is installed without its data): then traditional text is
  /// analysed as written.
  public static let shared: ChineseScriptFolding? = ChineseScriptFolding()

  /// The share of Chinese characters folding must change for a text to count as traditional.
  ///
  /// Simplified text changes in well under 1 % of its characters (variant
  /// forms such as 着/著); traditional text in about a quarter.
  public static let traditionalShare = 0.05

  private init?() {
    let invalid = opencc_t(bitPattern: -1)
    guard let hk = opencc_open("hk2t.json"), hk != invalid else { return nil }
    guard let tw = opencc_open("tw2sp.json"), tw != invalid else {
      opencc_close(hk)
      return nil
    }
    hongKong = hk
    taiwan = tw
  }

  deinit {
    opencc_close(hongKong)
    opencc_close(taiwan)
  }

  /// `text` in simplified characters and mainland phrasing.
  ///
  /// - Complexity: O(*n*) in the length of the text (OpenCC's maximum-match segmentation).
  public func fold(_ text: String) -> String {
    lock.lock()
    defer { lock.unlock() }
    return Self.convert(Self.convert(text, with: hongKong), with: taiwan)
  }

  /// The folded text when `text` is written in traditional characters (folding changes at
  /// least ``traditionalShare`` of its Chinese characters), else `nil` (also when OpenCC is
  /// not available).
  ///
  /// A text is first judged by ``estimatedShare(of:)``, a table lookup per character, and
  /// folded only when that estimate reaches half the share: simplified text, the usual case,
  /// never reaches OpenCC (whose dictionary walk took two thirds of ingesting a large corpus
  /// when every file was folded in part to be judged, and whose loading took most of a
  /// free-text query's time when every query loaded it).
  public static func foldIfTraditional(_ text: String) -> String? {
    guard estimatedShare(of: text) >= traditionalShare / 2, let folding = shared else { return nil }
    let folded = folding.fold(text)
    return changedShare(from: text, to: folded) >= traditionalShare ? folded : nil
  }

  /// The share of Chinese characters in `text` that folding changes on their own
  /// (``TraditionalIdeographs``): close to ``changedShare(from:to:)`` of the whole text, which
  /// also counts phrase conversions (軟體 → 软件), without converting anything.
  ///
  /// The text's UTF-8 is decoded by hand (a `String`'s is always well formed): iterating its
  /// `unicodeScalars` was an eighth of ingesting a large corpus.
  ///
  /// - Complexity: O(*n*) in the length of the text.
  static func estimatedShare(of text: String) -> Double {
    var text = text
    let (han, changing) = text.withUTF8 { bytes in
      var han = 0
      var changing = 0
      var index = 0
      while index < bytes.count {
        let lead = UInt32(bytes[index])
        if lead < 0xE0 {
          // ASCII, or a two-byte scalar (below U+0800): never Han.
          index += lead < 0x80 ? 1 : 2
          continue
        }
        let value: UInt32
        if lead < 0xF0 {
          value = (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
          index += 3
        } else {
          value =
            (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6
            | UInt32(bytes[index + 3] & 0x3F)
          index += 4
        }
        guard isHan(value) else { continue }
        han += 1
        if TraditionalIdeographs.changesAlone(value) { changing += 1 }
      }
      return (han, changing)
    }
    return han == 0 ? 0 : Double(changing) / Double(han)
  }

  /// The share of Chinese characters that differ between `original` and `folded`, compared
  /// line by line and position by position (lines whose length changed count in full).
  static func changedShare(from original: String, to folded: String) -> Double {
    var han = 0
    var changed = 0
    let a = original.split(separator: "\n", omittingEmptySubsequences: false)
    let b = folded.split(separator: "\n", omittingEmptySubsequences: false)
    for (lineA, lineB) in zip(a, b) {
      let scalarsA = Array(lineA.unicodeScalars)
      let scalarsB = Array(lineB.unicodeScalars)
      let count = scalarsA.count { isHan($0) }
      han += count
      if scalarsA.count != scalarsB.count {
        changed += count
        continue
      }
      for (x, y) in zip(scalarsA, scalarsB) where x != y && isHan(x) { changed += 1 }
    }
    return han == 0 ? 0 : Double(changed) / Double(han)
  }

  static func isHan(_ scalar: Unicode.Scalar) -> Bool { isHan(scalar.value) }

  @inline(__always) static func isHan(_ value: UInt32) -> Bool {
    switch value {
    case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFF: true
    default: false
    }
  }

  private static func convert(_ text: String, with converter: opencc_t) -> String {
    var text = text
    return text.withUTF8 { bytes -> String in
      guard let base = bytes.baseAddress else { return "" }
      let converted = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
        opencc_convert_utf8(converter, $0, bytes.count)
      }
      guard let converted else { return String(decoding: bytes, as: UTF8.self) }
      defer { opencc_convert_utf8_free(converted) }
      return String(cString: converted)
    }
  }
}
