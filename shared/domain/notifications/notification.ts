/** What a notification is: the event, the request queued for delivery, and the message rendered from it. */

export type NotificationEvent =
  | 'receipt'
  | 'assigned'
  | 'cohandlingAssigned'
  | 'cohandlerOpinion'
  | 'reminder'
  | 'overdue'
  | 'escalation'
  | 'infoRequest'
  | 'reply'
  | 'reopened'
  | 'extensionRequested'
  | 'extensionDecided'
  | 'progressNote'
  | 'workflowFailure'
  // Adoption records (issue 10, point 4): the citizen is told the idea was adopted, and of each progress update.
  | 'adoption'
  | 'adoptionProgress'
  // Hot topics: a spike (苗头性意见) found by the topics job, told to dispatchers.
  | 'topicSpike'
  // A bulletin (通报) is ready (issue 10, point 5): a notice about no suggestion.
  | 'bulletinReady'
  // Campaigns (issue 11): responses — the SMS code of a one-response-per-phone questionnaire (about no suggestion).
  | 'phoneCode';

export interface NotificationRequest {
  /** Suggestion, event, recipient and checkpoint: the same request twice is delivered once. */
  idempotencyKey: string;
  event: NotificationEvent;
  /** The suggestion it is about; absent for a notice about none (a bulletin). */
  suggestionId?: string;
  /**
   * The suggestion's organisation, and its campaign when it has one: delivery applies the SMS quiet hours in force
   * for them. (Messages queued before this field existed lack it and get the default quiet hours.)
   */
  orgId: string;
  campaignId?: string;
  channel: 'sms' | 'email';
  to: string;
  locale: 'zh-CN' | 'en';
  params: Record<string, string | number>;
}

/** A request rendered into the text one channel sends. */
export interface RenderedNotification {
  channel: 'sms' | 'email';
  to: string;
  subject?: string;
  body: string;
}

/** A message the local outbox shows instead of sending it (local only: GET /api/local/outbox). */
export interface OutboxMessage {
  id: string;
  at: string;
  channel: 'sms' | 'email';
  to: string;
  subject?: string;
  body: string;
  event: string;
  suggestionId?: string;
  /** Set when quiet hours deferred an SMS. */
  deliverAfter?: string;
}
