/** Which item of a cancelled transaction failed its condition, by position in the request. */
export function cancelledConditions(error: unknown): boolean[] | undefined {
  if (!error || typeof error !== 'object' || (error as { name?: string }).name !== 'TransactionCanceledException') return undefined;
  const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
  return reasons.map((r) => r.Code === 'ConditionalCheckFailed');
}

export function isConditionalCheckFailed(error: unknown): boolean {
  return !!error && typeof error === 'object' && (error as { name?: string }).name === 'ConditionalCheckFailedException';
}
