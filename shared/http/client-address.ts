/**
 * The real client address, for per-client limits. Behind CloudFront the connection comes from an edge server, so
 * API Gateway's sourceIp is the edge's; CloudFront puts the viewer's own address in `CloudFront-Viewer-Address`
 * ("198.51.100.10:46532", "2001:db8::1:46532") and overwrites whatever a client sent under that name. The header
 * can be trusted because nothing reaches the API except through CloudFront (origin-guard.ts; the execute-api
 * endpoint is off when the API has a domain of its own). The local origin sets it the same way.
 *
 * IPv6 clients are keyed by their /64: one subscriber usually holds a whole /64 and could rotate within it.
 */
import { isIP } from 'node:net';

export const viewerAddressHeader = 'cloudfront-viewer-address';

function withoutPort(value: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) return bracketed[1]!;
  if (isIP(value)) return value;
  const colon = value.lastIndexOf(':');
  return colon > 0 && /^\d+$/.test(value.slice(colon + 1)) ? value.slice(0, colon) : value;
}

function ipv6Prefix64(address: string): string {
  const [head = '', tail = ''] = address.split('::');
  const headParts = head ? head.split(':') : [];
  const tailParts = tail ? tail.split(':') : [];
  const missing = 8 - headParts.length - tailParts.length;
  const groups = address.includes('::') ? [...headParts, ...Array(Math.max(0, missing)).fill('0'), ...tailParts] : headParts;
  return `${groups.slice(0, 4).map((g) => g.toLowerCase().replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

/** The address a limit is keyed by: the viewer's IPv4 address, or its IPv6 /64; the connection's as a fallback. */
export function clientAddress(viewerAddress: string | undefined, sourceIp: string | undefined): string {
  const candidate = viewerAddress ? withoutPort(viewerAddress.split(',')[0]!.trim()) : (sourceIp ?? '');
  const version = isIP(candidate);
  if (version === 4) return candidate;
  if (version === 6) return candidate.startsWith('::ffff:') && isIP(candidate.slice(7)) === 4 ? candidate.slice(7) : ipv6Prefix64(candidate);
  return sourceIp && isIP(sourceIp) ? sourceIp : 'unknown';
}
