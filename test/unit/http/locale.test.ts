import { describe, expect, it } from 'vitest';
import { locale, localeOf } from '../../../shared/http/locale';
import { apiEvent } from './api-event';
import { middlewareRequest } from './middleware-request';

describe('the locale middleware', () => {
  it('sets the caller’s language on the context, Chinese by default', async () => {
    const en = middlewareRequest(apiEvent('GET', '/x', { headers: { 'accept-language': 'en-GB,en;q=0.9' } }));
    await locale().before!(en);
    expect(en.context.locale).toBe('en');
    const none = middlewareRequest(apiEvent('GET', '/x'));
    await locale().before!(none);
    expect(none.context.locale).toBe('zh-CN');
  });

  it('keeps the domain’s rule: the first language it knows wins, whatever the q-values say', () => {
    expect(localeOf(apiEvent('GET', '/x', { headers: { 'accept-language': 'zh;q=0.1, en;q=0.9' } }))).toBe('en');
    expect(localeOf(apiEvent('GET', '/x', { headers: { 'accept-language': 'fr, en-US;q=0.5' } }))).toBe('en');
  });

  it('finds the header in any case (an error can come before the headers are normalised)', () => {
    expect(localeOf(apiEvent('GET', '/x', { headers: { 'Accept-Language': 'en' } }))).toBe('en');
  });
});
