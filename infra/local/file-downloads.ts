/**
 * The local origin's stand-in for presigned S3 GETs: `/files/<key>?name&type&disposition&expires&signature`
 * serves a kept file of the data folder only when the HMAC signature holds and the link has not expired
 * (shared/aws/local-file-signature.ts); anything else is a 403, as S3 answers a bad or stale presigned URL.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as path from 'node:path';
import { contentDisposition } from '../../shared/aws/s3-file-links';
import { isSafeFileKey, verifySignedFile } from '../../shared/aws/local-file-signature';

export function createFileDownloads(options: { dir: string; secret: string; now?: () => number }) {
  const now = options.now ?? (() => Math.floor(Date.now() / 1000));
  const refuse = (res: ServerResponse, status: number, why: string) => {
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
    res.end(why);
  };
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Method not allowed');
    const verified = verifySignedFile(options.secret, url.pathname, url.searchParams, now());
    if (!verified.ok) return refuse(res, 403, verified.why === 'expired' ? 'Request has expired' : 'Access denied');
    const { key, fileName, contentType, disposition } = verified.request;
    if (!isSafeFileKey(key)) return refuse(res, 403, 'Access denied');
    const file = path.join(options.dir, ...key.split('/'));
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) return refuse(res, 404, 'No such file');
    res.writeHead(200, {
      'content-type': contentType,
      'content-length': info.size,
      'content-disposition': contentDisposition(disposition, fileName),
      'cache-control': 'private, no-store',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file).pipe(res);
  };
}
