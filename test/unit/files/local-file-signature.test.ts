/** The local stand-in for presigned GETs: a link is good for its file, name, type and time, and nothing else. */
import { describe, expect, it } from 'vitest';
import { isSafeFileKey, signedFilePath, verifySignedFile } from '../../../shared/aws/local-file-signature';
import { contentDisposition } from '../../../shared/aws/s3-file-links';

const secret = 'a-local-key-of-enough-length-for-the-test-0123456789';
const request = { key: 'exports/demo/u/01ABC.csv', fileName: '建议导出-20261201-0930.csv', contentType: 'text/csv; charset=utf-8', disposition: 'attachment' as const, expires: 1_000 };

function check(path: string, now: number, key = secret) {
  const url = new URL(path, 'http://127.0.0.1');
  return verifySignedFile(key, url.pathname, url.searchParams, now);
}

describe('signed file links', () => {
  it('verifies its own link until it expires', () => {
    const path = signedFilePath(secret, request);
    expect(check(path, 999)).toEqual({ ok: true, request });
    expect(check(path, 1_000)).toMatchObject({ ok: true });
    expect(check(path, 1_001)).toEqual({ ok: false, why: 'expired' });
  });

  it('refuses any change to what was signed, and another key', () => {
    const path = signedFilePath(secret, request);
    const changed = (name: string, value: string) => {
      const url = new URL(path, 'http://127.0.0.1');
      url.searchParams.set(name, value);
      return `${url.pathname}?${url.searchParams}`;
    };
    expect(check(changed('expires', '9999999'), 0)).toEqual({ ok: false, why: 'signature' });
    expect(check(changed('name', 'x.csv'), 0)).toEqual({ ok: false, why: 'signature' });
    expect(check(changed('disposition', 'inline'), 0)).toEqual({ ok: false, why: 'signature' });
    expect(check(path.replace('01ABC', '01ABD'), 0)).toEqual({ ok: false, why: 'signature' });
    expect(check(path, 0, `${secret}x`)).toEqual({ ok: false, why: 'signature' });
    expect(check(changed('expires', 'soon'), 0)).toEqual({ ok: false, why: 'malformed' });
  });

  it('takes only keys inside the files folder', () => {
    expect(isSafeFileKey('bulletins/demo/week/2026-W48/r1-01ABC/bulletin.html')).toBe(true);
    for (const bad of ['../secret', 'a/../../b', '/etc/passwd', 'a//b', 'a/./b', 'a\\b', '']) expect(isSafeFileKey(bad)).toBe(false);
  });

  it('names the download in ASCII and in UTF-8 (RFC 6266)', () => {
    expect(contentDisposition('attachment', '建议导出.csv')).toBe(`attachment; filename="____.csv"; filename*=UTF-8''%E5%BB%BA%E8%AE%AE%E5%AF%BC%E5%87%BA.csv`);
  });
});
