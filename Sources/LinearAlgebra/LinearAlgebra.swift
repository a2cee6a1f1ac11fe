internal import CLAPACK

/// Placeholder until the linear-algebra issue lands; proves the module links.
public enum LinearAlgebraProbe {
  /// Singular values of a 2×2 diagonal matrix through `dgesdd`.
  public static func singularValuesOfDiagonal(_ a: Double, _ b: Double) -> [Double] {
    var matrix: [Double] = [a, 0, 0, b]
    var s = [Double](repeating: 0, count: 2)
    var m: Int32 = 2, n: Int32 = 2, lda: Int32 = 2, ldu: Int32 = 1, ldvt: Int32 = 1
    var info: Int32 = 0
    var lwork: Int32 = 64
    var work = [Double](repeating: 0, count: 64)
    var iwork = [Int32](repeating: 0, count: 16)
    var u = [Double](repeating: 0, count: 1)
    var vt = [Double](repeating: 0, count: 1)
    var jobz: CChar = CChar(UInt8(ascii: "N"))
    dgesdd_(&jobz, &m, &n, &matrix, &lda, &s, &u, &ldu, &vt, &ldvt, &work, &lwork, &iwork, &info, 1)
    precondition(info == 0, "dgesdd failed with info \(info)")
    return s
  }
}
