import { describe, expect, it } from 'vitest';
import { maskEmail, maskName, maskPhone } from '../../../shared/domain/masking';
import { maskRecipient } from '../../../shared/domain/notifications/failed';

describe('masking contact details', () => {
  it('keeps enough to tell two apart, not enough to reach anyone', () => {
    expect([maskName('张'), maskName('张三'), maskName('欧阳修文远')]).toEqual(['*', '张*', '欧***']);
    expect([maskPhone('13812345678'), maskPhone('+8613812345678')]).toEqual(['138****5678', '+86****5678']);
    expect([maskEmail('zhang@example.com'), maskEmail('@example.com'), maskEmail('nobody')]).toEqual(['z***@example.com', '***', '***']);
  });

  it('hides a number too short to keep seven digits back whole', () => {
    expect([maskPhone('12345678'), maskPhone('110')]).toEqual(['****', '****']);
  });

  it('masks a notification recipient by its channel', () => {
    expect([maskRecipient('sms', '13800138000'), maskRecipient('email', 'li@example.org')]).toEqual(['138****8000', 'l***@example.org']);
  });
});
