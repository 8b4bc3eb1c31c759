import { describe, expect, it } from 'vitest';
import { ForbiddenError } from '../../../shared/domain/errors';
import { originGuard, originHeader } from '../../../shared/http/origin-guard';
import { apiEvent } from './api-event';
import { middlewareRequest } from './middleware-request';

const secret = 's'.repeat(40);
const request = (headers: Record<string, string> = {}) => middlewareRequest(apiEvent('GET', '/x', { headers }));

describe('the origin guard middleware', () => {
  it('lets a request through CloudFront (the secret header) pass', async () => {
    await expect(originGuard(async () => secret).before!(request({ [originHeader]: secret }))).resolves.toBeUndefined();
  });

  it('refuses a request without the header, or with a wrong one of any length', async () => {
    for (const headers of [{}, { [originHeader]: 'x' }, { [originHeader]: 't'.repeat(40) }] as Array<Record<string, string>>) {
      await expect(originGuard(async () => secret).before!(request(headers))).rejects.toBeInstanceOf(ForbiddenError);
    }
  });

  it('checks nothing where no origin secret is configured', async () => {
    await expect(originGuard(undefined).before!(request())).resolves.toBeUndefined();
  });
});
