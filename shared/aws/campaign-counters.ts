/**
 * How a campaign's counters move on DynamoDB: ADDs on its counter shard items (aggregate.ts), always inside the
 * transaction that records what they count — a response, a suggestion, a scan, a participant — so the count is
 * exact under retries. Shared by the response store and the suggestion store.
 */
import type { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { counterGroups, counterShards, type Counters } from '../domain/campaign/aggregate';
import { keys } from '../model/table';

export type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

/** Counters per update expression: DynamoDB caps an expression at 4 KB (aggregate.ts, counterGroups). */
const countersPerUpdate = 300;

/** Tries of a transaction that lost to a concurrent one on the same shard (each try moves to the next shard). */
const conflictTries = 6;

/** The Updates adding a contribution, in groups on consecutive shards from `first` (any shard sums the same). */
export function counterUpdates(tableName: string, orgId: string, campaignId: string, first: number, counters: Counters): TransactItem[] {
  return counterGroups(counters, countersPerUpdate).map((group, g) => {
    const names: Record<string, string> = { '#type': 'type' };
    const values: Record<string, unknown> = { ':type': 'campaignCounters' };
    const placeholders = new Map<number, string>();
    const terms = Object.entries(group).map(([name, value], i) => {
      names[`#c${i}`] = name;
      let placeholder = placeholders.get(value);
      if (!placeholder) {
        placeholder = `:v${placeholders.size}`;
        placeholders.set(value, placeholder);
        values[placeholder] = value;
      }
      return `#c${i} ${placeholder}`;
    });
    return {
      Update: {
        TableName: tableName,
        Key: keys.campaignCounterShard(orgId, campaignId, (((first + g) % counterShards) + counterShards) % counterShards),
        UpdateExpression: `SET #type = :type ADD ${terms.join(', ')}`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    };
  });
}

/** The reason code of each item of a cancelled transaction, by position; undefined for any other error. */
export function cancellationCodes(error: unknown): (string | undefined)[] | undefined {
  if (!error || typeof error !== 'object' || (error as { name?: string }).name !== 'TransactionCanceledException') return undefined;
  return ((error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? []).map((r) => r.Code);
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Whether to try a cancelled counting transaction again. Two transactions on one shard item at once cancel each
 * other (TransactionConflict) rather than queue: such a try is repeated after a short jittered pause — the caller
 * moves to the next shard with `attempt`, any shard sums the same. Anything else (a failed condition included,
 * which the caller reads with cancellationCodes) is not. The callers send the command themselves, with the
 * transaction's items written out where they send it (what test/infra's analysis of SDK commands reads).
 */
export async function retryOnConflict(error: unknown, attempt: number): Promise<boolean> {
  const codes = cancellationCodes(error);
  const conflictOnly = !!codes && codes.includes('TransactionConflict') && !codes.includes('ConditionalCheckFailed');
  if (!conflictOnly || attempt + 1 >= conflictTries) return false;
  await pause(5 * 2 ** attempt * (0.5 + Math.random()));
  return true;
}
