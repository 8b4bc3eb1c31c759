import { describe, expect, it, vi } from 'vitest';
import { log } from '../../../shared/observability/log';
import { captureLogLines } from './log-capture';

vi.hoisted(() => vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'DEBUG'));
const lines = captureLogLines();

describe('the functions’ log (Powertools)', () => {
  it('writes one JSON line per entry, with level, message, service and time', () => {
    log.info('sweep done');
    expect(lines).toEqual([expect.objectContaining({ level: 'INFO', message: 'sweep done', service: 'jianyi', timestamp: expect.any(String) })]);
  });

  it('gives a detail object’s keys to the entry, an Error under `error`, anything else under `detail`', () => {
    log.warn('not delivered', { messageId: 'm1', attempts: 2 });
    log.error('failed', new TypeError('bad input'));
    log.warn('odd', 'just a string');
    expect(lines[0]).toMatchObject({ level: 'WARN', messageId: 'm1', attempts: 2 });
    expect(lines[1]).toMatchObject({ level: 'ERROR', error: { name: 'TypeError', message: 'bad input' } });
    expect(lines[2]).toMatchObject({ detail: 'just a string' });
  });
});
