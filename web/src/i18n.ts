/**
 * The web app's own strings, in zh-CN (default) and en, and the current-language store. Field rules, status and
 * action names come from the shared messages (the API uses the same), so `t` looks in both dictionaries.
 * A missing translation is a type error: `en` must have every key of `zhCN`.
 */
import { useEffect, useState } from 'preact/hooks';
import {
  defaultLocale,
  isMessageKey,
  locales,
  translate,
  type Locale,
  type MessageKey,
  type MessageParams,
} from '../../shared/domain/i18n/messages';

const zhCN = {
  'app.name': '建议',
  'app.tagline': '人民建议征集',
  'app.footer': '您的每一条建议都会被登记、转办并答复。',
  'nav.skip': '跳到正文',
  'nav.label': '主导航',
  'nav.submit': '提建议',
  'nav.track': '查进度',
  'nav.staff': '工作台',
  'nav.outbox': '发件箱',
  'lang.switch': 'English',
  'lang.switchLabel': '切换为英文界面',

  'common.loading': '正在加载…',
  'common.optional': '选填',
  'common.yes': '是',
  'common.no': '否',
  'common.copy': '复制',
  'common.copied': '已复制{what}',
  'common.copyFailed': '无法自动复制，请长按或手动选中后复制',
  'common.summaryHeading': '请修正以下问题',
  'common.notFoundPage': '没有这个页面。',
  'common.home': '返回首页',
  'common.crashed': '页面出错了。您填写的内容可能没有提交，请刷新页面后重试。',
  'common.reload': '刷新页面',

  'net.error': '网络连接失败，请检查网络后重试。',
  'net.unexpected': '服务器返回了意外的响应（{status}），请稍后再试。',

  'submit.heading': '提出您的建议',
  'submit.intro': '您的建议会在 1 个工作日内完成筛查，并转交负责的部门办理和答复。',
  'submit.campaign': '本建议将提交至专题征集：{id}',
  'submit.titleHint': '一句话概括，最多 {max} 字',
  'submit.contentHint': '说清问题、地点和您的建议',
  'submit.count': '已输入 {count} / {max} 字',
  'submit.countOver': '已超出 {over} 字',
  'submit.categoryPlaceholder': '请选择类别',
  'submit.addressHint': '如街道、小区或路口',
  'submit.contactLegend': '联系方式（选填）',
  'submit.contactHint':
    '留下手机号或邮箱，可收到受理告知和答复。不留也可以提交，但请保存好查询码和查询密码。',
  'submit.consent': '我同意工作人员使用以上联系方式，就本建议与我联系',
  'submit.privacy': '联系方式仅用于办理本建议；工作人员每次查看完整联系方式都会被记录。',
  'submit.button': '提交建议',
  'submit.sending': '正在提交…',
  'submit.networkError': '网络连接失败，请再点一次“提交建议”。重复提交不会产生两条建议。',

  'receipt.heading': '建议已提交',
  'receipt.saveWarning': '请立即保存查询码和查询密码。查询密码只显示这一次，之后无法找回。',
  'receipt.due': '我们将在 {date} 前完成筛查。',
  'receipt.sent': '受理告知已发送到您留下的手机或邮箱。',
  'receipt.notSent': '未发送受理告知，请自行保存查询码和查询密码（可截图）。',
  'receipt.status': '当前状态：{status}',
  'receipt.track': '查询办理进度',
  'receipt.another': '再提一条建议',
  'receipt.none': '这里没有刚提交的建议回执。如果您已保存查询码和查询密码，可以查询办理进度。',

  'track.heading': '查询办理进度',
  'track.intro': '请输入提交建议时获得的查询码和 6 位查询密码。',
  'track.button': '查询',
  'track.loading': '正在查询…',
  'track.result': '查询结果',
  'track.status': '当前状态',
  'track.submittedAt': '提交时间',
  'track.dueAt': '当前环节期限',
  'track.timeline': '办理过程',
  'track.reply': '答复',

  'login.heading': '工作人员登录',
  'login.username': '用户名',
  'login.password': '密码',
  'login.button': '登录',
  'login.sending': '正在登录…',
  'login.demoHint': '本地演示账号：dispatcher，密码 jianyi-demo',
  'login.expired': '登录已失效，请重新登录。',
  'login.notConfigured': '无法读取登录配置（/config.json），请稍后再试。',

  'staff.signedInAs': '当前用户：{name}（{role}）',
  'staff.logout': '退出登录',
  'role.admin': '管理员',
  'role.dispatcher': '分办员',
  'role.handler': '承办人',
  'role.supervisor': '督办员',
  'role.organizer': '专题组织者',
  'role.viewer': '只读用户',

  'queue.heading': '待办件',
  'queue.filters': '筛选条件',
  'queue.status': '状态',
  'queue.department': '部门',
  'queue.category': '类别',
  'queue.from': '提交日期从',
  'queue.to': '提交日期至',
  'queue.all': '全部',
  'queue.apply': '筛选',
  'queue.reset': '清除条件',
  'queue.col.due': '期限',
  'queue.col.code': '查询码',
  'queue.col.title': '标题',
  'queue.col.category': '类别',
  'queue.col.status': '状态',
  'queue.col.department': '主办部门',
  'queue.col.channel': '渠道',
  'queue.col.submitted': '提交时间',
  'queue.overdue': '已超期',
  'queue.unassigned': '未转办',
  'queue.empty': '没有符合条件的建议。',
  'queue.loadMore': '加载更多',
  'queue.shown': '已显示 {count} 条，按期限排序',
  'queue.tableLabel': '待办件列表',
  'queue.stats': '总览（{time} 统计）',
  'queue.statsOverdue': '超期',
  'queue.statsOpen': '本部门在办',

  'detail.back': '返回待办件',
  'detail.facts': '基本信息',
  'detail.tier': '办理类型',
  'detail.lead': '主办部门',
  'detail.cohandlers': '协办部门',
  'detail.reveal': '查看完整联系方式',
  'detail.revealing': '正在读取…',
  'detail.revealNote': '每次查看都会记入审计日志。',
  'detail.revealed': '已显示完整联系方式，本次查看已记入审计日志。',
  'detail.noContact': '市民未留联系方式',
  'detail.masked': '（已隐藏部分）',
  'detail.timeline': '办理记录',
  'detail.internal': '内部',
  'detail.actor.citizen': '市民',
  'detail.actor.system': '系统',
  'detail.reply': '答复',

  'outbox.heading': '本地发件箱',
  'outbox.intro': '本地运行时不真正发送短信和邮件，而是存放在这里。每 3 秒自动刷新。',
  'outbox.empty': '还没有消息。',
  'outbox.to': '收件人',
  'outbox.deferred': '静默时段，{time} 后发送',
  'outbox.updated': '更新于 {time}',
  'outbox.localOnly': '发件箱只在本地运行时可用。',
  'outbox.sms': '短信',
  'outbox.email': '邮件',

  'channel.web': '网站',
  'channel.qr': '二维码',
  'channel.miniapp': '小程序',
  'channel.hotline': '12345 热线',
  'channel.offline': '线下',
  'channel.import': '导入',
  'channel.open311': 'Open311',
  'tier.immediate': '即办',
  'tier.deadline': '限办',
  'tier.study': '研办',
} as const;

export type UiKey = keyof typeof zhCN;

const en: Record<UiKey, string> = {
  'app.name': 'Jianyi',
  'app.tagline': "People's suggestions",
  'app.footer': 'Every suggestion is registered, routed to the department responsible and answered.',
  'nav.skip': 'Skip to content',
  'nav.label': 'Main',
  'nav.submit': 'Suggest',
  'nav.track': 'Track',
  'nav.staff': 'Staff',
  'nav.outbox': 'Outbox',
  'lang.switch': '中文',
  'lang.switchLabel': 'Switch to Chinese',

  'common.loading': 'Loading…',
  'common.optional': 'optional',
  'common.yes': 'Yes',
  'common.no': 'No',
  'common.copy': 'Copy',
  'common.copied': '{what} copied',
  'common.copyFailed': 'Could not copy; select the text and copy it by hand',
  'common.summaryHeading': 'Please correct the following',
  'common.notFoundPage': 'There is no such page.',
  'common.home': 'Back to the start',
  'common.crashed': 'Something went wrong on this page. What you entered may not have been sent; reload and try again.',
  'common.reload': 'Reload the page',

  'net.error': 'Could not reach the server; check your connection and try again.',
  'net.unexpected': 'The server sent an unexpected response ({status}); please try again later.',

  'submit.heading': 'Make a suggestion',
  'submit.intro':
    'Your suggestion will be screened within 1 working day and passed to the department responsible, which will reply.',
  'submit.campaign': 'This suggestion goes to the campaign: {id}',
  'submit.titleHint': 'One line, up to {max} characters',
  'submit.contentHint': 'Describe the problem, where it is, and what you suggest',
  'submit.count': '{count} of {max} characters',
  'submit.countOver': '{over} characters over the limit',
  'submit.categoryPlaceholder': 'Choose a category',
  'submit.addressHint': 'Street, estate or junction',
  'submit.contactLegend': 'Contact details (optional)',
  'submit.contactHint':
    'Leave a mobile number or an email to receive the receipt and the reply. You may also submit without; then keep the tracking code and PIN.',
  'submit.consent': 'Staff may use these details to contact me about this suggestion',
  'submit.privacy': 'Contact details are used only to handle this suggestion; each time staff view them in full, it is logged.',
  'submit.button': 'Submit suggestion',
  'submit.sending': 'Submitting…',
  'submit.networkError':
    'The connection failed. Press "Submit suggestion" again; the suggestion will not be filed twice.',

  'receipt.heading': 'Suggestion received',
  'receipt.saveWarning':
    'Save the tracking code and PIN now. The PIN is shown only this once and cannot be recovered.',
  'receipt.due': 'Screening will be done by {date}.',
  'receipt.sent': 'A receipt was sent to the mobile number or email you gave.',
  'receipt.notSent': 'No receipt was sent; keep the tracking code and PIN yourself (a screenshot will do).',
  'receipt.status': 'Status: {status}',
  'receipt.track': 'Track this suggestion',
  'receipt.another': 'Make another suggestion',
  'receipt.none':
    'There is no recent receipt here. If you saved your tracking code and PIN, you can track your suggestion.',

  'track.heading': 'Track a suggestion',
  'track.intro': 'Enter the tracking code and the 6-digit PIN you received when you submitted.',
  'track.button': 'Look up',
  'track.loading': 'Looking up…',
  'track.result': 'Result',
  'track.status': 'Status',
  'track.submittedAt': 'Submitted',
  'track.dueAt': 'Current deadline',
  'track.timeline': 'Progress',
  'track.reply': 'Reply',

  'login.heading': 'Staff sign-in',
  'login.username': 'Username',
  'login.password': 'Password',
  'login.button': 'Sign in',
  'login.sending': 'Signing in…',
  'login.demoHint': 'Local demo account: dispatcher, password jianyi-demo',
  'login.expired': 'Your session has ended; please sign in again.',
  'login.notConfigured': 'Could not read the sign-in configuration (/config.json); please try again later.',

  'staff.signedInAs': 'Signed in as {name} ({role})',
  'staff.logout': 'Sign out',
  'role.admin': 'Administrator',
  'role.dispatcher': 'Dispatcher',
  'role.handler': 'Handler',
  'role.supervisor': 'Supervisor',
  'role.organizer': 'Campaign organizer',
  'role.viewer': 'Viewer',

  'queue.heading': 'Work queue',
  'queue.filters': 'Filters',
  'queue.status': 'Status',
  'queue.department': 'Department',
  'queue.category': 'Category',
  'queue.from': 'Submitted from',
  'queue.to': 'Submitted to',
  'queue.all': 'All',
  'queue.apply': 'Apply',
  'queue.reset': 'Clear filters',
  'queue.col.due': 'Due',
  'queue.col.code': 'Code',
  'queue.col.title': 'Title',
  'queue.col.category': 'Category',
  'queue.col.status': 'Status',
  'queue.col.department': 'Lead department',
  'queue.col.channel': 'Channel',
  'queue.col.submitted': 'Submitted',
  'queue.overdue': 'Overdue',
  'queue.unassigned': 'Not assigned',
  'queue.empty': 'No suggestions match.',
  'queue.loadMore': 'Load more',
  'queue.shown': '{count} shown, by deadline',
  'queue.tableLabel': 'Suggestions',
  'queue.stats': 'Overview (as of {time})',
  'queue.statsOverdue': 'Overdue',
  'queue.statsOpen': 'Open in your department',

  'detail.back': 'Back to the queue',
  'detail.facts': 'Details',
  'detail.tier': 'Tier',
  'detail.lead': 'Lead department',
  'detail.cohandlers': 'Co-handling departments',
  'detail.reveal': 'Reveal contact details',
  'detail.revealing': 'Revealing…',
  'detail.revealNote': 'Each reveal is recorded in the audit log.',
  'detail.revealed': 'Contact details revealed; this view was recorded in the audit log.',
  'detail.noContact': 'No contact details given',
  'detail.masked': '(partly hidden)',
  'detail.timeline': 'Timeline',
  'detail.internal': 'Internal',
  'detail.actor.citizen': 'Citizen',
  'detail.actor.system': 'System',
  'detail.reply': 'Reply',

  'outbox.heading': 'Local outbox',
  'outbox.intro': 'Running locally, SMS and email are not sent but kept here. Refreshes every 3 seconds.',
  'outbox.empty': 'No messages yet.',
  'outbox.to': 'To',
  'outbox.deferred': 'Quiet hours: delivered after {time}',
  'outbox.updated': 'Updated {time}',
  'outbox.localOnly': 'The outbox exists only when running locally.',
  'outbox.sms': 'SMS',
  'outbox.email': 'Email',

  'channel.web': 'Web',
  'channel.qr': 'QR code',
  'channel.miniapp': 'Mini-app',
  'channel.hotline': '12345 hotline',
  'channel.offline': 'Offline',
  'channel.import': 'Import',
  'channel.open311': 'Open311',
  'tier.immediate': 'Immediate',
  'tier.deadline': 'Deadline',
  'tier.study': 'Study',
};

// The two dictionaries share one lookup, so their keys must never collide.
type Collision = UiKey & MessageKey;
const noCollision: [Collision] extends [never] ? true : false = true;
void noCollision;

const ui: Record<Locale, Record<UiKey, string>> = { 'zh-CN': zhCN, en };

export type TextKey = UiKey | MessageKey;

function isUiKey(key: string): key is UiKey {
  return key in zhCN;
}

const storageKey = 'jianyi.locale';

function initialLocale(): Locale {
  try {
    const stored = localStorage.getItem(storageKey);
    if (stored && (locales as readonly string[]).includes(stored)) return stored as Locale;
  } catch {
    // Storage can be blocked (private mode); the default is fine.
  }
  return defaultLocale;
}

let current: Locale = initialLocale();
const listeners = new Set<(locale: Locale) => void>();

/** The language the UI shows now; the API client sends it as Accept-Language. */
export function currentLocale(): Locale {
  return current;
}

export function setLocale(locale: Locale): void {
  current = locale;
  try {
    localStorage.setItem(storageKey, locale);
  } catch {
    // Not remembered, still switched.
  }
  document.documentElement.lang = locale;
  for (const listener of listeners) listener(locale);
}

export function t(key: TextKey, params: MessageParams = {}, locale: Locale = current): string {
  if (isUiKey(key)) {
    return ui[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      params[name] === undefined ? whole : String(params[name]),
    );
  }
  return translate(locale, key, params);
}

/** Translates a key built at run time (e.g. `status.${status}`), falling back to the raw value. */
export function tDynamic(key: string, fallback: string, params: MessageParams = {}): string {
  if (isUiKey(key) || isMessageKey(key)) return t(key, params);
  return fallback;
}

/** Re-renders the calling component when the language changes. */
export function useI18n(): { locale: Locale; t: typeof t; setLocale: typeof setLocale } {
  const [locale, setState] = useState(current);
  useEffect(() => {
    listeners.add(setState);
    setState(current);
    return () => {
      listeners.delete(setState);
    };
  }, []);
  return { locale, t, setLocale };
}

// Guarded so the e2e test can import the dictionaries in Node to know what the page says.
if (typeof document !== 'undefined') document.documentElement.lang = current;
