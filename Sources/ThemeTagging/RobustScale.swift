/// Robust location and scale of a sample, for modified z-scores.
///
///     median = the sample median (mean of the two middle values for even counts)
///     scale  = 1.4826 × MAD,  MAD = median |xᵢ − median|
///
/// The factor 1.4826 makes the scale equal the standard deviation for normal data
/// (Iglewicz and Hoaglin 1993). When more than half the values are equal (MAD = 0, common
/// for seed-term mass, which is 0 in most articles), the scale falls back to
/// 1.2533 × mean |xᵢ − median| (the normal-consistent mean absolute deviation, the fallback
/// IBM SPSS and others use for the modified z-score). If that is 0 too, the sample is
/// constant and carries no information: ``standardized(_:)`` returns 0.
public struct RobustScale: Sendable, Hashable, Codable {
  /// The sample median.
  public let median: Double
  /// The robust scale (≥ 0).
  public let scale: Double

  /// The median and scale of `values`; an empty sample has median 0 and scale 0.
  /// - Complexity: O(*n* log *n*).
  public init(of values: [Double]) {
    let median = Self.median(values)
    self.median = median
    let deviations = values.map { abs($0 - median) }
    let mad = Self.median(deviations)
    if mad > 0 {
      scale = 1.4826 * mad
    } else if !deviations.isEmpty {
      scale = 1.2533 * deviations.reduce(0, +) / Double(deviations.count)
    } else {
      scale = 0
    }
  }

  /// The modified z-score (x − median) / scale, or 0 for a constant sample.
  public func standardized(_ value: Double) -> Double {
    scale > 0 ? (value - median) / scale : 0
  }

  static func median(_ values: [Double]) -> Double {
    guard !values.isEmpty else { return 0 }
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count.isMultiple(of: 2)
      ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
  }
}
