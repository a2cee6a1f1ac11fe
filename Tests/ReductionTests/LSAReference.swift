import LinearAlgebra

/// The fixture written by scripts/numeric_fixtures.py: numpy and scikit-learn SVDs.
struct LSAReference: Decodable {
  struct CSR: Decodable {
    var rowCount: Int
    var columnCount: Int
    var rowStarts: [Int]
    var columnIndices: [Int32]
    var values: [Double]

    var matrix: SparseMatrix {
      SparseMatrix(
        rowCount: rowCount, columnCount: columnCount, rowStarts: rowStarts,
        columnIndices: columnIndices, values: values)
    }
  }

  struct Seeds: Decodable {
    var documentCount: Int
    var weights: CSR
    var singularValues: [Double]
    var leadingTermLoadings: [[Double]]
  }

  struct Recipe: Decodable {
    var rows: Int
    var columns: Int
    var draws: Int
    var seed: UInt64
  }

  struct Generated: Decodable {
    var recipe: Recipe
    var nonZeroCount: Int
    var rank: Int
    var exactSingularValues: [Double]
    var sklearnRandomizedSingularValues: [Double]
  }

  var seeds: Seeds
  var generated: Generated
}
