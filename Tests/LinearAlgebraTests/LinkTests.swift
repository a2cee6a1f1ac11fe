import LinearAlgebra
import Testing

@Suite struct LinkTests {
  @Test("dgesdd is linked and returns singular values in descending order")
  func linksLAPACK() throws {
    let svd = try SingularValueDecomposition(Matrix(rows: [[2, 0], [0, -5]]))
    #expect(svd.singularValues == [5, 2])
  }
}
