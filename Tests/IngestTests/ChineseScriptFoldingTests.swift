import Foundation
import Testing

@testable import Ingest
import TestSupport

@Suite("ChineseScriptFolding")
struct ChineseScriptFoldingTests {
  @Test("Taiwan and Hong Kong text folds to mainland simplified, line breaks kept")
  func folds() throws {
    let folding = try #require(ChineseScriptFolding.shared, "OpenCC (libopencc) is not installed: run scripts/setup.sh")
    #expect(folding.fold("長三角加速低空經濟產業佈局\n軟體與資訊服務") == "长三角加速低空经济产业布局\n软件与信息服务")
    // Hong Kong variant forms (裏, 綫) fold too.
    #expect(folding.fold("港鐵沿綫") == "港铁沿线")
    #expect(folding.fold("裏面") == "里面")
  }

  @Test("only text that folding changes substantially counts as traditional")
  func detection() throws {
    let folding = try #require(ChineseScriptFolding.shared)
    #expect(folding.foldIfTraditional("長三角加速低空經濟產業佈局") == "长三角加速低空经济产业布局")
    let seed = try String(
      contentsOf: RepositoryPaths.seeds.appendingPathComponent("000_01685ed864da3128.txt"), encoding: .utf8)
    #expect(folding.foldIfTraditional(seed) == nil)
    #expect(ChineseScriptFolding.changedShare(from: seed, to: folding.fold(seed)) < 0.01)
    #expect(folding.foldIfTraditional("ESG 2024") == nil)
  }
}

extension ChineseScriptFoldingTests {
  @Test("a text is judged first by the characters folding changes on their own, without converting it")
  func estimate() throws {
    let folding = try #require(ChineseScriptFolding.shared)
    let simplified = String(repeating: "低空经济产业发展很快。\n", count: 2_000)
    let traditional = String(repeating: "低空經濟產業發展很快。\n", count: 2_000)
    #expect(folding.estimatedShare(of: simplified) == 0)
    // 經 濟 產 業 發 change, 低 空 展 很 快 do not.
    #expect(abs(folding.estimatedShare(of: traditional) - 0.5) < 1e-12)
    #expect(folding.foldIfTraditional(simplified) == nil)
    #expect(folding.foldIfTraditional(traditional) == simplified)
    // Traditional text only at the end of a long file is still found.
    #expect(folding.foldIfTraditional(simplified + traditional.prefix(30_000)) != nil)
    // The seeds, in simplified characters, are far below the share; their folding changes
    // under 1 % of their characters, phrases included.
    for name in try FileManager.default.contentsOfDirectory(atPath: RepositoryPaths.seeds.path) {
      let text = try String(contentsOf: RepositoryPaths.seeds.appendingPathComponent(name), encoding: .utf8)
      #expect(folding.estimatedShare(of: text) < 0.01, "\(name)")
    }
  }
}
