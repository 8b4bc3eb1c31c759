/**
 * Messages shown to people, in zh-CN (the default) and en. The API localises errors with these, the web app
 * shows the same field rules and status names, and notifications use the templates at the bottom.
 * A missing translation is a type error: both dictionaries satisfy the same shape.
 */
export const locales = ['zh-CN', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'zh-CN';

export type MessageParams = Record<string, string | number>;

const zhCN = {
  'error.validation': '提交的内容有误，请检查标出的字段',
  'error.malformedJson': '请求体不是合法的 JSON',
  'error.bodyNotObject': '请求体必须是 JSON 对象',
  'error.unsupportedMediaType': '请求体须为 application/json',
  'error.payloadTooLarge': '请求体过大（上限 {limit} 字节）',
  'error.routeNotFound': '没有这个接口：{path}',
  'error.methodNotAllowed': '接口 {path} 不支持 {method} 方法，可用：{allowed}',
  'error.suggestionNotFound': '未找到该建议，请核对查询码和查询密码',
  'error.staffSuggestionNotFound': '未找到该建议',
  'error.failedNotificationNotFound': '没有这条发送失败的通知（可能已重发）',
  'error.rateLimited': '查询过于频繁，请 {seconds} 秒后再试',
  'error.tokenMissing': '缺少登录凭证，请先登录',
  'error.tokenInvalid': '登录凭证无效或已过期，请重新登录',
  'error.accountDisabled': '此账号已停用，如有疑问请联系管理员',
  'error.noStaffProfile': '此账号尚未登记为工作人员，请联系管理员在“部门与人员”中添加',
  'error.directAccess': '请通过本平台网站访问',
  'error.submitRateLimited': '提交过于频繁，请 {seconds} 秒后再试；已提交的建议不受影响',
  'error.roleForbidden': '当前角色（{role}）无权执行此操作',
  'error.departmentForbidden': '该建议不属于您所在的部门',
  'error.ownAdminRole': '不能取消您自己的管理员角色或停用自己的账号，请由另一位管理员操作',
  'error.usernameTaken': '登录名 {username} 已被使用',
  'error.badCursor': '分页游标无效',
  'error.idempotencyKeyInvalid': 'Idempotency-Key 须为 8 至 128 个字母、数字、连字符或下划线',
  'error.idempotencyKeyReused': '该 Idempotency-Key 已用于另一份不同的提交',
  'error.loginFailed': '用户名或密码错误',
  'error.illegalTransition': '当前状态“{from}”不允许执行“{action}”',
  'error.concurrentUpdate': '该建议刚被他人更新，请刷新后重试',
  'error.internal': '服务器内部错误，请稍后再试',
  'error.busy': '当前访问人数较多，请 {seconds} 秒后重试；已收到的内容不会丢失，重试也不会重复提交',

  'rule.required': '必填',
  'rule.type': '类型应为{expected}',
  'rule.tooShort': '至少 {min} 个字',
  'rule.tooLong': '最多 {max} 个字',
  'rule.oneOf': '须为以下之一：{options}',
  'rule.phone': '请填写 11 位手机号码',
  'rule.email': '邮箱格式不正确',
  'rule.range': '应在 {min} 到 {max} 之间',
  'rule.consentRequired': '留下联系方式需要勾选同意',
  'rule.contactIncomplete': '请至少填写手机号或邮箱',
  'rule.leaveEmpty': '此项须留空（可能是浏览器自动填写的，请清空后再提交）',
  'rule.unknownField': '不认识的字段',
  'rule.pinFormat': '查询密码为 6 位数字',
  'rule.trackingCodeFormat': '查询码为 8 位字母或数字',
  'rule.date': '日期格式应为 YYYY-MM-DD',
  'rule.badCursor': '分页游标无效，请从第一页重新开始',
  'rule.idempotencyKeyFormat': '须为 8 至 128 个字母、数字、连字符或下划线',
  'rule.campaignIdFormat': '专题编号只能包含小写字母、数字和连字符',
  'rule.mergeTarget': '找不到可合并的主件（须为本单位未合并、未驳回的建议）',
  'rule.unknownDepartment': '没有这个部门',
  'rule.overrideDate': '日期须为 YYYY-MM-DD，且不可重复',
  'rule.scheduleEmpty': '没有找到任何放假日或调休上班日',
  'rule.scheduleDate': '第 {line} 行的“{text}”不是日期（应为 YYYY-MM-DD，如 2027-01-01）',
  'rule.scheduleKind': '第 {line} 行没有写明“休”（放假）还是“班”（调休上班）',
  'rule.scheduleRange': '第 {line} 行的日期范围结束早于开始，或超过 31 天',
  'rule.scheduleYear': '第 {line} 行的 {date} 不在 {year} 年的放假安排之内',
  'rule.scheduleConflict': '第 {line} 行：{date} 前面已列为另一种（既放假又上班）',
  'rule.icsFormat': '不是有效的 iCalendar（.ics）内容',
  'rule.icsEventDate': '第 {event} 个日程（{summary}）没有可用的开始日期（DTSTART）',
  'rule.icsEventRange': '第 {event} 个日程（{summary}）的结束早于开始，或超过 31 天',
  'rule.icsEventYear': '第 {event} 个日程的 {date} 不在 {year} 年的放假安排之内',
  'rule.icsEventConflict': '第 {event} 个日程：{date} 前面已列为另一种（既放假又上班）',
  'rule.timeLimits': '时限设置无效（天数须为 1 至 3660 的整数，提醒比例在 0 与 1 之间）',
  'rule.time': '时间格式应为 HH:MM',
  'rule.passwordTooShort': '密码至少 {min} 个字符',
  'rule.passwordKinds': '密码须同时包含大写字母、小写字母、数字和符号',
  'rule.passwordMismatch': '两次输入的新密码不一致',
  'rule.passwordWrong': '当前密码不正确',
  'rule.departmentIdFormat': '部门编号为小写字母、数字和连字符（最多 64 个）',
  'rule.usernameFormat': '登录名为 3 至 64 个小写字母、数字或 . _ -，以字母或数字开头',
  'rule.departmentRequired': '办理人员须选择所在部门',
  'rule.departmentOnlyForHandlers': '只有办理人员属于某个部门',
  'rule.onlyForExisting': '新建人员时会自动生成初始密码',

  'field.title': '标题',
  'field.content': '建议内容',
  'field.category': '类别',
  'field.channel': '渠道',
  'field.location': '地点',
  'field.location.address': '地址',
  'field.location.lat': '纬度',
  'field.location.long': '经度',
  'field.contact': '联系方式',
  'field.contact.name': '姓名',
  'field.contact.phone': '手机号',
  'field.contact.email': '邮箱',
  'field.contact.consent': '同意联系',
  'field.campaignId': '专题征集',
  'field.website': '网址（请勿填写）',
  'field.pin': '查询密码',
  'field.trackingCode': '查询码',
  'field.body': '请求体',
  'field.reason': '理由',
  'field.question': '需补充的问题',
  'field.answer': '补充内容',
  'field.text': '内容',
  'field.workingDays': '延期工作日数',
  'field.approve': '是否批准',
  'field.decision': '筛查结论',
  'field.tier': '办理时限类型',
  'field.leadDepartmentId': '主办部门',
  'field.cohandlerDepartmentIds': '协办部门',
  'field.masterTrackingCode': '主件查询码',
  'field.rating': '评价',
  'field.resolution': '问题是否解决',
  'field.comment': '意见',
  'field.title.template': '模板名称',
  'field.overrides': '日历调整',
  'field.schedule': '放假安排',
  'field.format': '格式',
  'field.year': '年份',
  'field.limits': '时限设置',
  'field.username': '登录名',
  'field.name': '姓名',
  'field.en': '英文名称',
  'field.role': '角色',
  'field.departmentId': '部门',
  'field.email': '邮箱',
  'field.phone': '手机号',
  'field.resetPassword': '重置密码',

  'status.submitted': '已提交',
  'status.screening': '筛查中',
  'status.rejected': '不予受理',
  'status.merged': '已合并',
  'status.assigned': '已转办',
  'status.signed': '办理中',
  'status.infoRequested': '待补充材料',
  'status.replied': '已答复',
  'status.reopened': '重办中',
  'status.closed': '已办结',

  'action.submit': '提交建议',
  'action.beginScreening': '受理，进入筛查',
  'action.reject': '不予受理',
  'action.merge': '合并为重复件',
  'action.assign': '转办',
  'action.sign': '签收',
  'action.sendBack': '退回',
  'action.requestInfo': '请求补充材料',
  'action.answerInfo': '已补充材料',
  'action.approveExtension': '批准延期',
  'action.reply': '答复',
  'action.rate': '评价',
  'action.reopen': '重办',
  'action.close': '办结',
  'action.autoClose': '评价期满，自动办结',
  'action.resumeWorkflow': '流程已恢复',
  'action.requestExtension': '请求延期',
  'action.remind': '催办',
  'action.escalate': '督办',
  'action.workflowFailed': '流程异常，已告警',
  'action.instruct': '督办批示',
  'action.cohandlerOpinion': '协办意见',
  'action.progressNote': '阶段性办理进展',
  'action.denyExtension': '已拒绝延期',

  // Exports and bulletins (issue 10, point 5).
  'error.exportNotFound': '没有这份导出文件',
  'error.exportNotReady': '这份导出尚未完成（当前：{state}），完成后才能下载',
  'error.bulletinNotFound': '没有这份通报',
  'rule.bulletinPeriod': '周报期间形如 2026-W48，月报期间形如 2026-11',
  'rule.bulletinFuture': '只能生成已经结束的期间的通报',
  'field.filters': '筛选条件',
  'field.kind': '通报类型',
  'field.period': '期间',

} as const;

export type MessageKey = keyof typeof zhCN;

const en: Record<MessageKey, string> = {
  'error.validation': 'Some fields need attention',
  'error.malformedJson': 'The request body is not valid JSON',
  'error.bodyNotObject': 'The request body must be a JSON object',
  'error.unsupportedMediaType': 'The request body must be application/json',
  'error.payloadTooLarge': 'The request body is too large (limit {limit} bytes)',
  'error.routeNotFound': 'No such endpoint: {path}',
  'error.methodNotAllowed': '{path} does not accept {method}; allowed: {allowed}',
  'error.suggestionNotFound': 'No suggestion found; check the tracking code and PIN',
  'error.staffSuggestionNotFound': 'No such suggestion',
  'error.failedNotificationNotFound': 'No such failed notification (it may have been retried already)',
  'error.rateLimited': 'Too many lookups; try again in {seconds} seconds',
  'error.tokenMissing': 'Sign in first: no token was sent',
  'error.tokenInvalid': 'Your session is invalid or has expired; sign in again',
  'error.accountDisabled': 'This account is disabled; ask your admin',
  'error.noStaffProfile': 'This account is not registered as staff; ask your admin to add you under Departments and staff',
  'error.directAccess': 'Please use the platform through its website',
  'error.submitRateLimited': 'Too many submissions from your network; try again in {seconds} seconds (what you already submitted is safe)',
  'error.roleForbidden': 'Your role ({role}) may not do this',
  'error.departmentForbidden': 'This suggestion is not assigned to your department',
  'error.ownAdminRole': 'You cannot take away your own admin role or disable your own account; ask another admin',
  'error.usernameTaken': 'The username {username} is taken',
  'error.badCursor': 'The page cursor is not valid',
  'error.idempotencyKeyInvalid': 'Idempotency-Key must be 8 to 128 letters, digits, hyphens or underscores',
  'error.idempotencyKeyReused': 'This Idempotency-Key was already used for a different submission',
  'error.loginFailed': 'Wrong username or password',
  'error.illegalTransition': 'A suggestion in status "{from}" does not allow "{action}"',
  'error.concurrentUpdate': 'Someone else just updated this suggestion; reload and try again',
  'error.internal': 'Something went wrong on our side; please try again later',
  'error.busy': 'We are very busy right now; please try again in {seconds} seconds. Nothing you sent is lost, and trying again never files it twice',

  'rule.required': 'required',
  'rule.type': 'must be {expected}',
  'rule.tooShort': 'at least {min} characters',
  'rule.tooLong': 'at most {max} characters',
  'rule.oneOf': 'must be one of: {options}',
  'rule.phone': 'enter an 11-digit mobile number',
  'rule.email': 'not a valid email address',
  'rule.range': 'must be between {min} and {max}',
  'rule.consentRequired': 'tick the consent box to leave contact details',
  'rule.contactIncomplete': 'give at least a phone number or an email',
  'rule.leaveEmpty': 'must be left empty (your browser may have filled it in; clear it and send again)',
  'rule.unknownField': 'unknown field',
  'rule.pinFormat': 'the PIN is 6 digits',
  'rule.trackingCodeFormat': 'the tracking code is 8 letters or digits',
  'rule.date': 'use the date format YYYY-MM-DD',
  'rule.badCursor': 'not a valid page cursor; start again from the first page',
  'rule.idempotencyKeyFormat': 'must be 8 to 128 letters, digits, hyphens or underscores',
  'rule.campaignIdFormat': 'a campaign id is lower-case letters, digits and hyphens',
  'rule.mergeTarget': 'no suggestion to merge into (an open one of this organisation)',
  'rule.unknownDepartment': 'no such department',
  'rule.overrideDate': 'dates must be YYYY-MM-DD and not repeat',
  'rule.scheduleEmpty': 'no days off or makeup workdays found',
  'rule.scheduleDate': 'line {line}: "{text}" is not a date (use YYYY-MM-DD, e.g. 2027-01-01)',
  'rule.scheduleKind': 'line {line} does not say 休 (day off) or 班 (makeup workday)',
  'rule.scheduleRange': 'line {line}: the range ends before it starts or is longer than 31 days',
  'rule.scheduleYear': 'line {line}: {date} is outside the schedule for {year}',
  'rule.scheduleConflict': 'line {line}: {date} is already listed as the other kind (both a day off and a workday)',
  'rule.icsFormat': 'not valid iCalendar (.ics) content',
  'rule.icsEventDate': 'event {event} ({summary}) has no usable start date (DTSTART)',
  'rule.icsEventRange': 'event {event} ({summary}) ends before it starts or is longer than 31 days',
  'rule.icsEventYear': 'event {event}: {date} is outside the schedule for {year}',
  'rule.icsEventConflict': 'event {event}: {date} is already listed as the other kind (both a day off and a workday)',
  'rule.timeLimits': 'not usable time limits (whole days from 1 to 3660, reminder shares between 0 and 1)',
  'rule.time': 'use the time format HH:MM',
  'rule.passwordTooShort': 'at least {min} characters',
  'rule.passwordKinds': 'use upper and lower case letters, a digit and a symbol',
  'rule.passwordMismatch': 'the two new passwords differ',
  'rule.passwordWrong': 'the current password is not right',
  'rule.departmentIdFormat': 'a department id is lower-case letters, digits and hyphens (at most 64)',
  'rule.usernameFormat': '3 to 64 lower-case letters, digits or . _ -, starting with a letter or digit',
  'rule.departmentRequired': 'a handler needs a department',
  'rule.departmentOnlyForHandlers': 'only handlers belong to a department',
  'rule.onlyForExisting': 'a new person gets an initial password anyway',

  'field.title': 'Title',
  'field.content': 'Suggestion',
  'field.category': 'Category',
  'field.channel': 'Channel',
  'field.location': 'Location',
  'field.location.address': 'Address',
  'field.location.lat': 'Latitude',
  'field.location.long': 'Longitude',
  'field.contact': 'Contact',
  'field.contact.name': 'Name',
  'field.contact.phone': 'Mobile',
  'field.contact.email': 'Email',
  'field.contact.consent': 'Consent to contact',
  'field.campaignId': 'Campaign',
  'field.website': 'Website (leave empty)',
  'field.pin': 'PIN',
  'field.trackingCode': 'Tracking code',
  'field.body': 'Request body',
  'field.reason': 'Reason',
  'field.question': 'Question',
  'field.answer': 'Answer',
  'field.text': 'Text',
  'field.workingDays': 'Working days',
  'field.approve': 'Approve',
  'field.decision': 'Decision',
  'field.tier': 'Tier',
  'field.leadDepartmentId': 'Lead department',
  'field.cohandlerDepartmentIds': 'Co-handling departments',
  'field.masterTrackingCode': 'Master tracking code',
  'field.rating': 'Rating',
  'field.resolution': 'Whether the problem was solved',
  'field.comment': 'Comment',
  'field.title.template': 'Template name',
  'field.overrides': 'Calendar overrides',
  'field.schedule': 'Schedule',
  'field.format': 'Format',
  'field.year': 'Year',
  'field.limits': 'Time limits',
  'field.username': 'Username',
  'field.name': 'Name',
  'field.en': 'English name',
  'field.role': 'Role',
  'field.departmentId': 'Department',
  'field.email': 'Email',
  'field.phone': 'Mobile',
  'field.resetPassword': 'Reset password',

  'status.submitted': 'Submitted',
  'status.screening': 'Screening',
  'status.rejected': 'Not accepted',
  'status.merged': 'Merged',
  'status.assigned': 'Assigned',
  'status.signed': 'In handling',
  'status.infoRequested': 'Awaiting your information',
  'status.replied': 'Replied',
  'status.reopened': 'Reopened',
  'status.closed': 'Closed',

  'action.submit': 'Suggestion submitted',
  'action.beginScreening': 'Accepted for screening',
  'action.reject': 'Not accepted',
  'action.merge': 'Merged as a duplicate',
  'action.assign': 'Assigned',
  'action.sign': 'Signed for',
  'action.sendBack': 'Sent back',
  'action.requestInfo': 'More information requested',
  'action.answerInfo': 'Information supplied',
  'action.approveExtension': 'Extension approved',
  'action.reply': 'Replied',
  'action.rate': 'Rated',
  'action.reopen': 'Reopened',
  'action.close': 'Closed',
  'action.autoClose': 'Closed after the rating window',
  'action.resumeWorkflow': 'Workflow resumed',
  'action.requestExtension': 'Extension requested',
  'action.remind': 'Reminder sent',
  'action.escalate': 'Escalated to supervisor',
  'action.workflowFailed': 'Workflow error recorded',
  'action.instruct': 'Supervisor instruction',
  'action.cohandlerOpinion': 'Co-handler opinion',
  'action.progressNote': 'Progress note',
  'action.denyExtension': 'Extension denied',

  // Exports and bulletins (issue 10, point 5).
  'error.exportNotFound': 'There is no such export',
  'error.exportNotReady': 'This export is not finished (now: {state}); it can be downloaded once it is done',
  'error.bulletinNotFound': 'There is no such bulletin',
  'rule.bulletinPeriod': 'A weekly period looks like 2026-W48, a monthly one like 2026-11',
  'rule.bulletinFuture': 'Bulletins are generated only for periods that have ended',
  'field.filters': 'Filters',
  'field.kind': 'Bulletin kind',
  'field.period': 'Period',

};

const dictionaries: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

export function isMessageKey(key: string): key is MessageKey {
  return key in zhCN;
}

export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const template = dictionaries[locale][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

/** The words for a broken field rule (`{rule, params}` from validation), or the rule's name if it has none. */
export function ruleText(locale: Locale, problem: { rule: string; params?: MessageParams }): string {
  const key = `rule.${problem.rule}`;
  return isMessageKey(key) ? translate(locale, key, problem.params) : problem.rule;
}

/** Picks zh-CN or en from an Accept-Language header; anything else falls back to zh-CN. */
/**
 * The caller's language from Accept-Language (RFC 9110 §12.5.4): ranges by their quality value, highest first (1
 * when absent; q=0 means "not this one"; equal weights keep their order), the first that is one of ours — a range
 * matches its subtags (zh matches zh-CN and zh-Hans, as basic filtering in RFC 4647) and `*` takes the default.
 */
export function negotiateLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return defaultLocale;
  const ranges = acceptLanguage
    .split(',')
    .map((part, order) => {
      const [range = '', ...params] = part.split(';').map((p) => p.trim());
      const q = params.find((p) => /^q=/i.test(p));
      const weight = q === undefined ? 1 : /^q=(0(\.\d{0,3})?|1(\.0{0,3})?)$/i.test(q) ? Number(q.slice(2)) : -1;
      return { range: range.toLowerCase(), weight, order };
    })
    .filter((r) => r.range && r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.order - b.order);
  for (const { range } of ranges) {
    if (range === '*') return defaultLocale;
    if (range === 'zh' || range.startsWith('zh-')) return 'zh-CN';
    if (range === 'en' || range.startsWith('en-')) return 'en';
  }
  return defaultLocale;
}

/** "title: 必填" in the caller's language, using the field's own name. */
export function describeField(locale: Locale, field: string): string {
  const key = `field.${field}`;
  return isMessageKey(key) ? translate(locale, key) : field;
}
