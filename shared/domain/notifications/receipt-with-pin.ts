/**
 * The receipt (受理告知) of a suggestion a staff member entered for a citizen (代录): the citizen was on the phone or
 * at a station, not at the screen, so the text carries the PIN as well as the tracking code. The PIN is never in
 * the request: the notifier derives it from the request's `pinKey` when it renders (keyed-pin.ts).
 */
import type { Locale } from '../i18n/messages';
import type { NotificationTemplate } from './templates';

export const receiptWithPinTemplates: Record<Locale, NotificationTemplate> = {
  'zh-CN': {
    subject: '【建议征集】已收到您的建议',
    body: '您的建议“{title}”已由工作人员代为登记。查询码 {trackingCode}，查询密码 {pin}，请妥善保存。我们将在 {dueDate} 前完成筛查。查询进度：{trackUrl}',
  },
  en: {
    subject: 'We received your suggestion',
    body: 'Your suggestion "{title}" was entered for you by our staff. Tracking code {trackingCode}, PIN {pin}; keep them safe. Screening will be done by {dueDate}. Track it: {trackUrl}',
  },
};

/** Whether a request's words are the PIN-carrying receipt's: a receipt whose params name the PIN's key. */
export function carriesPin(request: { event: string; params: Record<string, string | number> }): boolean {
  return request.event === 'receipt' && typeof request.params.pinKey === 'string' && request.params.pinKey !== '';
}
