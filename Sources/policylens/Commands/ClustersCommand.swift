import ArgumentParser
import Clustering
import Foundation
import PolicyLensKit

/// `policylens clusters`: groups of related policies across issues and regions.
struct ClustersCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "clusters",
    abstract: "Group related policies into topic clusters across issues and regions.",
    discussion: """
      Spherical k-means (cosine, k-means++ seeding, several restarts, fixed seed) over the \
      articles' latent vectors; with --auto, k maximises the silhouette (see --explain). \
      --tree builds an average-linkage hierarchy instead and prints it as a topic tree. \
      Each cluster is labelled by class-based TF-IDF terms.

      Examples:
        policylens clusters --auto --explain
        policylens clusters --k 12 --tree
      """)

  @Option(help: ArgumentHelp("Number of clusters (default: chosen by silhouette).", valueName: "n"))
  var k: Int?

  @Flag(help: "Choose the number of clusters by silhouette (the default when --k is not given).")
  var auto = false

  @Flag(help: "Average-linkage hierarchical clustering, printed as a topic tree.")
  var tree = false

  @Flag(help: "Show the silhouette for each candidate number of clusters.")
  var explain = false

  @Option(help: ArgumentHelp("Articles listed per cluster in the table view.", valueName: "n"))
  var articles = 6

  @OptionGroup var modelOptions: ModelOptions
  @OptionGroup var seedOptions: SeedOptions
  @OptionGroup var output: OutputOptions

  func validate() throws {
    if k != nil && auto { throw ValidationError("Give either --k or --auto, not both.") }
    if let k, k < 2 { throw ValidationError("--k must be at least 2; got \(k).") }
    if articles < 0 { throw ValidationError("--articles must be at least 0; got \(articles).") }
  }

  func run() async throws {
    let terminal = Terminal.current
    let model = try PolicyModel.load(from: URL(fileURLWithPath: modelOptions.model))
    let request = ClusterRequest(
      clusterCount: k, method: tree ? .averageLinkage : .sphericalKMeans, seed: seedOptions.seed)
    let result = try model.clusters(request)
    let treeLines = result.tree.map { renderTree($0, labels: result.labels, clusters: result.clusters) } ?? []
    if output.json {
      terminal.line(
        try renderJSON(ClustersDocument(method: request.method, result: result, tree: tree ? treeLines : nil)))
      return
    }
    if explain && !result.silhouetteCurve.isEmpty {
      terminal.line("silhouette by number of clusters (higher is better):")
      let best = result.silhouetteCurve.map(\.silhouette).max() ?? 1
      for candidate in result.silhouetteCurve {
        let bar = String(repeating: "█", count: max(0, Int((candidate.silhouette / max(best, 1e-9)) * 30)))
        let mark = candidate.clusterCount == result.clusters.count ? "  ← chosen" : ""
        terminal.line(
          "  k=\(DisplayWidth.pad("\(candidate.clusterCount)", to: 3)) \(String(format: "%.3f", candidate.silhouette)) \(bar)\(mark)"
        )
      }
      terminal.line()
    }
    let silhouette = result.silhouette.map { String(format: ", silhouette %.3f", $0) } ?? ""
    terminal.line(
      "\(result.clusters.count) clusters of \(model.articles.count) articles (\(tree ? "average linkage" : "spherical k-means")\(silhouette))\n"
    )
    if tree {
      treeLines.forEach { terminal.line($0) }
      terminal.line()
    }
    for cluster in result.clusters {
      terminal.line(
        "[\(cluster.number)] \(cluster.terms.joined(separator: " "))  — \(cluster.articles.count) articles, "
          + "\(cluster.regionCount) regions, \(cluster.issueCount) issues")
      for member in cluster.articles.prefix(articles) {
        let place = member.region + (member.city.map { "·" + $0 } ?? "")
        terminal.line(
          "    \(DisplayWidth.pad(member.id, to: 18)) \(DisplayWidth.pad(place, to: 10)) \(member.date ?? "          ")  \(DisplayWidth.truncate(member.title, to: 56))"
        )
      }
      if cluster.articles.count > articles { terminal.line("    … \(cluster.articles.count - articles) more") }
      terminal.line()
    }
  }

  /// The part of the dendrogram above the cut, leaves labelled by cluster.
  private func renderTree(_ tree: LinkageTree, labels: [Int], clusters: [ArticleCluster]) -> [String] {
    let n = tree.documentCount
    let k = clusters.count
    func anyDocument(_ node: Int) -> Int {
      var node = node
      while node >= n { node = tree.merges[node - n].left }
      return node
    }
    let firstAboveCut = n - k
    var lines: [String] = []
    func visit(_ node: Int, prefix: String, isLast: Bool, isRoot: Bool) {
      let branch = isRoot ? "" : (isLast ? "└─ " : "├─ ")
      let childPrefix = isRoot ? "" : prefix + (isLast ? "   " : "│  ")
      if node >= n, node - n >= firstAboveCut {
        let merge = tree.merges[node - n]
        lines.append(prefix + branch + String(format: "● distance %.2f (%d articles)", merge.distance, merge.size))
        visit(merge.left, prefix: childPrefix, isLast: false, isRoot: false)
        visit(merge.right, prefix: childPrefix, isLast: true, isRoot: false)
      } else {
        let cluster = clusters[labels[anyDocument(node)] - 1]
        lines.append(
          prefix + branch
            + "[\(cluster.number)] \(cluster.terms.prefix(4).joined(separator: " ")) (\(cluster.articles.count))")
      }
    }
    if k == 1 || tree.merges.isEmpty { return [] }
    visit(n + tree.merges.count - 1, prefix: "", isLast: true, isRoot: true)
    return lines
  }
}
