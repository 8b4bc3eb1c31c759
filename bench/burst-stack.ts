/**
 * The stack under test of bench:burst, as `npm start` runs it (startLocalStack with a data folder), in a process of
 * its own so the benchmark can kill it with kill -9 — its whole process group, DynamoDB Local's JVM included — and
 * start it again on the same data. Prints one JSON line with what the benchmark needs, then serves until killed.
 */
import { startLocalStack } from '../infra/local/local-stack';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const [dataDir, port] = process.argv.slice(2);
if (!dataDir || !port) throw new Error('usage: burst-stack <dataDir> <port>');

const stack = await startLocalStack({
  dataDir,
  port: Number(port),
  seed: false,
  // The schedules as deployed (the workflow sweep every minute), the first run soon after a start.
  schedules: 2_000,
  log: (message) => {
    if (process.env.BURST_LOG_STACK === '1') console.error(`[stack] ${message}`);
  },
});
console.log(JSON.stringify({ ready: true, url: stack.url, dynamodb: stack.endpoints.dynamodb, sfn: stack.endpoints.sfn, tableName: stack.tableName, stateMachineArn: stack.stateMachineArn }));
