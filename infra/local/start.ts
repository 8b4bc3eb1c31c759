/**
 * `npm start`: the whole product on 127.0.0.1 with no AWS account and no network.
 *
 * Primary course:
 *   1. build the web app and synthesize the CDK app, each only when stale
 *   2. start the local stack (DynamoDB Local persisting to DATA_DIR, fauxqs, Step Functions, functions, HTTP)
 *   3. print the URLs and the demo logins, then `ready <url>` (scripts wait for that line)
 *   4. on Ctrl-C / SIGTERM, or when the npm process that launched it dies, stop everything (the DynamoDB
 *      Local JVM included) and exit
 *
 * Environment: PORT (default 3000), DATA_DIR (default ./data), JIANYI_TIME_SCALE (demo time, as --time-scale),
 * JIANYI_LOG_REQUESTS=1, JIANYI_LOG_WORKFLOWS=1 (state transitions).
 * Flags: --in-memory (nothing persists), --no-build (use cdk.out and web/dist as they are), --no-seed,
 * --time-scale=N (demo time: the clock runs N times faster and workflow waits shrink N times, e.g. 1440 = a day
 * per minute; the demo time is kept in DATA_DIR and continues after a restart).
 */
import * as path from 'node:path';
import { ensureSynthesized, ensureWebBuilt } from './build-steps';
import { projectRoot, startLocalStack, type LocalStack } from './local-stack';
import { watchLaunchChain } from './parent-watch';
import { demoIntegrationKey } from './seed-integrations';

// Before any AWS SDK loads: the SDK warns about Node 20 once per bundled copy otherwise.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const log = (message: string): void => console.log(`[jianyi] ${message}`);

function parseTimeScale(flag: string | undefined, env: string | undefined): number {
  const raw = flag ?? env;
  if (raw === undefined || raw === '') return 1;
  const scale = Number(raw);
  if (!Number.isFinite(scale) || scale < 1) throw new Error(`--time-scale / JIANYI_TIME_SCALE must be a number >= 1, got ${raw}`);
  return scale;
}

/** How fast a demo day goes by, e.g. "a day every 1 min" for 1440. */
function describeScale(scale: number): string {
  const secondsPerDay = 86_400 / scale;
  return secondsPerDay >= 60 ? `a day every ${+(secondsPerDay / 60).toFixed(1)} min` : `a day every ${+secondsPerDay.toFixed(1)} s`;
}

function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return 3000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${value}`);
  return port;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const args = new Set(argv);
  const inMemory = args.has('--in-memory');
  const port = parsePort(process.env.PORT);
  const dataDir = inMemory ? undefined : path.resolve(process.env.DATA_DIR ?? path.join(projectRoot, 'data'));
  const scaleFlag = argv.find((a) => a.startsWith('--time-scale='))?.slice('--time-scale='.length);
  const timeScale = parseTimeScale(scaleFlag, process.env.JIANYI_TIME_SCALE);

  if (!args.has('--no-build')) {
    await ensureWebBuilt(projectRoot, log);
    await ensureSynthesized(projectRoot, log);
  }

  let stack: LocalStack | undefined;
  let stopping = 0;
  const shutdown = async (signal: string): Promise<void> => {
    // Ctrl-C reaches this process twice (directly, and relayed by npm/tsx): only a later, deliberate second
    // signal means "stop waiting".
    if (stopping) {
      if (Date.now() - stopping < 2_000) return;
      log(`${signal} again: exiting now`);
      process.exit(1);
    }
    stopping = Date.now();
    log(`${signal}: stopping...`);
    await stack?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGHUP', () => void shutdown('SIGHUP'));
  watchLaunchChain((pid) => void shutdown(`parent process ${pid} exited`));

  stack = await startLocalStack({
    port,
    dataDir,
    timeScale,
    seed: !args.has('--no-seed'),
    // In demo time every open seeded suggestion runs its workflow, so reminders, escalations and auto-closes show.
    seedWorkflows: timeScale > 1 ? 'open' : 'new',
    log,
    logRequests: process.env.JIANYI_LOG_REQUESTS === '1',
    stepFunctions:
      process.env.JIANYI_LOG_WORKFLOWS === '1'
        ? {
            onExecutionEvent: (event) => {
              if (event.type === 'StateEntered' || event.type.startsWith('Execution') || event.error) {
                log(`workflow ${event.executionName}: ${event.type}${event.stateName ? ` ${event.stateName}` : ''}${event.error ? ` (${event.error})` : ''}`);
              }
            },
          }
        : undefined,
  });
  if (stopping) return;

  const url = stack.url;
  console.log('');
  console.log(`  Citizen portal   ${url}/`);
  console.log(`  Staff console    ${url}/#/staff`);
  console.log(`  Outbox           ${url}/#/outbox`);
  console.log(`  API              ${url}/api   (e.g. ${url}/api/health)`);
  console.log(`  Data             ${dataDir ?? 'in memory (nothing persists)'}`);
  if (stack.clock.scale > 1) {
    const demoNow = stack.clock.now().toISOString().replace('T', ' ').slice(0, 16);
    console.log(
      `  Demo clock       ${demoNow} UTC, x${stack.clock.scale} (${describeScale(stack.clock.scale)})${stack.clock.continued ? ', continued from the last run' : ''}`,
    );
  }
  if (stack.seeded) {
    console.log('');
    console.log('  Demo logins (seeded now):');
    for (const login of stack.seeded.logins) {
      const department = login.departmentId ? ` (${login.departmentId})` : '';
      console.log(`    ${login.role.padEnd(11)} ${login.username.padEnd(20)} ${login.password}${department}`);
    }
    const { suggestions, pin } = stack.seeded as { suggestions?: number; pin?: string };
    if (suggestions && pin) console.log(`  Demo suggestions: ${suggestions}, all trackable with PIN ${pin} (codes in the staff console).`);
  } else {
    console.log('  Demo data was seeded on an earlier start (delete the data directory to start over).');
    console.log('  Demo logins: admin, dispatcher, handler-transport, handler-urban, supervisor, organizer, viewer, operator — password jianyi-demo.');
  }
  // Issue 12: integrations and Open311 — the demo mini-program's known key (local only).
  console.log(`  Demo integration key (mini-program): ${demoIntegrationKey} — POST /api/integrations/v1/suggestions, Open311 at /open311/v2/`);
  console.log('');
  console.log(`ready ${url}`);
}

main().catch((error: unknown) => {
  console.error(`[jianyi] could not start: ${(error as Error)?.stack ?? String(error)}`);
  process.exit(1);
});
