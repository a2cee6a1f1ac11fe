import TestSupport
import Testing

@testable import ThemeTagging

@Suite struct RobustScaleTests {
  @Test("median and 1.4826 × MAD on a hand-computed sample")
  func handComputed() {
    let scale = RobustScale(of: [1, 2, 3, 4, 100])
    #expect(scale.median == 3)
    expectClose(scale.scale, 1.4826 * 1)  // deviations 2, 1, 0, 1, 97 → MAD 1
    expectClose(scale.standardized(100), 97 / 1.4826)
  }

  @Test("mostly-zero samples fall back to the mean absolute deviation")
  func fallback() {
    let scale = RobustScale(of: [0, 0, 0, 0, 0, 0, 0.5, 1.5])
    #expect(scale.median == 0)
    expectClose(scale.scale, 1.2533 * 2 / 8)
  }

  @Test("a constant sample standardizes to zero")
  func constant() {
    let scale = RobustScale(of: [0.3, 0.3, 0.3])
    #expect(scale.scale == 0)
    #expect(scale.standardized(5) == 0)
    #expect(RobustScale(of: []).standardized(1) == 0)
  }

  @Test("standardizing is invariant to shifting and positive scaling of the sample")
  func affine() {
    var generator = SplitMix64(seed: 5)
    for _ in 0..<50 {
      let values = (0..<Int.random(in: 2...8, using: &generator)).map { _ in
        Double.random(in: -1...1, using: &generator)
      }
      let a = RobustScale(of: values)
      let b = RobustScale(of: values.map { 3 * $0 + 7 })
      for value in values {
        expectClose(
          b.standardized(3 * value + 7), a.standardized(value),
          tolerance: Tolerance(relative: 1e-9, absolute: 1e-9))
      }
    }
  }
}
