/// Chinese place names: the 34 province-level divisions and the prefecture-level cities of
/// each, plus a few well-known districts and zones that stand for their city (前海 → 深圳).
///
/// Names are stored without the administrative suffix (市, 省, 自治区), which is how titles
/// use them: `深圳推动…`, `广东出台…`.
public enum Gazetteer {
  /// Province-level divisions, short names.
  public static let provinces: [String] = [
    "北京", "天津", "上海", "重庆", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "江苏",
    "浙江", "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "广西", "海南", "四川",
    "贵州", "云南", "西藏", "陕西", "甘肃", "青海", "宁夏", "新疆", "香港", "澳门", "台湾",
  ]

  /// The four municipalities directly under the central government: regions, never cities.
  public static let municipalities: Set<String> = ["北京", "天津", "上海", "重庆"]

  static let citiesByProvince: [(String, String)] = [
    ("河北", "石家庄 唐山 秦皇岛 邯郸 邢台 保定 张家口 承德 沧州 廊坊 衡水 雄安"),
    ("山西", "太原 大同 阳泉 长治 晋城 朔州 晋中 运城 忻州 临汾 吕梁"),
    ("内蒙古", "呼和浩特 包头 乌海 赤峰 通辽 鄂尔多斯 呼伦贝尔 巴彦淖尔 乌兰察布 兴安盟 锡林郭勒 阿拉善"),
    ("辽宁", "沈阳 大连 鞍山 抚顺 本溪 丹东 锦州 营口 阜新 辽阳 盘锦 铁岭 朝阳 葫芦岛"),
    ("吉林", "长春 吉林市 四平 辽源 通化 白山 松原 白城 延边"),
    ("黑龙江", "哈尔滨 齐齐哈尔 鸡西 鹤岗 双鸭山 大庆 伊春 佳木斯 七台河 牡丹江 黑河 绥化 大兴安岭"),
    ("江苏", "南京 无锡 徐州 常州 苏州 南通 连云港 淮安 盐城 扬州 镇江 泰州 宿迁"),
    ("浙江", "杭州 宁波 温州 嘉兴 湖州 绍兴 金华 衢州 舟山 台州 丽水 义乌"),
    ("安徽", "合肥 芜湖 蚌埠 淮南 马鞍山 淮北 铜陵 安庆 黄山 滁州 阜阳 宿州 六安 亳州 池州 宣城"),
    ("福建", "福州 厦门 莆田 三明 泉州 漳州 南平 龙岩 宁德 平潭"),
    ("江西", "南昌 景德镇 萍乡 九江 新余 鹰潭 赣州 吉安 宜春 抚州 上饶"),
    ("山东", "济南 青岛 淄博 枣庄 东营 烟台 潍坊 济宁 泰安 威海 日照 临沂 德州 聊城 滨州 菏泽"),
    ("河南", "郑州 开封 洛阳 平顶山 安阳 鹤壁 新乡 焦作 濮阳 许昌 漯河 三门峡 南阳 商丘 信阳 周口 驻马店 济源"),
    ("湖北", "武汉 黄石 十堰 宜昌 襄阳 鄂州 荆门 孝感 荆州 黄冈 咸宁 随州 恩施 仙桃 潜江 天门"),
    ("湖南", "长沙 株洲 湘潭 衡阳 邵阳 岳阳 常德 张家界 益阳 郴州 永州 怀化 娄底 湘西"),
    ("广东", "广州 韶关 深圳 珠海 汕头 佛山 江门 湛江 茂名 肇庆 惠州 梅州 汕尾 河源 阳江 清远 东莞 中山 潮州 揭阳 云浮"),
    ("广西", "南宁 柳州 桂林 梧州 北海 防城港 钦州 贵港 玉林 百色 贺州 河池 来宾 崇左"),
    ("海南", "海口 三亚 三沙 儋州"),
    ("四川", "成都 自贡 攀枝花 泸州 德阳 绵阳 广元 遂宁 内江 乐山 南充 眉山 宜宾 广安 达州 雅安 巴中 资阳 阿坝 甘孜 凉山"),
    ("贵州", "贵阳 六盘水 遵义 安顺 毕节 铜仁 黔西南 黔东南 黔南"),
    ("云南", "昆明 曲靖 玉溪 保山 昭通 丽江 普洱 临沧 楚雄 红河 文山 西双版纳 大理 德宏 怒江 迪庆"),
    ("西藏", "拉萨 日喀则 昌都 林芝 山南 那曲 阿里"),
    ("陕西", "西安 铜川 宝鸡 咸阳 渭南 延安 汉中 榆林 安康 商洛 杨凌"),
    ("甘肃", "兰州 嘉峪关 金昌 白银 天水 武威 张掖 平凉 酒泉 庆阳 定西 陇南 临夏 甘南"),
    ("青海", "西宁 海东 海西 海北 海南州 黄南 果洛 玉树"),
    ("宁夏", "银川 石嘴山 吴忠 固原 中卫"),
    ("新疆", "乌鲁木齐 克拉玛依 吐鲁番 哈密 昌吉 博尔塔拉 巴音郭楞 阿克苏 克孜勒苏 喀什 和田 伊犁 塔城 阿勒泰 石河子"),
  ]

  /// Districts, zones and nicknames that stand for a city: `前海` → `深圳`.
  static let cityAliases: [String: String] = [
    "前海": "深圳", "南山": "深圳", "福田": "深圳", "宝安": "深圳", "龙华区": "深圳", "河套": "深圳",
    "南沙": "广州", "黄埔": "广州", "横琴": "珠海", "苏州工业园": "苏州", "昆山": "苏州",
    "江北新区": "南京", "西海岸新区": "青岛", "两江新区": "重庆", "天府新区": "成都",
    "鹏城": "深圳", "羊城": "广州", "蓉城": "成都", "吉林市": "吉林",
  ]

  /// City → province.
  ///
  /// Keys are the city's short name (`深圳`), plus aliases (`前海`).
  public static let provinceOfCity: [String: String] = {
    var table: [String: String] = [:]
    for (province, cities) in citiesByProvince {
      for city in cities.split(separator: " ") { table[String(city)] = province }
    }
    for (alias, city) in cityAliases { table[alias] = table[city] ?? city }
    return table
  }()

  /// The canonical city name for a key of ``provinceOfCity`` (`前海` → `深圳`).
  public static func canonicalCity(_ name: String) -> String {
    cityAliases[name] ?? name
  }

  static let provinceSet = Set(provinces)

  /// A place name as scalars, with what it resolves to.
  struct Name: Sendable {
    var scalars: [Unicode.Scalar]
    var region: String
    var city: String?
  }

  /// Place names indexed by their first scalar, longest first, so a scan tries
  /// `苏州工业园` before `苏州` and skips positions no name starts at in O(1).
  static let namesByFirstScalar: [Unicode.Scalar: [Name]] = {
    var index: [Unicode.Scalar: [Name]] = [:]
    for (name, province) in provinceOfCity {
      let scalars = Array(name.unicodeScalars)
      index[scalars[0], default: []].append(Name(scalars: scalars, region: province, city: canonicalCity(name)))
    }
    for province in provinces {
      let scalars = Array(province.unicodeScalars)
      index[scalars[0], default: []].append(Name(scalars: scalars, region: province, city: nil))
    }
    for key in index.keys {
      index[key]?.sort { ($0.scalars.count, $0.city == nil ? 0 : 1) > ($1.scalars.count, $1.city == nil ? 0 : 1) }
    }
    return index
  }()

  /// The earliest name in `text` for which `accept` holds; at each position the longest wins.
  static func firstName(in text: some StringProtocol, where accept: (Name) -> Bool) -> Name? {
    let scalars = Array(text.unicodeScalars)
    for start in scalars.indices {
      guard let candidates = namesByFirstScalar[scalars[start]] else { continue }
      for name in candidates where accept(name) && start + name.scalars.count <= scalars.count {
        if scalars[start..<start + name.scalars.count].elementsEqual(name.scalars) { return name }
      }
    }
    return nil
  }

  /// The earliest place named in `text`, as (region, city); `city` is `nil` for a province or municipality.
  ///
  /// At each position the longest name wins (`苏州工业园` before `苏州`).
  ///
  /// - Complexity: O(*n* × *c*) for *n* scalars and *c* names sharing a first character
  ///   (a handful).
  public static func firstPlace(in text: some StringProtocol) -> (region: String, city: String?)? {
    firstName(in: text) { _ in true }.map { ($0.region, $0.city) }
  }

  /// The earliest prefecture-level city named in `text`, with its province; provinces and
  /// municipalities are skipped (`广东省…落地深圳` → 深圳, 广东).
  ///
  /// - Complexity: as ``firstPlace(in:)``.
  public static func firstCity(in text: some StringProtocol) -> (city: String, region: String)? {
    guard let name = firstName(in: text, where: { $0.city != nil }), let city = name.city else { return nil }
    return (city, name.region)
  }

  /// Resolves a digest title prefix (`北京`, `深圳`, `商务部`) to (region, city).
  ///
  /// Unknown prefixes — ministries, `四部门` — are national: (`全国`, nil).
  public static func place(forPrefix prefix: String) -> (region: String, city: String?) {
    var name = prefix
    for suffix in ["省", "市", "自治区"] where name.hasByteSuffix(suffix) && name.count > 2 {
      name.removeLast(suffix.count)
    }
    if provinceSet.contains(name) { return (name, nil) }
    if let province = provinceOfCity[name] { return (province, canonicalCity(name)) }
    return ("全国", nil)
  }

  /// Areas that span several provinces and stand for a group of places in policy news.
  public static let multiRegionAreas: [String] = [
    "长三角", "长江三角洲", "长三角地区", "珠三角", "粤港澳大湾区", "大湾区", "京津冀", "成渝",
    "成渝地区", "长江经济带", "黄河流域", "中西部", "东北地区", "西部地区", "东部地区", "中部地区",
  ]

  /// Words that point at "this place" without naming it (全市, 本市, 我省 …).
  public static let placeDeictics: [String] = [
    "全市", "本市", "我市", "该市", "全省", "本省", "我省", "该省", "全区", "本区", "我区", "市内",
    "省内", "市委", "市政府", "省委", "省政府", "区委", "区政府", "全国", "各地", "各省",
  ]

  /// Every written form of a place this gazetteer knows, as text uses them: provinces and
  /// cities with and without their suffix (江苏, 江苏省, 苏州, 苏州市), districts and zones
  /// (前海, 浦东), multi-region areas (长三角, 粤港澳大湾区) and deictics (全市, 本省).
  ///
  /// `fit` keeps these out of the similarity vectors by default: a place says where a policy
  /// is, not what it is about, and the article's region and city already record it.
  public static let placeNames: [String] = {
    var names = Set(provinces)
    for province in provinces {
      names.insert(province + (municipalities.contains(province) ? "市" : "省"))
    }
    names.formUnion(["内蒙古自治区", "广西壮族自治区", "西藏自治区", "宁夏回族自治区", "新疆维吾尔自治区"])
    names.formUnion(["香港特别行政区", "澳门特别行政区", "浦东", "浦东新区", "临港", "临港新片区", "雄安新区"])
    for name in provinceOfCity.keys {
      names.insert(name)
      if !name.hasByteSuffix("市") && !name.hasByteSuffix("区") { names.insert(name + "市") }
    }
    names.formUnion(multiRegionAreas)
    names.formUnion(placeDeictics)
    return names.sorted()
  }()

  /// Every place named in `text`, in order of first mention, without repeats; at each
  /// position the longest name wins.
  ///
  /// - Complexity: O(*n* × *c*), as ``firstPlace(in:)``.
  public static func places(in text: some StringProtocol) -> [(region: String, city: String?)] {
    let scalars = Array(text.unicodeScalars)
    var found: [(region: String, city: String?)] = []
    var start = 0
    while start < scalars.count {
      var matched = 1
      if let candidates = namesByFirstScalar[scalars[start]] {
        for name in candidates where start + name.scalars.count <= scalars.count {
          if scalars[start..<start + name.scalars.count].elementsEqual(name.scalars) {
            if !found.contains(where: { $0.region == name.region && $0.city == name.city }) {
              found.append((name.region, name.city))
            }
            matched = name.scalars.count
            break
          }
        }
      }
      start += matched
    }
    return found
  }
}
