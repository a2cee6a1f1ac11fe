import Testing

@testable import Ingest

@Suite("Gazetteer")
struct GazetteerTests {
  @Test(
    "maps cities and zones to their province",
    arguments: [
      ("深圳推动融资租赁", "深圳", "广东"), ("前海发布措施", "深圳", "广东"), ("苏州工业园区发布", "苏州", "江苏"),
      ("广州修订开发区条例", "广州", "广东"), ("常州发布条例", "常州", "江苏"), ("厦门：政策再加码", "厦门", "福建"),
      ("成都印发计划", "成都", "四川"), ("西海岸新区入围", "青岛", "山东"),
    ])
  func cities(text: String, city: String, province: String) throws {
    let found = try #require(Gazetteer.firstCity(in: text))
    #expect(found.city == city)
    #expect(found.region == province)
  }

  @Test("resolves digest prefixes: provinces, cities, and ministries as 全国")
  func prefixes() {
    #expect(Gazetteer.place(forPrefix: "北京") == ("北京", nil))
    #expect(Gazetteer.place(forPrefix: "深圳") == ("广东", "深圳"))
    #expect(Gazetteer.place(forPrefix: "深圳市") == ("广东", "深圳"))
    for ministry in ["商务部", "国务院", "四部门", "央行", "国办"] {
      #expect(Gazetteer.place(forPrefix: ministry) == ("全国", nil))
    }
  }

  @Test("every city belongs to a listed province, and every mainland province has cities")
  func tableIsConsistent() {
    let provinces = Set(Gazetteer.provinces)
    #expect(Gazetteer.provinces.count == 34)
    #expect(Gazetteer.provinceOfCity.values.allSatisfy { provinces.contains($0) })
    let covered = Set(Gazetteer.provinceOfCity.values)
    for province in provinces.subtracting(Gazetteer.municipalities).subtracting(["香港", "澳门", "台湾"]) {
      #expect(covered.contains(province), "\(province) has no cities")
    }
    #expect(Gazetteer.provinceOfCity.count >= 330)
  }

  @Test("does not report provinces as cities")
  func provincesAreNotCities() {
    #expect(Gazetteer.firstCity(in: "广东出台文件") == nil)
    #expect(Gazetteer.firstCity(in: "上海率先为人形机器人立标准") == nil)
  }
}
