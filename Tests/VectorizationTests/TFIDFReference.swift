import LinearAlgebra
import Vectorization

/// The fixture written by scripts/numeric_fixtures.py: scikit-learn's weights.
struct TFIDFReference: Decodable {
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

  struct Bound: Decodable {
    var count: Int?
    var proportion: Double?
    var value: DocumentFrequencyBound {
      if let count { .count(count) } else { .proportion(proportion ?? 1) }
    }
  }

  struct Options: Decodable {
    var sublinearTermFrequency: Bool
    var smoothIDF: Bool
    var useIDF: Bool
    var norm: String
    var minimumDocumentFrequency: Bound
    var maximumDocumentFrequency: Bound
    var maximumFeatures: Int?

    var value: TFIDFOptions {
      TFIDFOptions(
        sublinearTermFrequency: sublinearTermFrequency, smoothIDF: smoothIDF, useIDF: useIDF,
        norm: TFIDFOptions.Normalization(rawValue: norm) ?? .l2,
        minimumDocumentFrequency: minimumDocumentFrequency.value,
        maximumDocumentFrequency: maximumDocumentFrequency.value, maximumFeatures: maximumFeatures)
    }
  }

  struct Case: Decodable {
    var name: String
    var options: Options
    var terms: [String]
    var documentFrequency: [Int]
    var inverseDocumentFrequency: [Double]?
    var weights: CSR
    var transformDocuments: [[String]]?
    var transformWeights: CSR?
  }

  var documents: [String: [[String]]]
  var cases: [Case]
}
