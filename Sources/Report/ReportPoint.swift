/// A point of the 2-D article map, in the projection's own units.
///
/// The map rescales all points to fit, keeping the aspect ratio, so any linear scale works.
public struct ReportPoint: Codable, Sendable, Hashable {
  /// The horizontal coordinate.
  public var x: Double
  /// The vertical coordinate; larger values are drawn higher.
  public var y: Double

  /// Creates a point.
  public init(x: Double, y: Double) {
    self.x = x
    self.y = y
  }
}
