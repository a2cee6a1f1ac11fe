import Foundation
import ModelStore
import Testing

@Suite("ModelFile segment names")
struct ModelFileTests {
  @Test("every file that takes segments names them and reads its names back", arguments: ModelFile.allCases)
  func roundTrip(file: ModelFile) {
    guard file.takesSegments else {
      #expect(file.partNames(segmentCount: 3) == [file.name])
      return
    }
    for number in [1, 2, 10, 123] {
      let name = file.segmentName(number)
      #expect(ModelFile.segment(named: name)?.file == file)
      #expect(ModelFile.segment(named: name)?.number == number)
      #expect(ModelFile.isModelFileName(name))
    }
    #expect(file.partNames(segmentCount: 2) == [file.name, file.segmentName(1), file.segmentName(2)])
  }

  @Test("the segment names of the CSR row offsets and the articles read as documented")
  func spelling() {
    #expect(ModelFile.articles.segmentName(1) == "articles.seg-1.jsonl")
    #expect(ModelFile.tfidfRowStarts.segmentName(12) == "tfidf_indptr.seg-12.npy")
  }

  @Test(
    "other names are no segments",
    arguments: [
      "articles.seg-0.jsonl", "articles.seg-01.jsonl", "articles.seg-x.jsonl", "idf.seg-1.npy", "notes.seg-1.txt",
      "articles.jsonl", "articles.seg-1.txt", "articles.seg-.jsonl",
    ])
  func notSegments(name: String) {
    #expect(ModelFile.segment(named: name) == nil)
  }

  @Test("a model folder with segments may be replaced; a stray file beside them is refused")
  func replaceable() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("model-file-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: url) }
    for name in ["manifest.json", "articles.jsonl", "articles.seg-1.jsonl", "tfidf_data.seg-2.npy"] {
      try Data("x".utf8).write(to: url.appendingPathComponent(name))
    }
    try ModelDirectory.checkReplaceable(url)
    try Data("x".utf8).write(to: url.appendingPathComponent("idf.seg-1.npy"))
    #expect(throws: ModelStoreError.self) { try ModelDirectory.checkReplaceable(url) }
  }
}
