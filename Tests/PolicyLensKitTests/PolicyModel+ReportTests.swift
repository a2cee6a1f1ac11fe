import PolicyLensKit
import Testing
import TestSupport

@Suite("The report map of the seeds model")
struct PolicyModelReportTests {
  @Test("the map has one centred point per article, widest along x")
  func mapPositions() throws {
    let points = try SeedModel.model.mapPositions()
    #expect(points.count == SeedModel.model.articles.count)
    let n = Double(points.count)
    expectClose(points.reduce(0) { $0 + $1.x } / n, 0, tolerance: .decomposition)
    expectClose(points.reduce(0) { $0 + $1.y } / n, 0, tolerance: .decomposition)
    let xx = points.reduce(0) { $0 + $1.x * $1.x }
    let yy = points.reduce(0) { $0 + $1.y * $1.y }
    #expect(xx >= yy && yy > 0)
    // Principal components are uncorrelated.
    expectClose(points.reduce(0) { $0 + $1.x * $1.y } / (xx * yy).squareRoot(), 0, tolerance: .decomposition)
    // Unit vectors centred lie within distance 2 of the origin.
    #expect(points.allSatisfy { ($0.x * $0.x + $0.y * $0.y).squareRoot() <= 2 })
  }
}
