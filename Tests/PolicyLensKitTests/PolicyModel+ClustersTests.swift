import Clustering
import PolicyLensKit
import Testing
import TestSupport

@Suite("Clusters of the seeds model")
struct PolicyModelClustersTests {
  /// Invariants every clustering result keeps, whatever the model's answer.
  func expectWellOrdered(_ result: ClusteringResult, articleCount: Int) {
    #expect(result.clusters.map(\.number) == Array(1...result.clusters.count))
    let sizes = result.clusters.map(\.articles.count)
    #expect(sizes == sizes.sorted(by: >), "clusters are not numbered by size: \(sizes)")
    #expect(result.labels.count == articleCount)
    #expect(sizes.reduce(0, +) + result.unclustered.count == articleCount)
    #expect(result.labels.filter { $0 == nil }.count == result.unclustered.count)
    let ids = SeedModel.model.articles.map(\.id)
    for cluster in result.clusters {
      let similarities = cluster.articles.map(\.similarity)
      #expect(similarities == similarities.sorted(by: >), "cluster \(cluster.number) is not by closeness")
      for member in cluster.articles {
        let row = ids.firstIndex(of: member.id) ?? -1
        #expect(row >= 0 && result.labels[row] == cluster.number)
      }
    }
  }

  /// The one rule: k is the number of clusters the consensus of k-means runs finds.
  func expectRuleChose(_ result: ClusteringResult, model: PolicyModel) throws {
    let consensus = try model.clusters(ClusterRequest(seed: 42))
    #expect(result.clusters.count == consensus.clusters.count)
  }

  @Test("k-means consensus: numbered by size, members by closeness, labels without places or form words")
  func kMeans() throws {
    let model = SeedModel.model
    let result = try model.clusters(ClusterRequest(seed: 42))
    expectWellOrdered(result, articleCount: model.articles.count)
    #expect(result.tree == nil && result.stability == nil)
    // k is where the runs stop agreeing, not the top of the 2…20 range of each run's k.
    #expect((2..<20).contains(result.clusters.count))
    #expect(result.unclustered.count < model.articles.count / 4)
    let forbidden = Set(FitOptions.policyInstrumentWords).union(["深圳", "浙江", "上海", "北京", "广东", "江苏"])
    for cluster in result.clusters {
      #expect(!cluster.terms.isEmpty && cluster.terms.allSatisfy { !forbidden.contains($0) }, "\(cluster.terms)")
      for (i, a) in cluster.terms.enumerated() {
        for b in cluster.terms[(i + 1)...] { #expect(!a.contains(b) && !b.contains(a), "\(cluster.terms)") }
      }
    }
  }

  @Test("stability over 5 seeds: the adjusted Rand index is at least 0.8")
  func stability() throws {
    let result = try SeedModel.model.clusters(ClusterRequest(seed: 42, stabilitySeedCount: 5))
    let stability = try #require(result.stability)
    #expect(stability.seeds == [42, 43, 44, 45, 46])
    #expect(stability.minimumAdjustedRandIndex <= stability.meanAdjustedRandIndex)
    #expect(stability.meanAdjustedRandIndex >= 0.8)
  }

  @Test("the tree is cut into as many clusters as the consensus finds, and a fixed cut is numbered the same way")
  func treeCut() throws {
    let model = SeedModel.model
    let chosen = try model.clusters(ClusterRequest(method: .averageLinkage))
    expectWellOrdered(chosen, articleCount: model.articles.count)
    try expectRuleChose(chosen, model: model)
    let tree = try #require(chosen.tree)
    #expect(tree.documentCount == model.articles.count)
    let cut = try tree.labels(clusterCount: chosen.clusters.count)
    // The same partition as the tree's own cut, renumbered by size.
    var mapping: [Int: Int] = [:]
    for (raw, number) in zip(cut, chosen.labels.map { $0 ?? 0 }) {
      #expect(mapping[raw, default: number] == number)
      mapping[raw] = number
    }
    let fixed = try model.clusters(ClusterRequest(clusterCount: 8, method: .averageLinkage))
    #expect(fixed.clusters.count == 8)
    #expect(fixed.silhouette != nil)
    expectWellOrdered(fixed, articleCount: model.articles.count)
  }

  @Test("more clusters than articles is a QueryError for either method")
  func tooMany() {
    let n = SeedModel.model.articles.count
    for method in ClusterMethod.allCases {
      #expect(throws: QueryError.tooManyClusters(requested: n + 1, articleCount: n)) {
        try SeedModel.model.clusters(ClusterRequest(clusterCount: n + 1, method: method))
      }
    }
  }
}

@Suite("Clusters of the seeds model on a consensus sample")
struct PolicyModelSampledClustersTests {
  @Test("the default request votes on every seed article; the silhouette is not an estimate")
  func unsampled() throws {
    let result = try SeedModel.model.clusters(ClusterRequest(seed: 42, stabilitySeedCount: 2))
    #expect(result.silhouetteArticleCount == nil && result.stability?.articleCount == nil)
  }

  @Test("a sample smaller than the corpus: every article placed, silhouette and ARI estimated on the sample")
  func sampled() throws {
    let model = SeedModel.model
    let sampleSize = model.articles.count / 2
    let result = try model.clusters(
      ClusterRequest(seed: 42, consensus: ConsensusOptions(sampleSize: sampleSize), stabilitySeedCount: 2))
    #expect(result.labels.count == model.articles.count)
    #expect(result.clusters.map(\.articles.count).reduce(0, +) + result.unclustered.count == model.articles.count)
    let estimatedOn = try #require(result.silhouetteArticleCount)
    #expect(estimatedOn <= sampleSize && estimatedOn > 0)
    #expect(result.stability?.articleCount == sampleSize)
  }
}
