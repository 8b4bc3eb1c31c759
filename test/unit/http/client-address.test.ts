import { describe, expect, it } from 'vitest';
import { clientAddress } from '../../../shared/http/client-address';

describe('the client address behind CloudFront', () => {
  it('takes the viewer address CloudFront forwards, without its port, over the edge connection', () => {
    expect(clientAddress('198.51.100.10:46532', '130.176.1.1')).toBe('198.51.100.10');
    expect(clientAddress('198.51.100.10', '130.176.1.1')).toBe('198.51.100.10');
    expect(clientAddress('[2001:db8:1:2:3:4:5:6]:443', '130.176.1.1')).toBe('2001:db8:1:2::/64');
  });

  it('keys IPv6 clients by their /64, however the address is written', () => {
    expect(clientAddress('2001:db8:0:2:aaaa::1:46532', undefined)).toBe('2001:db8:0:2::/64');
    expect(clientAddress('2001:0db8:0000:0002:ffff:1:2:3:46532', undefined)).toBe('2001:db8:0:2::/64');
    expect(clientAddress('2001:db8::1:46532', undefined)).toBe('2001:db8:0:0::/64');
    expect(clientAddress('::ffff:203.0.113.9', undefined)).toBe('203.0.113.9');
  });

  it('falls back to the connection when there is no usable viewer address', () => {
    expect(clientAddress(undefined, '203.0.113.7')).toBe('203.0.113.7');
    expect(clientAddress('not an address', '203.0.113.7')).toBe('203.0.113.7');
    expect(clientAddress(undefined, undefined)).toBe('unknown');
  });
});
