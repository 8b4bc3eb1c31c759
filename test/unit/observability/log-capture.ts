/**
 * Captures the functions' log lines in a test file, reading what Powertools writes to stdout and stderr (its own
 * Console on them). The test run keeps the logger SILENT (vitest.config.ts), and Powertools puts a logger back to
 * its initial level at each invocation, so the file must start its logger at DEBUG, before importing it:
 *   vi.hoisted(() => vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'DEBUG'));
 */
import { afterAll, afterEach, beforeEach, vi } from 'vitest';

export function captureLogLines(): Array<Record<string, unknown>> {
  const lines: Array<Record<string, unknown>> = [];
  beforeEach(() => {
    lines.length = 0;
    for (const stream of [process.stdout, process.stderr]) {
      vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
        for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
        return true;
      });
    }
  });
  afterEach(() => vi.restoreAllMocks());
  afterAll(() => vi.unstubAllEnvs());
  return lines;
}
