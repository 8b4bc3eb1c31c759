/**
 * Words that say nothing about what a suggestion is about, so they never become keywords. Curated for the
 * practice's own texts, not copied from a general list: besides function words (的, 了, 和), the words every
 * suggestion uses whatever its subject (建议, 希望, 反映, 问题, 有关部门, 尽快) — counted, they would top every week.
 * Single characters, numbers and punctuation are dropped by rule (keywords.ts), so they are not listed here.
 */
const chinese = `
我们 你们 他们 她们 它们 大家 自己 咱们 本人 我家 我们家 这个 那个 这些 那些 这里 那里 这边 那边 这样 那样 这么 那么 这种 那种
这次 那次 哪里 哪些 什么 怎么 怎样 如何 为何 为什么 多少 是否 能否 可否 有没有 是不是 能不能 可不可以
一个 一些 一下 一点 一直 一起 一样 一般 一定 一次 两个 几个 几次 多次 每次 每天 每年 每月 有些 有的 所有 任何 各种 各位 各个
已经 曾经 正在 还是 还有 还要 就是 只是 但是 可是 不过 而且 并且 或者 以及 因为 所以 因此 如果 虽然 然后 于是 而是 不是 没有
可以 能够 需要 应该 应当 必须 可能 也许 或许 希望 建议 请求 恳请 呼吁 要求 盼望 期待 请问 麻烦 谢谢 感谢 您好 你好
问题 情况 方面 事情 东西 地方 时候 时间 现在 目前 最近 近期 近日 今天 昨天 明天 今年 去年 以前 之前 以后 之后 当时 同时 其中 其他 其它
非常 特别 比较 十分 相当 更加 越来越 很多 许多 不少 大量 不断 经常 总是 常常 往往 一再 多年 长期 严重 明显
进行 开展 加强 做好 解决 处理 落实 推进 考虑 关注 重视 反映 反应 提出 发现 存在 出现 造成 导致 影响 带来 发生
有关 相关 有关部门 相关部门 政府 部门 领导 市民 居民 群众 老百姓 百姓 大家伙
尽快 及时 马上 立即 早日 赶紧 务必 切实 真正 确实 实在 的确 其实 当然 终于 还是 仍然 依然 甚至 至少 大约 左右
以上 以下 之间 之中 之类 等等 方便 一方面 另一方面 通过 根据 按照 对于 关于 由于 为了 作为 除了 以便 以免
`;

const english = `
a an the and or but if then else of to in on at by for with from as is are was were be been being it its this that these those
i you he she we they me my our your their them his her not no yes do does did so very can could should would will just also
please thanks thank hello hi
`;

export const stopWords: ReadonlySet<string> = new Set([...chinese.split(/\s+/), ...english.split(/\s+/)].filter(Boolean));
