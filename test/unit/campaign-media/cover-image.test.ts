/** A cover image's type is told by its first bytes, never by what the upload claims. */
import { describe, expect, it } from 'vitest';
import { coverKey, sniffCoverType } from '../../../shared/domain/campaign/cover-image';

export const pngBytes = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
export const jpegBytes = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);
export const webpBytes = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x24, 0, 0, 0]), Buffer.from('WEBPVP8 ')]);

describe('cover image', () => {
  it('knows JPEG, PNG and WebP by their magic bytes', () => {
    expect(sniffCoverType(jpegBytes)).toBe('image/jpeg');
    expect(sniffCoverType(pngBytes)).toBe('image/png');
    expect(sniffCoverType(webpBytes)).toBe('image/webp');
  });

  it('refuses anything else, however it is named', () => {
    expect(sniffCoverType(Buffer.from('GIF89a......'))).toBeUndefined();
    expect(sniffCoverType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>'))).toBeUndefined();
    expect(sniffCoverType(Buffer.from('RIFF\0\0\0\0WAVEfmt '))).toBeUndefined();
    expect(sniffCoverType(Buffer.from([0xff, 0xd8]))).toBeUndefined();
    expect(sniffCoverType(new Uint8Array())).toBeUndefined();
  });

  it('keeps each upload under a key of its own', () => {
    expect(coverKey('demo', 'xiance-2026', '01JABC', 'image/jpeg')).toBe('campaigns/demo/xiance-2026/cover-01JABC.jpg');
    expect(coverKey('demo', 'xiance-2026', '01JABD', 'image/webp')).toBe('campaigns/demo/xiance-2026/cover-01JABD.webp');
  });
});
