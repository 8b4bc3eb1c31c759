/** Turns a notification request into the words a person reads, in their language, per channel. */
import type { NotificationRequest, RenderedNotification } from './notification';
import { carriesPin, receiptWithPinTemplates } from './receipt-with-pin';
import { fillTemplate, fillWith } from './templates';

/**
 * `derived.pin`: the PIN the notifier derived from a staff entry's receipt's `pinKey` (issue 12: staff entry and
 * callbacks); such a receipt is never rendered without it, so the citizen is never sent a receipt they cannot use.
 */
export function renderNotification(request: NotificationRequest, derived: { pin?: string } = {}): RenderedNotification {
  const { subject, body } = wordsOf(request, derived);
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

function wordsOf(request: NotificationRequest, derived: { pin?: string }) {
  if (!carriesPin(request)) return fillTemplate(request.event, request.locale, request.params);
  if (!derived.pin) throw new Error(`receipt ${request.idempotencyKey} carries a PIN key but no PIN was derived`);
  const template = receiptWithPinTemplates[request.locale] ?? receiptWithPinTemplates['zh-CN'];
  const { pinKey: _key, ...params } = request.params;
  return fillWith(template, request.locale, { ...params, pin: derived.pin });
}
