/// Stop-word lists for Chinese policy news.
///
/// ``policyNews`` holds three groups, each chosen because the words carry no topic in a
/// newsletter of policy summaries:
///
/// 1. Function words: particles, pronouns, conjunctions, prepositions, adverbs of degree
///    and sequence (`的 了 和 在 等 及 与 对 将 把 被 其 这 那 也 都 而 或 以 为 于 从 向`,
///    `一是 二是`, `我们 他们`, `进一步`, `不断`). Most are one character and would go with
///    the single-character filter anyway; they are listed so that keeping single characters
///    still drops them.
/// 2. Reporting verbs and time fillers of news prose (`近日 日前 目前 据悉 表示 指出 认为
///    提到 强调 显示`): every article has them.
/// 3. Newsletter boilerplate from the masthead and imprint (`主办 编辑 统筹 电话 传真 网址
///    地址 来源 资料来源 研究院 微信`).
/// 4. English function words (`the of and to in for on with by`), for mixed text.
///
/// Deliberately **kept**: `印发` (issued), `方案` (plan), `意见` (opinions), `通知` (notice),
/// `条例` (regulation), `发布` and `出台`. They are frequent, but they separate reports of
/// new policy documents from commentary and statistics, which theme tagging and the
/// "what was issued when" timeline need; TF-IDF already down-weights terms that occur in
/// most articles, so keeping them costs little. Verbs of policy action (`推动 加快 支持`)
/// are kept for the same reason. Analysts who disagree pass their own list in
/// ``TextAnalysisOptions/stopWords``; the list used is recorded in the model.
public enum StopWords {
  /// The default list for policy newsletters, sorted, normalised (NFKC, lower case).
  public static let policyNews: [String] = Array(
    Set(
      """
      的 地 得 之 了 着 过 吗 呢 吧 啊 呀 嘛 哦 么 和 与 及 以及 并 并且 而 而且 或 或者 还是 但 但是 然而 \
      可是 不过 因为 所以 因此 因而 由于 如果 假如 即使 虽然 尽管 只要 只有 除了 除非 无论 不论 不管 \
      在 于 对 对于 关于 将 把 被 让 给 向 从 自 自从 由 经 经过 按 按照 依照 根据 通过 为 为了 以 以便 \
      至 到 至于 随着 就 才 又 也 都 还 再 更 最 很 太 较 比较 非常 十分 极 已 已经 曾 曾经 正 正在 \
      将要 会 能 能够 可 可以 可能 应 应该 应当 须 必须 要 需要 得以 该 此 这 那 这些 那些 这个 那个 这样 \
      那样 这种 那种 这里 那里 其 其中 其他 其它 其余 各 各类 各种 各项 每 某 某些 本 该项 之一 之间 之后 \
      之前 以上 以下 以来 以及 以外 之外 我 我们 你 你们 他 他们 她 她们 它 它们 自己 大家 咱们 谁 什么 \
      怎么 怎样 如何 为何 哪 哪些 哪里 多少 几 是 不是 有 没有 无 不 没 非 是否 等 等等 等方面 方面 \
      一 一个 一些 一种 一是 二是 三是 四是 五是 六是 首先 其次 再次 最后 另外 此外 同时 同样 并且 还有 \
      进一步 不断 持续 继续 一直 始终 均 皆 即 便 乃 则 亦 且 即可 也是 就是 只是 还是 总之 例如 比如 \
      如 像 诸如 上 下 中 内 外 前 后 里 间 个 项 次 名 位 家 条 起 所 所以 所有 全部 一切 任何 \
      近日 日前 目前 当前 此前 今年 去年 明年 近年来 近期 日前 据悉 据了解 据介绍 据统计 表示 指出 认为 \
      提到 强调 显示 介绍 称 透露 报道 记者 消息 \
      主办 编辑 统筹 电话 传真 网址 地址 来源 资料来源 信息来源 研究院 微信 总第 编审 主编 副主编 \
      a an the of and or to in on at by for with from as is are was were be been this that these those \
      it its into than then also not no
      """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
    )
  ).sorted()
}
