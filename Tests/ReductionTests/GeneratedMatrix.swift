import LinearAlgebra
import TestSupport

/// The generated sparse matrix of scripts/numeric_fixtures.py (`generated_matrix`), rebuilt
/// from its recipe: SplitMix64(seed); for each row, `draws` times u = uniform(),
/// column = ⌊columns · u³⌋, value = 1 + next() mod 3, duplicates add; rows scaled to unit
/// L2 norm.
enum GeneratedMatrix {
  static func make(_ recipe: LSAReference.Recipe) -> SparseMatrix {
    var generator = SplitMix64(seed: recipe.seed)
    var dense = Matrix(rowCount: recipe.rows, columnCount: recipe.columns)
    for i in 0..<recipe.rows {
      for _ in 0..<recipe.draws {
        let u = Double(generator.next() >> 11) * 0x1p-53
        let j = Int(Double(recipe.columns) * (u * u * u))
        dense[i, j] += Double(1 + generator.next() % 3)
      }
      let norm = dense.row(i).reduce(0) { $0 + $1 * $1 }.squareRoot()
      if norm > 0 { for j in 0..<recipe.columns { dense[i, j] /= norm } }
    }
    return SparseMatrix(dense)
  }
}
