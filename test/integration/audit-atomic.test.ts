/**
 * The audit row is part of the change: a staff action, a directory change or a settings change is written in one
 * transaction with the audit record of who made it. Shown against DynamoDB Local with a client that "crashes"
 * after its first write — the moment at which, when the audit row was a second write, the change was stored and
 * its record was not. And the log is per organisation: one organisation never reads another's.
 */
import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { ensureTable } from '../../infra/local/dynamodb';
import { assertLocalEndpoint } from '../../infra/local/ports';
import { DynamoAuditLog } from '../../shared/aws/dynamo-audit-log';
import { DynamoDirectory } from '../../shared/aws/dynamo-directory';
import { DynamoSuggestionStore } from '../../shared/aws/dynamo-suggestion-store';
import { DynamoSupervisionStore } from '../../shared/aws/dynamo-supervision-store';
import { officeDay } from '../../shared/domain/office-day';
import type { StaffPrincipal } from '../../shared/domain/staff/principal';
import type { Suggestion } from '../../shared/domain/suggestion/suggestion';
import { keys } from '../../shared/model/table';
import type { StaffAccounts } from '../../shared/ports';
import { performStaffAction } from '../../shared/use-cases/staff-actions/perform';
import { saveDepartment, saveStaffMember } from '../../shared/use-cases/org-directory';
import { saveTimeLimits } from '../../shared/use-cases/supervision';

const nowIso = '2026-05-06T02:00:00.000Z';
const clock = { now: () => new Date(nowIso) };
const dispatcher: StaffPrincipal = { username: 'dispatcher1', name: '分办员', role: 'dispatcher', orgId: 'org-a' };
const admin: StaffPrincipal = { username: 'admin1', name: '管理员', role: 'admin', orgId: 'org-a' };

let documents: DynamoDBDocumentClient;
let tableName: string;

const writeCommands = new Set(['PutCommand', 'UpdateCommand', 'DeleteCommand', 'TransactWriteCommand', 'BatchWriteCommand']);

/** A client whose process "dies" after its first write: every later write fails, reads still work. */
function crashingAfterFirstWrite(): DynamoDBDocumentClient {
  let writes = 0;
  return {
    send: async (command: { constructor: { name: string } }) => {
      if (writeCommands.has(command.constructor.name) && writes++ >= 1) throw new Error('the process crashed');
      return documents.send(command as never);
    },
  } as unknown as DynamoDBDocumentClient;
}

async function auditRows(orgId: string): Promise<Record<string, unknown>[]> {
  const { Items = [] } = await documents.send(
    new QueryCommand({ TableName: tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.audit(orgId, officeDay(nowIso), '', '').pk }, ConsistentRead: true }),
  );
  return Items;
}

function screeningSuggestion(): Suggestion {
  const id = `01J${randomUUID().replace(/-/g, '').slice(0, 23).toUpperCase().replace(/[ILOU]/g, 'A')}`;
  return {
    id,
    orgId: 'org-a',
    trackingCode: `T${randomUUID().slice(0, 7).toUpperCase()}`,
    pinHash: 'scrypt$x$y',
    title: '公交站台加装遮阳棚',
    content: '人民路多个公交站台没有遮阳棚。',
    category: 'traffic',
    channel: 'web',
    status: 'screening',
    dueAt: '2026-05-07T10:00:00.000Z',
    submittedAt: '2026-05-06T01:00:00.000Z',
    updatedAt: '2026-05-06T01:00:00.000Z',
    phaseStartedAt: '2026-05-06T01:00:00.000Z',
    version: 2,
  };
}

const noOverrides = {
  calendarOverrides: async () => [],
  calendarSchedule: async () => ({ overrides: [], coveredYears: [] }),
  timeLimits: async () => ({}),
  escalation: async () => undefined,
  saveEscalation: async () => undefined,
  escalations: async () => [],
  saveCalendarOverrides: async () => undefined,
  saveOrgTimeLimits: async () => undefined,
  saveCampaignTimeLimits: async () => undefined,
  replyTemplates: async () => [],
  saveReplyTemplate: async () => undefined,
};

const accounts: StaffAccounts = { create: async () => undefined, update: async () => undefined, setPassword: async () => undefined, setEnabled: async () => undefined };

beforeAll(async () => {
  const endpoint = inject('dynamodbEndpoint');
  assertLocalEndpoint(endpoint);
  const dynamodb = new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  documents = DynamoDBDocumentClient.from(dynamodb, { marshallOptions: { removeUndefinedValues: true } });
  tableName = `jianyi-audit-${randomUUID().slice(0, 8)}`;
  await ensureTable(dynamodb, tableName);
  await new DynamoDirectory(documents, tableName).saveDepartment('org-a', { id: 'transport', name: '交通运输局', en: 'Transport Bureau' }, {
    orgId: 'org-a',
    at: '2026-05-01T00:00:00.000Z',
    actor: { id: 'setup', role: 'admin' },
    action: 'department.create',
    target: 'transport',
  });
});

describe('the audit row is written with the change it records', () => {
  it('a staff action: its transition and its audit row commit together, even if the process dies right after', async () => {
    const s = screeningSuggestion();
    await new DynamoSuggestionStore(documents, tableName).create(s, { at: s.submittedAt, seq: '000001', action: 'submit', actor: { type: 'citizen', id: 'anonymous' }, fromStatus: null, toStatus: 'submitted', visibility: 'public' });
    const store = new DynamoSuggestionStore(crashingAfterFirstWrite(), tableName);
    const directory = new DynamoDirectory(documents, tableName);
    await performStaffAction(
      {
        store,
        directory,
        supervision: noOverrides,
        notifications: { enqueue: async () => undefined },
        workflow: { startSuggestionWorkflow: async () => undefined, answer: async () => true },
        clock,
        publicBaseUrl: 'http://127.0.0.1',
        log: { warn: () => undefined },
      },
      dispatcher,
      s.id,
      'screen',
      { decision: 'assign', category: 'traffic', tier: 'deadline', leadDepartmentId: 'transport' },
    );
    const { Item } = await documents.send(new GetCommand({ TableName: tableName, Key: keys.suggestion(s.id), ConsistentRead: true }));
    expect(Item?.status).toBe('assigned');
    expect(await auditRows('org-a')).toContainEqual(expect.objectContaining({ action: 'assign', target: s.id, actor: { id: 'dispatcher1', role: 'dispatcher' }, orgId: 'org-a' }));
  });

  it('a directory change: the profile and its audit row commit together', async () => {
    const directory = new DynamoDirectory(crashingAfterFirstWrite(), tableName);
    await saveStaffMember({ directory, accounts, clock, randomBytes: (n) => new Uint8Array(n).fill(7) }, admin, 'handler-new', {
      name: '新同事',
      role: 'handler',
      departmentId: 'transport',
      email: 'new@example.org',
    });
    expect(await new DynamoDirectory(documents, tableName).staffMember('org-a', 'handler-new')).toMatchObject({ role: 'handler' });
    expect(await auditRows('org-a')).toContainEqual(expect.objectContaining({ action: 'staff.create', target: 'handler-new' }));

    await saveDepartment({ directory: new DynamoDirectory(crashingAfterFirstWrite(), tableName), accounts, clock, randomBytes: (n) => new Uint8Array(n) }, admin, 'water', { name: '水务局', en: 'Water Bureau' });
    expect(await auditRows('org-a')).toContainEqual(expect.objectContaining({ action: 'department.create', target: 'water' }));
  });

  it('a settings change: the time limits and their audit row commit together', async () => {
    const supervision = new DynamoSupervisionStore(crashingAfterFirstWrite(), tableName);
    await saveTimeLimits({ supervision, store: new DynamoSuggestionStore(documents, tableName), clock }, { ...admin, orgId: 'org-limits' }, {
      limits: { screening: { amount: 2, unit: 'workingDays' } },
    });
    expect((await new DynamoSupervisionStore(documents, tableName).timeLimits('org-limits')).org).toEqual({ screening: { amount: 2, unit: 'workingDays' } });
    expect(await auditRows('org-limits')).toContainEqual(expect.objectContaining({ action: 'saveTimeLimits', actor: { id: 'admin1', role: 'admin' } }));
  });
});

describe('the audit log is per organisation', () => {
  it('lists only the entries of the organisation asked for', async () => {
    const log = new DynamoAuditLog(documents, tableName);
    await log.record({ orgId: 'org-b', at: nowIso, actor: { id: 'viewer-b', role: 'viewer' }, action: 'viewQueue', detail: 'limit=25' });
    const a = await log.list('org-a', officeDay(nowIso), 200);
    const b = await log.list('org-b', officeDay(nowIso), 200);
    expect(b.entries).toEqual([{ at: nowIso, actor: { id: 'viewer-b', role: 'viewer' }, action: 'viewQueue', detail: 'limit=25' }]);
    expect(a.entries.some((e) => e.actor.id === 'viewer-b')).toBe(false);
    expect(a.entries.length).toBeGreaterThan(0);
  });
});
