/** The public case library's strings (zh-CN): citizen side, registered with the citizen strings (./index.ts). */
export const casesZhCN = {
  'nav.cases': '金点子',
  'cases.heading': '金点子 · 案例库',
  'cases.intro': '这些建议已被采纳并转化运用。感谢每一位提出建议的市民。',
  'cases.filters': '筛选',
  'cases.campaign': '专题征集',
  'cases.anyCampaign': '全部专题',
  'cases.category': '类别',
  'cases.anyCategory': '全部类别',
  'cases.show': '查看',
  'cases.none': '暂时还没有入选案例库的建议。',
  'cases.more': '加载更多',
  'cases.outcome': '转化运用情况',
  'cases.updates': '后续进展',
  'cases.adoptedBy': '{department} 于 {date} 采纳',
  'cases.creditedTo': '建议人：{name}',
  'cases.resident': '建议人：一位市民',
  'cases.evidence': '查看公开报道',
  'cases.inCampaign': '来自专题：{title}',
  'cases.submitCta': '您也有好点子？',
  'cases.submitLink': '提出建议',
  'cases.creditConsent': '在案例库中署名',
  'cases.creditConsentHint': '如果您的建议被采纳并选入“金点子”案例库，将以您填写的姓名署名；不勾选则显示为“一位市民”。',
} as const;

export type CasesKey = keyof typeof casesZhCN;
