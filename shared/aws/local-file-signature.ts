/**
 * The local stand-in for a presigned S3 GET: the local origin serves a kept file only at a URL carrying an expiry
 * and an HMAC-SHA256 of everything the response depends on (file, name, type, disposition, expiry) under a key
 * in the data folder. The functions sign (local-file-links.ts); infra/local/file-downloads.ts checks (403 if not).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const localFilesPath = '/files/';

export interface SignedFileRequest {
  key: string;
  fileName: string;
  contentType: string;
  disposition: 'inline' | 'attachment';
  /** Unix seconds. */
  expires: number;
}

function signature(secret: string, r: SignedFileRequest): string {
  return createHmac('sha256', secret).update([r.key, r.fileName, r.contentType, r.disposition, String(r.expires)].join('\n')).digest('base64url');
}

/** The URL path and query (without origin) of a signed download. */
export function signedFilePath(secret: string, r: SignedFileRequest): string {
  const query = new URLSearchParams({ name: r.fileName, type: r.contentType, disposition: r.disposition, expires: String(r.expires), signature: signature(secret, r) });
  return `${localFilesPath}${r.key.split('/').map(encodeURIComponent).join('/')}?${query}`;
}

/** The request a URL stands for when its signature holds and it has not expired; why not otherwise. */
export function verifySignedFile(secret: string, pathname: string, query: URLSearchParams, nowSeconds: number): { ok: true; request: SignedFileRequest } | { ok: false; why: 'malformed' | 'signature' | 'expired' } {
  if (!pathname.startsWith(localFilesPath)) return { ok: false, why: 'malformed' };
  let key: string;
  try {
    key = pathname.slice(localFilesPath.length).split('/').map(decodeURIComponent).join('/');
  } catch {
    return { ok: false, why: 'malformed' };
  }
  const [fileName, contentType, disposition, expiresText, given] = ['name', 'type', 'disposition', 'expires', 'signature'].map((name) => query.get(name));
  if (!fileName || !contentType || (disposition !== 'inline' && disposition !== 'attachment') || !expiresText || !/^\d{1,12}$/.test(expiresText) || !given) return { ok: false, why: 'malformed' };
  const request: SignedFileRequest = { key, fileName, contentType, disposition, expires: Number(expiresText) };
  const expected = Buffer.from(signature(secret, request));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return { ok: false, why: 'signature' };
  if (request.expires < nowSeconds) return { ok: false, why: 'expired' };
  return { ok: true, request };
}

/** A key that stays inside the files folder: segments of letters, digits, `._-`, no `..`. */
export function isSafeFileKey(key: string): boolean {
  return /^[\w.-]+(\/[\w.-]+)*$/.test(key) && !key.split('/').some((segment) => segment === '..' || segment === '.');
}
