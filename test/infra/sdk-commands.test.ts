/**
 * The declaration of what each function may do (infra/function-permissions.ts) against what its code can
 * actually send: the AWS SDK commands reachable from each handler (read by test/infra/sdk-commands.ts), turned
 * into IAM actions. A code change that needs a new permission fails here, locally, rather than with an
 * AccessDenied on AWS (the local runtime has no IAM); a permission no code path uses fails here too.
 *
 * Not covered here: which index a queue query names (the index is chosen at run time; permissions.test.ts
 * holds the names), and the event source's polling (sqs consume), which is Lambda's and not the code's.
 */
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../infra/constructs/project-function';
import { actionsOf, functionPermissions, type FunctionPermissions } from '../../infra/function-permissions';
import { SdkCommandAnalysis, type ActionsByResource, type HandlerCommands } from './sdk-commands';

const sourceFiles = (folder: string) =>
  readdirSync(path.join(projectRoot, folder), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => `${folder}/${f.split(path.sep).join('/')}`)
    .sort();
const handlerFiles = sourceFiles('functions');
const entryOf = (file: string) => file.replace(/^functions\//, '').replace(/\.ts$/, '');

/**
 * Command sites no Lambda function reaches, and why. Anything else unreached means the analysis lost a path
 * (or the code is dead): either way, look.
 */
const notSentByAnyFunction: Record<string, string> = {
  'shared/aws/dynamo-outbox.ts QueryCommand': 'DynamoOutbox.list: read by the local outbox page (infra/local/outbox.ts), not by a Lambda function',
};

/** The declaration in the analysis' terms: one `index` for all index queries, one `secret`, no event source polling. */
function codeLevel(permissions: FunctionPermissions): ActionsByResource {
  const actions = actionsOf({
    ...permissions,
    notificationQueue: (permissions.notificationQueue ?? []).filter((use) => use !== 'consume'),
    fileJobQueue: (permissions.fileJobQueue ?? []).filter((use) => use !== 'consume'),
  });
  const out: ActionsByResource = {};
  for (const [resource, list] of Object.entries(actions)) {
    const kind = resource.startsWith('index/') ? 'index' : resource.startsWith('secret/') ? 'secret' : resource;
    out[kind] = [...new Set([...(out[kind] ?? []), ...list])].sort();
  }
  return out;
}

let analysis: SdkCommandAnalysis;
const derived: Record<string, HandlerCommands> = {};

beforeAll(() => {
  // Every shared file is a root too, so command sites no handler imports are still seen (and reported).
  analysis = new SdkCommandAnalysis(projectRoot, [...handlerFiles, ...sourceFiles('shared')]);
  for (const file of handlerFiles) derived[entryOf(file)] = analysis.analyse(file);
}, 120_000);

describe('SDK commands each function can send, against its declared permissions', () => {
  it('declares every handler, and nothing that is not a handler', () => {
    expect(Object.keys(functionPermissions).sort()).toEqual(handlerFiles.map(entryOf).sort());
  });

  for (const file of handlerFiles) {
    const entry = entryOf(file);
    it(`${entry}: the declaration allows exactly what its code can send`, () => {
      const declared = (functionPermissions as Record<string, FunctionPermissions>)[entry];
      expect(declared, `${entry} has no entry in infra/function-permissions.ts`).toBeDefined();
      const sites = derived[entry]!.sites.map((s) => `${s.file}:${s.line} ${s.command}`);
      expect(derived[entry]!.actions, `commands reached:\n${sites.join('\n')}`).toEqual(codeLevel(declared!));
    });
  }

  it('reaches every command site in shared/ and functions/ from some function, but the listed ones', () => {
    const reached = new Set(Object.values(derived).flatMap((d) => d.sites.map((s) => `${s.file}:${s.line}`)));
    const unreached = analysis
      .allSites()
      .filter((s) => /^(shared|functions)\//.test(s.file) && !reached.has(`${s.file}:${s.line}`))
      .map((s) => `${s.file} ${s.command}`);
    expect(unreached.sort()).toEqual(Object.keys(notSentByAnyFunction).sort());
  });
});

describe('the analysis itself', () => {
  it('follows calls through ports to the adapter methods, not to whole files', () => {
    // staff-directory's bundle holds DynamoAuditLog.record (a PutCommand) and DynamoDirectory's writes, but it
    // only lists, reads and checks the account (and reads the origin secret, as every API function does).
    expect(derived['api/staff-directory']!.actions).toEqual({ table: ['dynamodb:GetItem', 'dynamodb:Query'], secret: ['secretsmanager:GetSecretValue'] });
    // Intake builds the SfnWorkflowEngine, whose answer() sends SendTaskSuccess; intake only starts executions.
    expect(derived['api/public-suggestions']!.actions.workflow).toEqual(['states:StartExecution']);
    // The queue job's store query always names an index; the table itself is never queried.
    expect(derived['jobs/queue-stats']!.actions).toEqual({ index: ['dynamodb:Query'], table: ['dynamodb:PutItem'] });
  });

  it('reads a transaction as the actions of its items', () => {
    const create = derived['api/public-suggestions']!.sites.filter((s) => s.command === 'TransactWriteCommand');
    expect(create.length).toBeGreaterThan(0);
    expect(derived['api/public-suggestions']!.actions.table).not.toContain('dynamodb:TransactWriteItems');
    expect(derived['api/public-suggestions']!.actions.table).toContain('dynamodb:PutItem');
  });

  it('sees every provider the notifier can deliver with, and the secret it reads at cold start', () => {
    const notifier = derived['queue/notifier']!.actions;
    expect(notifier.email).toEqual(['ses:SendEmail']);
    expect(notifier.sms).toEqual(['sns:Publish']);
    expect(notifier.secret).toEqual(['secretsmanager:GetSecretValue']);
  });
});
