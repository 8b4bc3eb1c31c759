/**
 * The words of every notification, per event, in zh-CN and en. `{name}` is replaced by the request's param of that
 * name; a param that is missing renders as nothing rather than as a placeholder a person would read.
 *
 * Chinese SMS conventionally open with a bracketed sign (【建议征集】), so the zh-CN subjects carry one and the SMS
 * rendering puts the subject in front of the body.
 */
import type { Locale } from '../i18n/messages';
import type { NotificationEvent } from './notification';

export interface NotificationTemplate {
  subject: string;
  body: string;
}

export const notificationTemplates: Record<NotificationEvent, Record<Locale, NotificationTemplate>> = {
  receipt: {
    'zh-CN': {
      subject: '【建议征集】已收到您的建议',
      body: '您的建议“{title}”已收到。查询码 {trackingCode}，请妥善保存查询密码。我们将在 {dueDate} 前完成筛查。查询进度：{trackUrl}',
    },
    en: {
      subject: 'We received your suggestion',
      body: 'Your suggestion "{title}" was received. Tracking code {trackingCode}; keep your PIN safe. Screening will be done by {dueDate}. Track it: {trackUrl}',
    },
  },
  assigned: {
    'zh-CN': {
      subject: '【转办】您部门有一件新建议待签收',
      body: '建议“{title}”（{trackingCode}）已转办至您部门，请于 {dueDate} 前签收：{staffUrl}',
    },
    en: {
      subject: 'New suggestion assigned to your department',
      body: 'Suggestion "{title}" ({trackingCode}) was assigned to your department; please sign for it by {dueDate}: {staffUrl}',
    },
  },
  cohandlingAssigned: {
    'zh-CN': {
      subject: '【协办】您部门有一件建议需协助办理',
      body: '建议“{title}”（{trackingCode}）由{leadDepartmentName}主办，请您部门协办，并在 {dueDate} 前提出协办意见：{staffUrl}',
    },
    en: {
      subject: 'Your department co-handles a suggestion',
      body: 'Suggestion "{title}" ({trackingCode}) is led by {leadDepartmentNameEn}; your department co-handles it. Please give your opinion by {dueDate}: {staffUrl}',
    },
  },
  cohandlerOpinion: {
    'zh-CN': {
      subject: '【协办】协办部门已提出意见',
      body: '建议“{title}”（{trackingCode}）的协办部门{departmentName}已提出协办意见，请在答复前查看：{staffUrl}',
    },
    en: {
      subject: 'A co-handling department gave its opinion',
      body: 'The co-handling department {departmentNameEn} gave its opinion on suggestion "{title}" ({trackingCode}); read it before replying: {staffUrl}',
    },
  },
  reminder: {
    'zh-CN': {
      subject: '【催办】建议办理提醒',
      body: '建议“{title}”（{trackingCode}）{checkpointText}，办理期限 {dueDate}：{staffUrl}',
    },
    en: {
      subject: 'Reminder: suggestion in hand',
      body: 'Suggestion "{title}" ({trackingCode}): {checkpointText}. Due {dueDate}: {staffUrl}',
    },
  },
  overdue: {
    'zh-CN': {
      subject: '【超期】建议已超过办理期限',
      body: '建议“{title}”（{trackingCode}）已超过办理期限 {dueDate}{daysText}，请立即办理：{staffUrl}',
    },
    en: {
      subject: 'Overdue: suggestion past its deadline',
      body: 'Suggestion "{title}" ({trackingCode}) is past its deadline {dueDate}{daysText}; please act now: {staffUrl}',
    },
  },
  escalation: {
    'zh-CN': {
      subject: '【督办】建议督办通知',
      body: '建议“{title}”（{trackingCode}）已列入督办，期限 {dueDate}。{instructionText}详情：{staffUrl}',
    },
    en: {
      subject: 'Escalation: suggestion under supervision',
      body: 'Suggestion "{title}" ({trackingCode}), due {dueDate}, is under supervision. {instructionText}Details: {staffUrl}',
    },
  },
  infoRequest: {
    'zh-CN': {
      subject: '【建议征集】请补充材料',
      body: '您的建议“{title}”（查询码 {trackingCode}）需要补充：{question} 请凭查询码和密码在此答复：{answerUrl}',
    },
    en: {
      subject: 'Please tell us more about your suggestion',
      body: 'About your suggestion "{title}" (tracking code {trackingCode}) we need to know: {question} Answer here with your tracking code and PIN: {answerUrl}',
    },
  },
  reply: {
    'zh-CN': {
      subject: '【建议征集】您的建议已答复',
      body: '您的建议“{title}”（查询码 {trackingCode}）已答复。请凭查询码和密码查看答复并评价：{rateUrl}',
    },
    en: {
      subject: 'Your suggestion has been answered',
      body: 'Your suggestion "{title}" (tracking code {trackingCode}) has a reply. Read it and rate it with your tracking code and PIN: {rateUrl}',
    },
  },
  reopened: {
    'zh-CN': {
      subject: '【重办】建议因不满意评价重新办理',
      body: '建议“{title}”（{trackingCode}）的答复被评为不满意，已重新办理，新期限 {dueDate}：{staffUrl}',
    },
    en: {
      subject: 'Reopened: the citizen was not satisfied',
      body: 'The reply to suggestion "{title}" ({trackingCode}) was rated dissatisfied; it is reopened with a new deadline {dueDate}: {staffUrl}',
    },
  },
  extensionRequested: {
    'zh-CN': {
      subject: '【延期】建议延期申请待审批',
      body: '建议“{title}”（{trackingCode}）申请延期 {days} 个工作日，理由：{reason}。当前期限 {dueDate}，请审批：{staffUrl}',
    },
    en: {
      subject: 'Extension requested',
      body: 'Suggestion "{title}" ({trackingCode}): an extension of {days} working day(s) is requested because: {reason}. Currently due {dueDate}. Please decide: {staffUrl}',
    },
  },
  extensionDecided: {
    'zh-CN': {
      subject: '【延期】延期申请已审批',
      body: '建议“{title}”（{trackingCode}）的延期申请{decisionText}，办理期限 {dueDate}：{staffUrl}',
    },
    en: {
      subject: 'Extension decided',
      body: 'The extension for suggestion "{title}" ({trackingCode}) was {decisionText}; it is due {dueDate}: {staffUrl}',
    },
  },
  progressNote: {
    // Like the reply, the note itself is shown only with the tracking code and PIN, never in an SMS or email.
    'zh-CN': {
      subject: '【建议征集】您的建议有新的办理进展',
      body: '您的建议“{title}”（查询码 {trackingCode}）有新的阶段性办理进展。请凭查询码和密码查看：{trackUrl}',
    },
    en: {
      subject: 'News on your suggestion',
      body: 'There is a progress note on your suggestion "{title}" (tracking code {trackingCode}). Read it with your tracking code and PIN: {trackUrl}',
    },
  },
  workflowFailure: {
    'zh-CN': {
      subject: '【系统告警】建议办理流程异常',
      body: '建议“{title}”（{trackingCode}）的办理流程出现异常（{error}），已暂停，请检查后恢复：{staffUrl}',
    },
    en: {
      subject: 'Alert: suggestion workflow error',
      body: 'The workflow of suggestion "{title}" ({trackingCode}) stopped after an error ({error}); check it and resume it: {staffUrl}',
    },
  },
  // Adoption records (issue 10, point 4). As with the reply, what was done is shown only with the code and PIN.
  adoption: {
    'zh-CN': {
      subject: '【建议征集】您的建议已被采纳',
      body: '您的建议“{title}”（查询码 {trackingCode}）已被{departmentName}采纳。请凭查询码和密码查看采纳情况：{trackUrl}',
    },
    en: {
      subject: 'Your suggestion was adopted',
      body: 'Your suggestion "{title}" (tracking code {trackingCode}) was adopted by {departmentNameEn}. See what is being done with it, with your tracking code and PIN: {trackUrl}',
    },
  },
  adoptionProgress: {
    'zh-CN': {
      subject: '【建议征集】您被采纳的建议有新进展',
      body: '您被采纳的建议“{title}”（查询码 {trackingCode}）有新的转化运用进展。请凭查询码和密码查看：{trackUrl}',
    },
    en: {
      subject: 'News on your adopted suggestion',
      body: 'There is news on how your adopted suggestion "{title}" (tracking code {trackingCode}) is being put into practice. Read it with your tracking code and PIN: {trackUrl}',
    },
  },
  // Hot topics (晴雨表): a series rose well above its own baseline (shared/domain/topics/spike-detector.ts).
  topicSpike: {
    'zh-CN': {
      subject: '【晴雨表】发现苗头性意见',
      body: '{kindText}“{valueText}”{day} 收到 {count} 件建议，过去 28 天平均每天 {baseline} 件，明显上升（最近一件：{trackingCode}）。请关注：{topicsUrl}',
    },
    en: {
      subject: 'Barometer: a topic is rising',
      body: '{kindTextEn} "{valueTextEn}" had {count} suggestions on {day}, against {baseline} a day over the previous 28 days (latest: {trackingCode}). Have a look: {topicsUrl}',
    },
  },
  bulletinReady: {
    'zh-CN': {
      subject: '【通报】{periodText}建议办理情况通报已生成',
      body: '{periodText}（{from} 至 {to}）的建议办理情况通报已生成（第 {revision} 版），可在工作台查看、打印和下载：{bulletinsUrl}',
    },
    en: {
      subject: 'Bulletin ready: {periodTextEn}',
      body: 'The bulletin on suggestion handling for {periodTextEn} ({from} to {to}) is ready (revision {revision}); view, print or download it in the staff console: {bulletinsUrl}',
    },
  },
  // Campaigns (issue 11): responses
  phoneCode: {
    'zh-CN': {
      subject: '【建议征集】验证码',
      body: '您正在参与“{title}”问卷，验证码 {code}，{minutes} 分钟内有效。如非本人操作请忽略。',
    },
    en: {
      subject: 'Your code',
      body: 'Your code for the questionnaire "{title}" is {code}, valid for {minutes} minutes. If you did not ask for it, ignore this message.',
    },
  },
};

/** How a reminder names its checkpoint (`checkpoint` param). */
const checkpointTexts: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    half: '办理时限已过半',
    eightyPercent: '办理时限已用去 80%',
    oneDayLeft: '距办理期限仅剩 1 个工作日',
    progressNote: '请填报阶段性办理进展',
    infoAnswered: '群众已补充材料，办理时限恢复计算',
  },
  en: {
    half: 'half of the allowed time has passed',
    eightyPercent: '80% of the allowed time has passed',
    oneDayLeft: 'one working day is left',
    progressNote: 'a progress note is due',
    infoAnswered: 'the citizen answered the information request and the clock runs again',
  },
};

/** Params that are phrases rather than values: computed per locale from the raw params. */
function derivedParams(locale: Locale, params: Record<string, string | number>): Record<string, string> {
  const zh = locale === 'zh-CN';
  const checkpoint = String(params.checkpoint ?? '');
  const days = Number(params.days ?? 0);
  const approved = params.approved === 'yes';
  const instruction = params.instruction ? String(params.instruction) : '';
  return {
    checkpointText: checkpointTexts[locale][checkpoint] ?? (zh ? '请注意办理期限' : 'mind the deadline'),
    daysText: days > 0 ? (zh ? ` ${days} 天` : ` by ${days} day(s)`) : '',
    decisionText: approved ? (zh ? '已批准' : 'approved') : zh ? '未获批准' : 'not approved',
    instructionText: instruction ? (zh ? `督办批示：${instruction}。` : `Instruction: ${instruction}. `) : '',
  };
}

/** The subject and body of one event in one language, with its params filled in. */
export function fillTemplate(event: NotificationEvent, locale: Locale, params: Record<string, string | number>): NotificationTemplate {
  const template = notificationTemplates[event]?.[locale] ?? notificationTemplates[event]?.['zh-CN'];
  if (!template) throw new Error(`no notification template for event ${event}`);
  return fillWith(template, locale, params);
}

/** One template's subject and body with the params (and the phrases derived from them) filled in. */
export function fillWith(template: NotificationTemplate, locale: Locale, params: Record<string, string | number>): NotificationTemplate {
  const values: Record<string, string | number> = { ...params, ...derivedParams(locale, params) };
  const fill = (text: string) => text.replace(/\{(\w+)\}/g, (_whole, name: string) => (values[name] === undefined ? '' : String(values[name])));
  return { subject: fill(template.subject), body: fill(template.body) };
}
