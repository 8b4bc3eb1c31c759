/**
 * Kept files in the data folder, behind the same ports as the S3 bucket (FileWriter, FileLinks): what `npm start`
 * and the tests use. A file is streamed into a temporary name and renamed when complete, so a failed write leaves
 * nothing behind; downloads are served by the local origin at an HMAC-signed, expiring URL.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import * as path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FileLinks, FileReader, FileWriter } from '../ports';
import { isSafeFileKey, signedFilePath } from './local-file-signature';

function filePath(dir: string, key: string): string {
  if (!isSafeFileKey(key)) throw new Error(`not a file key: ${key}`);
  return path.join(dir, ...key.split('/'));
}

export class LocalFileWriter implements FileWriter {
  constructor(private readonly dir: string) {}

  async write(key: string, body: NodeJS.ReadableStream): Promise<void> {
    const target = filePath(this.dir, key);
    await mkdir(path.dirname(target), { recursive: true });
    const partial = `${target}.part-${randomBytes(6).toString('hex')}`;
    try {
      await pipeline(body, createWriteStream(partial, { flags: 'wx' }));
      await rename(partial, target);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
  }
}

/** A small kept file read whole (a campaign's cover); the type is the caller's to know (it is in the key). */
export class LocalFileReader implements FileReader {
  constructor(private readonly dir: string) {}

  async read(key: string): ReturnType<FileReader['read']> {
    try {
      return { body: await readFile(filePath(this.dir, key)) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }
}

export class LocalFileLinks implements FileLinks {
  private secret: Promise<string> | undefined;

  constructor(
    /** The local origin that serves /files/ (the functions' PUBLIC_BASE_URL). */
    private readonly baseUrl: string,
    private readonly secretFile: string,
    private readonly nowSeconds: () => number = () => Math.floor(Date.now() / 1000),
  ) {}

  async downloadUrl(key: string, options: Parameters<FileLinks['downloadUrl']>[1]): Promise<string> {
    if (!isSafeFileKey(key)) throw new Error(`not a file key: ${key}`);
    this.secret ??= readFile(this.secretFile, 'utf8').then((text) => text.trim());
    const secret = await this.secret;
    return `${this.baseUrl}${signedFilePath(secret, { key, fileName: options.fileName, contentType: options.contentType, disposition: options.disposition, expires: this.nowSeconds() + options.expiresInSeconds })}`;
  }
}
