/** Turns a notification request into the words a person reads, in their language, per channel. */
import type { NotificationRequest, RenderedNotification } from './notification';
import { fillTemplate } from './templates';

export function renderNotification(request: NotificationRequest): RenderedNotification {
  const { subject, body } = fillTemplate(request.event, request.locale, request.params);
  // An SMS has no subject line: the bracketed subject leads the text instead, as Chinese SMS conventionally do.
  return request.channel === 'sms'
    ? { channel: 'sms', to: request.to, body: `${subject} ${body}` }
    : { channel: 'email', to: request.to, subject, body };
}

/** What every provider hands on about one message: who, by which channel, the words, and what it is about. */
export function deliveryFields(message: RenderedNotification, request: NotificationRequest) {
  return {
    channel: message.channel,
    to: message.to,
    ...(message.subject ? { subject: message.subject } : {}),
    body: message.body,
    event: request.event,
    suggestionId: request.suggestionId,
  };
}
