import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../shared/domain/errors';
import { submissionSchema } from '../../../shared/domain/intake/submission';
import { parseOrThrow } from '../../../shared/domain/validation';

const valid = { title: '公交站台加装遮阳棚', content: '夏天候车暴晒', category: 'traffic', channel: 'web' };

function problems(input: unknown) {
  try {
    parseOrThrow(submissionSchema, input);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).fields;
  }
  throw new Error('expected a validation error');
}

describe('submission schema', () => {
  it('accepts a minimal and a full submission, trimming text', () => {
    expect(parseOrThrow(submissionSchema, { ...valid, title: '  标题 ' }).title).toBe('标题');
    const full = parseOrThrow(submissionSchema, {
      ...valid,
      location: { address: '人民路 1 号', lat: 31.2, long: 121.4 },
      contact: { name: '张三', phone: '13812345678', email: 'z@example.com', consent: true },
      campaignId: 'xiance-2026',
    });
    expect(full.contact?.phone).toBe('13812345678');
  });

  it('keeps coordinates to 7 decimals, so any number in range can be stored (a fuzzing find: 2.5e-323 broke DynamoDB)', () => {
    const parsed = parseOrThrow(submissionSchema, { ...valid, location: { lat: -2.449308562383167e-144, long: 121.123456789 } });
    expect(parsed.location).toEqual({ lat: 0, long: 121.1234568 });
    expect(Object.is(parsed.location?.lat, -0)).toBe(false);
    expect(problems({ ...valid, location: { lat: 91 } })).toEqual({ 'location.lat': { rule: 'range', params: { min: '-∞', max: 90 } } });
  });

  it('refuses a filled honeypot field by name', () => {
    expect(problems({ ...valid, website: 'http://spam.example' })).toEqual({ website: { rule: 'leaveEmpty' } });
    expect(parseOrThrow(submissionSchema, { ...valid, website: '' }).title).toBe(valid.title);
  });

  it('names each missing field as required', () => {
    expect(problems({})).toEqual({
      title: { rule: 'required' },
      content: { rule: 'required' },
      category: { rule: 'required' },
      channel: { rule: 'required' },
    });
    expect(problems({ ...valid, title: '   ' })).toEqual({ title: { rule: 'required' } });
  });

  it('names wrong types, lengths, enums and unknown fields', () => {
    expect(problems({ ...valid, title: 42 })).toEqual({ title: { rule: 'type', params: { expected: 'string' } } });
    expect(problems({ ...valid, content: 'x'.repeat(5001) })).toEqual({ content: { rule: 'tooLong', params: { max: 5000 } } });
    expect(problems({ ...valid, category: "weather" })?.category?.rule).toBe('oneOf');
    expect(problems({ ...valid, admin: true })).toEqual({ admin: { rule: 'unknownField' } });
    expect(problems({ ...valid, location: { lat: 91 } })?.["location.lat"]?.rule).toBe('range');
  });

  it('accepts exactly 5,000 characters of content', () => {
    expect(parseOrThrow(submissionSchema, { ...valid, content: '建'.repeat(5000) }).content).toHaveLength(5000);
  });

  it('checks contact details and consent', () => {
    expect(problems({ ...valid, contact: { phone: '12345', consent: true } })).toEqual({ 'contact.phone': { rule: 'phone' } });
    expect(problems({ ...valid, contact: { email: 'nope', consent: true } })).toEqual({ 'contact.email': { rule: 'email' } });
    expect(problems({ ...valid, contact: { phone: '13812345678', consent: false } })).toEqual({ 'contact.consent': { rule: 'consentRequired' } });
    expect(problems({ ...valid, contact: { name: '张三', consent: true } })).toEqual({ 'contact.phone': { rule: 'contactIncomplete' } });
  });
});
