/** Respondents and SMS codes are kept only as keyed hashes; a code is judged by expiry, tries and value. */
import { describe, expect, it } from 'vitest';
import { judgePhoneCode, phoneCodeHash, phoneCodeRules } from '../../../shared/domain/campaign/phone-code';
import { contactParticipantKey, respondentKey } from '../../../shared/domain/campaign/respondent';

const secret = 's'.repeat(32);

describe('respondentKey', () => {
  it('one person, one key: phones by digits, emails case-insensitive; scoped by campaign and secret', () => {
    const key = respondentKey(secret, 'demo', 'c1', 'phone', '13812345678');
    expect(respondentKey(secret, 'demo', 'c1', 'phone', '138 1234 5678')).toBe(key);
    expect(respondentKey(secret, 'demo', 'c2', 'phone', '13812345678')).not.toBe(key);
    expect(respondentKey('t'.repeat(32), 'demo', 'c1', 'phone', '13812345678')).not.toBe(key);
    expect(key).not.toContain('13812345678');
    expect(respondentKey(secret, 'demo', 'c1', 'email', ' A@B.cn')).toBe(respondentKey(secret, 'demo', 'c1', 'email', 'a@b.cn'));
  });
  it("a suggestion's participant: its phone, else its email, else nobody", () => {
    expect(contactParticipantKey(secret, 'demo', 'c1', { phone: '13812345678', email: 'a@b.cn' })).toBe(respondentKey(secret, 'demo', 'c1', 'phone', '13812345678'));
    expect(contactParticipantKey(secret, 'demo', 'c1', { email: 'a@b.cn' })).toBe(respondentKey(secret, 'demo', 'c1', 'email', 'a@b.cn'));
    expect(contactParticipantKey(secret, 'demo', 'c1', undefined)).toBeUndefined();
  });
});

describe('judgePhoneCode', () => {
  const now = new Date('2026-12-01T01:00:00Z');
  const hash = phoneCodeHash(secret, 'demo', 'c1', '13812345678', '123456');
  const stored = { codeHash: hash, expiresAt: now.getTime() / 1000 + 60, attempts: 0 };
  it('the right code before it expires', () => {
    expect(judgePhoneCode(stored, phoneCodeHash(secret, 'demo', 'c1', '138-1234-5678', '123456'), now)).toBe('ok');
  });
  it('wrong, expired, missing, too many tries', () => {
    expect(judgePhoneCode(stored, phoneCodeHash(secret, 'demo', 'c1', '13812345678', '654321'), now)).toBe('wrong');
    expect(judgePhoneCode({ ...stored, expiresAt: now.getTime() / 1000 }, hash, now)).toBe('expired');
    expect(judgePhoneCode(undefined, hash, now)).toBe('missing');
    expect(judgePhoneCode({ ...stored, attempts: phoneCodeRules.maxAttempts }, hash, now)).toBe('tooManyAttempts');
  });
});
