import Testing

@testable import TextAnalysis

@Suite struct TextNormalizerTests {
  @Test("full-width letters and digits become lower-case ASCII")
  func fullWidth() {
    #expect(TextNormalizer.normalize("ＥＳＧ　ｅＶＴＯＬ　５Ｇ，１２３％") == "esg evtol 5g,123%")
  }

  @Test("the fast path agrees with Foundation's NFKC and lowercased() on every BMP scalar it takes")
  func fastPathMatchesFoundation() {
    for value in UInt32(0)...0xFFFF {
      guard let fast = TextNormalizer.fastPath(value), let scalar = Unicode.Scalar(value) else { continue }
      let reference = String(Character(scalar)).precomposedStringWithCompatibilityMapping.lowercased()
      #expect(reference.unicodeScalars.map(\.value) == [fast], "U+\(String(value, radix: 16))")
    }
  }

  @Test("combining marks compose with the scalar before them")
  func composition() {
    #expect(TextNormalizer.normalize("Cafe\u{301}") == "café")
    #expect(TextNormalizer.normalize("Cafe\u{301}").unicodeScalars.count == 4)
  }

  @Test("compatibility characters are spelled out and normalisation is idempotent")
  func idempotent() {
    for text in ["①②㎡ﬁ", "Ⅻ世纪", "低空经济ＡＢＣ", "\u{FFFD}\u{0}\u{7}", ""] {
      let once = TextNormalizer.normalize(text)
      #expect(TextNormalizer.normalize(once) == once)
    }
    #expect(TextNormalizer.normalize("①㎡ﬁ") == "1m2fi")
  }
}
