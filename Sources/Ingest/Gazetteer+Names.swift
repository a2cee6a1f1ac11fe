extension Gazetteer {
  /// Pinyin of the province-level divisions and of major cities, lower case without tones or
  /// spaces (`jiangsu` → 江苏, `suzhou` → 苏州).
  ///
  /// Where two places share a spelling the better-known one wins (`suzhou` is 苏州, not 宿州);
  /// spellings shared by places of similar standing (`taizhou`: 泰州, 台州) are left out.
  public static let pinyinNames: [String: String] = {
    let provinces =
      "beijing 北京 tianjin 天津 shanghai 上海 chongqing 重庆 hebei 河北 shanxi 山西 neimenggu 内蒙古 "
      + "innermongolia 内蒙古 liaoning 辽宁 jilin 吉林 heilongjiang 黑龙江 jiangsu 江苏 zhejiang 浙江 anhui 安徽 "
      + "fujian 福建 jiangxi 江西 shandong 山东 henan 河南 hubei 湖北 hunan 湖南 guangdong 广东 guangxi 广西 "
      + "hainan 海南 sichuan 四川 guizhou 贵州 yunnan 云南 xizang 西藏 tibet 西藏 shaanxi 陕西 gansu 甘肃 "
      + "qinghai 青海 ningxia 宁夏 xinjiang 新疆 xianggang 香港 hongkong 香港 aomen 澳门 macao 澳门 macau 澳门 "
      + "taiwan 台湾"
    let cities =
      "shenzhen 深圳 guangzhou 广州 suzhou 苏州 nanjing 南京 hangzhou 杭州 ningbo 宁波 wuxi 无锡 "
      + "changzhou 常州 nantong 南通 xuzhou 徐州 yangzhou 扬州 hefei 合肥 wuhan 武汉 changsha 长沙 "
      + "chengdu 成都 xian 西安 zhengzhou 郑州 jinan 济南 qingdao 青岛 yantai 烟台 xiamen 厦门 "
      + "fuzhou 福州 quanzhou 泉州 dongguan 东莞 foshan 佛山 zhuhai 珠海 huizhou 惠州 zhongshan 中山 "
      + "shijiazhuang 石家庄 xiongan 雄安 taiyuan 太原 shenyang 沈阳 dalian 大连 changchun 长春 "
      + "haerbin 哈尔滨 harbin 哈尔滨 nanchang 南昌 kunming 昆明 guiyang 贵阳 nanning 南宁 haikou 海口 "
      + "sanya 三亚 lanzhou 兰州 xining 西宁 yinchuan 银川 wulumuqi 乌鲁木齐 urumqi 乌鲁木齐 lasa 拉萨 "
      + "lhasa 拉萨 huhehaote 呼和浩特 jiaxing 嘉兴 shaoxing 绍兴 wenzhou 温州 jinhua 金华 huzhou 湖州 "
      + "yiwu 义乌 wuhu 芜湖 luoyang 洛阳 yichang 宜昌 xiangyang 襄阳 mianyang 绵阳 zunyi 遵义 "
      + "tangshan 唐山 baoding 保定 langfang 廊坊 weifang 潍坊 linyi 临沂 zibo 淄博 shantou 汕头 "
      + "zhanjiang 湛江 jiangmen 江门 zhaoqing 肇庆 liuzhou 柳州 guilin 桂林 qianhai 前海"
    var table: [String: String] = [:]
    for list in [provinces, cities] {
      let words = list.split(separator: " ").map(String.init)
      for index in stride(from: 0, to: words.count - 1, by: 2) { table[words[index]] = words[index + 1] }
    }
    return table
  }()

  /// Labels that stand for several places or none (roundups): valid regions of an article.
  public static let multiRegionLabels: [String] = ["区域", "全国", "国际"]

  /// The place a name stands for, as people write it.
  ///
  /// `江苏` and `江苏省` and `Jiangsu` are the province 江苏; `苏州`, `苏州市` and `Suzhou` are the
  /// city 苏州 in 江苏; `上海市` is the municipality 上海; `前海` is 深圳. The labels 区域, 全国
  /// and 国际 stand for themselves.
  ///
  /// Pinyin is matched without case, spaces, hyphens or apostrophes (`Hong Kong`, `xi'an`), and
  /// may end in a suffix (`Suzhou Shi`, `Jiangsu Sheng`).
  ///
  /// - Returns: (region, city), `city` `nil` for a province or municipality; `nil` when the
  ///   name is not a place this gazetteer knows.
  public static func place(named name: String) -> (region: String, city: String?)? {
    let trimmed = name.trimmingWhitespace()
    guard !trimmed.isEmpty else { return nil }
    if multiRegionLabels.contains(trimmed) { return (trimmed, nil) }
    if let chinese = pinyinNames[pinyinKey(trimmed)] { return place(named: chinese) }
    if provinceSet.contains(trimmed) { return (trimmed, nil) }
    if let province = provinceOfCity[trimmed] { return (province, canonicalCity(trimmed)) }
    let suffixes = [
      "壮族自治区", "回族自治区", "维吾尔自治区", "特别行政区", "自治区", "新区", "省", "市", "区",
    ]
    for suffix in suffixes where trimmed.hasByteSuffix(suffix) && trimmed.count > suffix.count + 1 {
      let stem = String(trimmed.dropLast(suffix.count))
      if provinceSet.contains(stem) { return (stem, nil) }
      if let province = provinceOfCity[stem] { return (province, canonicalCity(stem)) }
    }
    return nil
  }

  /// Known place names closest to `name` (by edit distance), for "did you mean" messages;
  /// pinyin input gets pinyin suggestions with their Chinese names (`Jiangxi (江西)`).
  public static func suggestions(for name: String, count: Int = 3) -> [String] {
    let trimmed = name.trimmingWhitespace()
    let isLatin = trimmed.unicodeScalars.allSatisfy(\.isASCII)
    let candidates: [(shown: String, key: String)] =
      isLatin
      ? pinyinNames.map { ("\($0.key.prefix(1).uppercased() + $0.key.dropFirst()) (\($0.value))", $0.key) }
      : (provinces + provinceOfCity.keys.sorted() + multiRegionLabels).map { ($0, $0) }
    let key = isLatin ? pinyinKey(trimmed) : trimmed
    let ranked = candidates.map { ($0.shown, EditDistance.between($0.key, key)) }
      .filter { $0.1 <= max(1, key.count / 2) }
      .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
    var seen: Set<String> = []
    return ranked.map(\.0).filter { seen.insert($0).inserted }.prefix(count).map { $0 }
  }

  /// Lower case ASCII without spaces, hyphens, apostrophes or a trailing `shi`/`sheng`.
  static func pinyinKey(_ text: String) -> String {
    var key = String(text.lowercased().filter { $0 != " " && $0 != "-" && $0 != "'" && $0 != "’" })
    for suffix in ["sheng", "shi", "province", "city"] where key.hasSuffix(suffix) && key.count > suffix.count + 2 {
      let stem = String(key.dropLast(suffix.count))
      if pinyinNames[stem] != nil { key = stem }
    }
    return key
  }
}

extension String {
  fileprivate func trimmingWhitespace() -> String {
    String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
  }
}
