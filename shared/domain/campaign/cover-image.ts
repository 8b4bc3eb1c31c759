/**
 * A campaign's cover image: what is accepted (JPEG, PNG or WebP, told by the file's own first bytes rather than by
 * what the browser claims, at most 1 MB) and where it is kept. Pure.
 */

export const coverLimits = { maxBytes: 1024 * 1024 } as const;

export const coverTypes = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type CoverType = (typeof coverTypes)[number];

const extensions: Record<CoverType, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

/** The image type by its magic bytes, or undefined when it is none of the three. */
export function sniffCoverType(bytes: Uint8Array): CoverType | undefined {
  const starts = (signature: readonly number[], at = 0) => bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  // RIFF....WEBP
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  return undefined;
}

/** `campaigns/{org}/{campaign}/cover-{id}.{ext}`: a new key per upload, so a cached old cover is never served for a new one. */
export function coverKey(orgId: string, campaignId: string, uploadId: string, type: CoverType): string {
  return `campaigns/${orgId}/${campaignId}/cover-${uploadId}.${extensions[type]}`;
}
