/**
 * The one definition of the application table: its key attributes and its global secondary indexes.
 * The CDK stateful stack builds the table from this, the DynamoDB adapters query by these names, and the
 * local runtime creates DynamoDB Local's table from it, so the three cannot drift.
 * Index names are the access patterns they serve.
 */
export interface IndexDefinition {
  readonly name: string;
  readonly partitionKey: string;
  readonly sortKey: string;
  /** Why the index exists: the access pattern it answers. */
  readonly serves: string;
}

export const tableModel = {
  partitionKey: 'pk',
  sortKey: 'sk',
  timeToLiveAttribute: 'expiresAt',
  indexes: [
    {
      name: 'byOrgDue',
      partitionKey: 'orgQueuePk',
      sortKey: 'dueSk',
      serves: 'staff queue of one organisation, every open status, ordered by the current deadline',
    },
    {
      name: 'byStatusDue',
      partitionKey: 'statusQueuePk',
      sortKey: 'dueSk',
      serves: 'staff queue filtered by status (also: open workflows to resume after a restart)',
    },
    {
      name: 'byDepartmentDue',
      partitionKey: 'departmentQueuePk',
      sortKey: 'dueSk',
      serves: "a department's queue (handlers see only their own department), ordered by deadline",
    },
    {
      name: 'byWorkflowParked',
      partitionKey: 'workflowParkedPk',
      sortKey: 'dueSk',
      serves: "an organisation's suggestions whose workflow is parked after an error, for the admin to resume them all (sparse: only those)",
    },
    {
      name: 'byOrgChanged',
      partitionKey: 'changedPk',
      sortKey: 'changedSk',
      serves: "an organisation's suggestions in the order they last changed: what the rates job reads since its watermark",
    },
    // Campaigns (issue 11): responses
    {
      name: 'byCampaignResponses',
      partitionKey: 'campaignResponsesPk',
      sortKey: 'campaignResponsesSk',
      serves: "a campaign's responses by time, newest or oldest first, in a few shards merged on read (text answers browsed, exports); sparse: responses only",
    },
    // Campaigns (issue 11): media
    {
      name: 'byOrgCaseLibrary',
      partitionKey: 'caseLibraryPk',
      sortKey: 'caseLibrarySk',
      serves: "an organisation's public case library (金点子 / 案例库): its featured adopted ideas, newest mark first (sparse: only those)",
    },
  ] as const satisfies readonly IndexDefinition[],
} as const;

export type IndexName = (typeof tableModel.indexes)[number]['name'];

/** Key builders: the only place item keys are spelled. */
export const keys = {
  suggestion: (id: string) => ({ pk: `SUG#${id}`, sk: 'SUG' }),
  timelineEntry: (id: string, at: string, seq: string) => ({ pk: `SUG#${id}`, sk: `TL#${at}#${seq}` }),
  timelinePrefix: 'TL#',
  trackingCode: (code: string) => ({ pk: `TRACK#${code}`, sk: 'TRACK' }),
  idempotency: (scope: string, key: string) => ({ pk: `IDEM#${scope}#${key}`, sk: 'IDEM' }),
  /** One organisation's audit log of one office day. */
  audit: (orgId: string, day: string, at: string, id: string) => ({ pk: `ORG#${orgId}#AUDIT#${day}`, sk: `${at}#${id}` }),
  rateWindow: (bucket: string, window: string) => ({ pk: `RATE#${bucket}`, sk: window }),
  /** A suggestion's rate facts, and where the rates job stands, in the organisation's rates partition. */
  rateFacts: (orgId: string, id: string) => ({ pk: `ORG#${orgId}#RATES`, sk: `FACTS#${id}` }),
  rateState: (orgId: string) => ({ pk: `ORG#${orgId}#RATES`, sk: 'STATE' }),
  /**
   * A suggestion's membership of a (group, day) bucket, with its facts, in the group's partition: a bucket's
   * members are one query (sk begins with the day), a period's are one query (sk between two days).
   */
  rateMember: (orgId: string, group: string, day: string, id: string) => ({ pk: `ORG#${orgId}#RATEMEMBER#${group}`, sk: `${day}#${id}` }),
  /** A (group, day) bucket's tally: a group's days are one query (sk between two days). */
  rateTally: (orgId: string, group: string, day: string) => ({ pk: `ORG#${orgId}#RATETALLY#${group}`, sk: day }),
  /** The office's ranking settings (the rate it ranks by beside the 三率, the minimum count). */
  rankingSettings: (orgId: string) => ({ pk: `ORG#${orgId}`, sk: 'RANKING' }),
  /** A period's summary: every group's tally as an attribute `g:<group>`; a kind's periods are one query. */
  rateSummary: (orgId: string, kind: string, period: string) => ({ pk: `ORG#${orgId}#RATESUM#${kind}`, sk: period }),
  organisation: (orgId: string) => ({ pk: `ORG#${orgId}`, sk: 'ORG' }),
  department: (orgId: string, departmentId: string) => ({ pk: `ORG#${orgId}`, sk: `DEPT#${departmentId}` }),
  departmentPrefix: 'DEPT#',
  /** The staff member's profile in their organisation: role, department, where to send reminders. */
  staffProfile: (orgId: string, username: string) => ({ pk: `ORG#${orgId}`, sk: `STAFF#${username}` }),
  staffProfilePrefix: 'STAFF#',
  /**
   * Which organisation a sign-in username belongs to, written with the profile: a request finds the profile from
   * the token's username alone, never from an organisation the token claims.
   */
  staffAccount: (username: string) => ({ pk: `STAFFACCOUNT#${username}`, sk: 'ACCOUNT' }),
  /** Local dev identity provider only: the login record (password hash). Cognito holds these on AWS. */
  devLogin: (username: string) => ({ pk: `LOGIN#${username}`, sk: 'LOGIN' }),
  notificationSent: (idempotencyKey: string) => ({ pk: `NOTIF#${idempotencyKey}`, sk: 'NOTIF' }),
  /** A notification that exhausted its retries, for the admin's failed-notifications page (one partition per organisation: few). */
  failedNotification: (orgId: string, id: string) => ({ pk: `ORG#${orgId}#NOTIFFAILED`, sk: `FAILED#${id}` }),
  outboxMessage: (at: string, id: string) => ({ pk: 'OUTBOX', sk: `${at}#${id}` }),
  queueStats: (orgId: string) => ({ pk: `ORG#${orgId}`, sk: 'STATS' }),
  /** The 督办 record of one suggestion (one per suggestion; instructions accumulate in it). */
  escalation: (orgId: string, suggestionId: string) => ({ pk: `ORG#${orgId}`, sk: `ESC#${suggestionId}` }),
  escalationPrefix: 'ESC#',
  calendarOverrides: (orgId: string) => ({ pk: `ORG#${orgId}`, sk: 'CALENDAR' }),
  timeLimits: (orgId: string) => ({ pk: `ORG#${orgId}`, sk: 'LIMITS' }),
  campaign: (orgId: string, campaignId: string) => ({ pk: `ORG#${orgId}`, sk: `CAMPAIGN#${campaignId}` }),
  replyTemplate: (orgId: string, id: string) => ({ pk: `ORG#${orgId}`, sk: `TPL#${id}` }),
  replyTemplatePrefix: 'TPL#',
  // --- Hot topics (热度表 / 晴雨表): as the rates, facts per suggestion, members per bucket, counts under their keys.
  /** A suggestion's topic facts, and the topics job's watermark, in the organisation's topics partition. */
  topicFacts: (orgId: string, id: string) => ({ pk: `ORG#${orgId}#TOPICS`, sk: `FACTS#${id}` }),
  topicWatermark: (orgId: string) => ({ pk: `ORG#${orgId}#TOPICS`, sk: 'WATERMARK' }),
  /** A suggestion's membership of a (series, day) bucket: a bucket's members are one query. */
  topicMember: (orgId: string, bucket: string, id: string) => ({ pk: `ORG#${orgId}#TOPICBUCKET#${bucket}`, sk: id }),
  /** A bucket's count by day (a day's every series is one query: the hot topics of a week are 14)... */
  topicDayCount: (orgId: string, day: string, series: string) => ({ pk: `ORG#${orgId}#TOPICDAY#${day}`, sk: series }),
  /** ...and by series (a series' days are one query: the spike detector's baseline). */
  topicSeriesCount: (orgId: string, series: string, day: string) => ({ pk: `ORG#${orgId}#TOPICSERIES#${series}`, sk: day }),
  /** A spike found on a day: a week's spikes are one query (sk between two days). */
  topicSpike: (orgId: string, day: string, series: string) => ({ pk: `ORG#${orgId}#TOPICSPIKES`, sk: `${day}#${series}` }),
  // Exports and bulletins (issue 10, point 5).
  /** One person's exports of the queue, newest last by their ulid (their list is one query). */
  queueExport: (orgId: string, username: string, id: string) => ({ pk: `ORG#${orgId}#EXPORTS#${username}`, sk: `EXPORT#${id}` }),
  /** One revision of a bulletin: a period's revisions sort together, the newest last. */
  bulletin: (orgId: string, kind: string, period: string, revision: number) => ({
    pk: `ORG#${orgId}#BULLETINS`,
    sk: `${kind}#${period}#r${String(revision).padStart(4, '0')}`,
  }),
  // Campaigns (issue 11): responses
  /** A response, keyed by the page's id of it: the conditional put on this key is what makes a retry harmless. */
  campaignResponse: (orgId: string, campaignId: string, responseId: string) => ({ pk: `RESPONSE#${orgId}#${campaignId}#${responseId}`, sk: 'RESPONSE' }),
  /** One shard of a campaign's counters (aggregate.ts), each its own partition. */
  campaignCounterShard: (orgId: string, campaignId: string, shard: number) => ({ pk: `ORG#${orgId}#CAMPAIGN#${campaignId}#AGG#${shard}`, sk: 'AGG' }),
  /** A one-per-person policy's guard: this (hashed) phone or browser answered already, with which response. */
  campaignRespondent: (orgId: string, campaignId: string, guardKey: string) => ({ pk: `RESPONDENT#${orgId}#${campaignId}#${guardKey}`, sk: 'RESPONDENT' }),
  /** This (hashed) person is counted among the campaign's participants. */
  campaignParticipant: (orgId: string, campaignId: string, participantKey: string) => ({ pk: `PARTICIPANT#${orgId}#${campaignId}#${participantKey}`, sk: 'PARTICIPANT' }),
  /** This page visit's scan is counted. */
  campaignVisit: (orgId: string, campaignId: string, visitId: string) => ({ pk: `VISIT#${orgId}#${campaignId}#${visitId}`, sk: 'VISIT' }),
  /** The SMS code sent to a (hashed) phone for a campaign's one-per-phone policy. */
  campaignPhoneCode: (orgId: string, campaignId: string, phoneKey: string) => ({ pk: `PHONECODE#${orgId}#${campaignId}#${phoneKey}`, sk: 'PHONECODE' }),
  // Issue 12: integrations and Open311
  /** An integration (接入方) under its organisation: listed with the organisation's other records. */
  integration: (orgId: string, integrationId: string) => ({ pk: `ORG#${orgId}`, sk: `INTEGRATION#${integrationId}` }),
  /** A key's credential by the id it carries: which organisation it belongs to and its hash. */
  integrationKey: (integrationId: string) => ({ pk: `INTEGRATIONKEY#${integrationId}`, sk: 'KEY' }),
  /** The webhook job's watermark and one delivery's record (the same event is delivered with the same key). */
  integrationWebhookWatermark: (orgId: string) => ({ pk: `ORG#${orgId}`, sk: 'INTEGRATIONWEBHOOK#WATERMARK' }),
  integrationDelivery: (orgId: string, deliveryKey: string) => ({ pk: `WEBHOOKDELIVERY#${orgId}#${deliveryKey}`, sk: 'DELIVERY' }),
  // Issue 12: bulk import — the organisation's imports in one partition, each import's row results and finished
  // chunks in partitions of their own (sorted by number), the saved column mappings by name.
  bulkImport: (orgId: string, importId: string) => ({ pk: `ORG#${orgId}#IMPORTS`, sk: `IMPORT#${importId}` }),
  importRow: (orgId: string, importId: string, row: number) => ({ pk: `ORG#${orgId}#IMPORT#${importId}#ROWS`, sk: `ROW#${String(row).padStart(7, '0')}` }),
  importChunk: (orgId: string, importId: string, chunk: number) => ({ pk: `ORG#${orgId}#IMPORT#${importId}#CHUNKS`, sk: `CHUNK#${String(chunk).padStart(5, '0')}` }),
  importMapping: (orgId: string, name: string) => ({ pk: `ORG#${orgId}#IMPORTMAPPINGS`, sk: `MAPPING#${name}` }),
};

/** Queue index partition values. Kept here beside the keys so writers and readers agree. */
export const queuePartitions = {
  org: (orgId: string) => `ORG#${orgId}`,
  status: (orgId: string, status: string) => `ORG#${orgId}#STATUS#${status}`,
  department: (orgId: string, departmentId: string) => `ORG#${orgId}#DEPT#${departmentId}`,
  workflowParked: (orgId: string) => `ORG#${orgId}#WFPARKED`,
  changed: (orgId: string) => `ORG#${orgId}#CHANGED`,
  /**
   * 案例库 (adoption records, issue 10 point 4): the suggestions marked for the public case library, on their own
   * item as `caseLibraryPk` / `caseLibrarySk` (marked at, id), read by the GSI `byOrgCaseLibrary` (the library's
   * public page, shared/aws/dynamo-case-library.ts).
   */
  caseLibrary: (orgId: string) => `ORG#${orgId}#CASELIBRARY`,
  // Campaigns (issue 11): responses
  /** One shard of a campaign's responses in byCampaignResponses (sort key: receivedAt#responseId). */
  campaignResponses: (orgId: string, campaignId: string, shard: number) => `ORG#${orgId}#CAMPAIGN#${campaignId}#RESPONSES#${shard}`,
};
