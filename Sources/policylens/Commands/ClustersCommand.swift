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
      The consensus of 200 spherical k-means runs (cosine, k drawn from 2…20, fixed seed) over \
      the articles' leading 20 latent dimensions: articles that the runs put together in at \
      least 30% of runs form a cluster, so k stops where the agreement stops; articles the runs \
      don't agree on, and groups under 3 articles, are listed as unclustered. Stability is the \
      adjusted Rand index between the clusterings of 5 seeds. --tree builds an average-linkage \
      hierarchy instead, cut into as many clusters as the consensus finds (or --k), and prints \
      it as a topic tree. Each \
      cluster is labelled by class-based TF-IDF terms without places or policy-form words.

      Examples:
        policylens clusters --articles 3
        policylens clusters --k 12 --tree
      """)

  @Option(help: ArgumentHelp("Number of clusters (default: where the k-means runs stop agreeing).", valueName: "n"))
  var k: Int?

  @Flag(help: "Choose the number of clusters automatically (the default when --k is not given).")
  var auto = false

  @Flag(help: "Average-linkage hierarchical clustering, printed as a topic tree.")
  var tree = false

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
    let model = try PolicyModel.load(from: URL(fileURLWithPath: modelOptions.model), articleText: false)
    let request = ClusterRequest(
      clusterCount: k, method: tree ? .averageLinkage : .sphericalKMeans, seed: seedOptions.seed,
      stabilitySeedCount: tree ? 0 : 5)
    let result = try model.clusters(request)
    let treeLines =
      result.tree.map { renderTree($0, leafRows: result.treeRows, labels: result.labels, clusters: result.clusters) }
      ?? []
    if output.json {
      terminal.line(
        try renderJSON(ClustersDocument(method: request.method, result: result, tree: tree ? treeLines : nil)))
      return
    }
    // On a sampled consensus (over 2,000 articles) both figures are estimates; lines stay
    // within 80 columns.
    let silhouette =
      result.silhouette.map {
        String(format: ", silhouette %.3f", $0)
          + (result.silhouetteStandardError.map { String(format: " ± %.3f", $0) } ?? "")
          + (result.silhouetteArticleCount.map { " estimated on \($0) articles" } ?? "")
      } ?? ""
    let method = tree ? "average linkage" : "consensus of k-means runs"
    terminal.line(
      "\(result.clusters.count) clusters of \(model.articles.count) articles, \(result.unclustered.count) unclustered")
    terminal.line("method: \(method)\(silhouette)")
    if let stability = result.stability {
      terminal.line(
        (stability.articleCount.map {
          "stability: ARI over \(stability.seeds.count) seeds, estimated on \($0) articles: "
        }
          ?? "stability: adjusted Rand index over \(stability.seeds.count) seeds: ")
          + String(
            format: "mean %.3f, min %.3f", stability.meanAdjustedRandIndex, stability.minimumAdjustedRandIndex))
    }
    terminal.line()
    if tree {
      treeLines.forEach { terminal.line($0) }
      terminal.line()
    }
    let idWidth =
      (result.clusters.flatMap { $0.articles.prefix(articles) } + result.unclustered.prefix(articles))
      .map { DisplayWidth.of($0.id) }.max() ?? 0
    func line(_ member: ArticleCluster.Member) {
      let place = member.region + (member.city.map { "·" + $0 } ?? "")
      let lead =
        "    \(DisplayWidth.pad(member.id, to: idWidth)) \(DisplayWidth.pad(place, to: 10)) \(member.date ?? "          ")  "
      let room = terminal.width.map { max(16, $0 - DisplayWidth.of(lead)) } ?? 56
      terminal.line(lead + DisplayWidth.truncate(member.title, to: min(56, room)))
    }
    for cluster in result.clusters {
      terminal.line(
        "[\(cluster.number)] \(cluster.terms.joined(separator: " "))  — \(counted(cluster.articles.count, "article")), "
          + "\(counted(cluster.regionCount, "region")), \(counted(cluster.issueCount, "issue"))")
      for member in cluster.articles.prefix(articles) { line(member) }
      if cluster.articles.count > articles { terminal.line("    … \(cluster.articles.count - articles) more") }
      terminal.line()
    }
    if !result.unclustered.isEmpty {
      terminal.line("[unclustered] — \(counted(result.unclustered.count, "article")) in no cluster")
      for member in result.unclustered.prefix(articles) { line(member) }
      if result.unclustered.count > articles { terminal.line("    … \(result.unclustered.count - articles) more") }
      terminal.line()
    }
  }

  /// "1 article", "3 articles".
  private func counted(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }

  /// The part of the dendrogram above the cut, leaves labelled by cluster (leaf *i* is article
  /// `leafRows[i]` when the tree was built on a sample).
  private func renderTree(_ tree: LinkageTree, leafRows: [Int]?, labels: [Int?], clusters: [ArticleCluster])
    -> [String]
  {
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
        let leaf = anyDocument(node)
        let cluster = clusters[(labels[leafRows?[leaf] ?? leaf] ?? 1) - 1]
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
