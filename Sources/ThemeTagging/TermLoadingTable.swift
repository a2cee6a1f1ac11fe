import LinearAlgebra

/// The term loadings *V* (*terms × k*) a ``ThemeTagger`` builds its themes' latent vectors from.
///
/// The tagger reads only the rows of its themes' terms, so a model's loadings file can serve in
/// place instead of being copied into a `Matrix` first (166 MB at 100k articles).
public protocol TermLoadingTable {
  /// Terms (rows).
  var rowCount: Int { get }
  /// Latent dimensions (columns).
  var columnCount: Int { get }
  /// The loading of term `row` on dimension `column`.
  subscript(row: Int, column: Int) -> Double { get }
}

extension Matrix: TermLoadingTable {}
