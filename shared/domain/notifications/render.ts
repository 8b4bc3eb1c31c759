/** Turns a notification request into the words a person reads, in their language, per channel. */
import { translate, type MessageKey } from '../i18n/messages';
import type { NotificationRequest, RenderedNotification } from '../../ports';

export function renderNotification(request: NotificationRequest): RenderedNotification {
  const subject = translate(request.locale, `notify.${request.event}.subject` as MessageKey, request.params);
  const body = translate(request.locale, `notify.${request.event}.body` as MessageKey, request.params);
  // An SMS has no subject line: the bracketed subject leads the text instead, as Chinese SMS conventionally do.
  return request.channel === 'sms'
    ? { channel: 'sms', to: request.to, body: `${subject} ${body}` }
    : { channel: 'email', to: request.to, subject, body };
}
