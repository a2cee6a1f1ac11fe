import LinearAlgebra
import Testing

@Suite struct LinkTests {
  @Test("dgesdd is linked and returns singular values in descending order")
  func linksLAPACK() {
    let s = LinearAlgebraProbe.singularValuesOfDiagonal(2, -5)
    #expect(s == [5, 2])
  }
}
