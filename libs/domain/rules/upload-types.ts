/**
 * What a draft file really is, from its first bytes, so that an upload is judged by its content
 * and not by the name or type the browser claims (docs/portal.md#uploads). Null: none we know.
 */
export function sniffMediaType(head: Uint8Array): string | null {
  const at = (offset: number, ...bytes: number[]) => bytes.every((byte, i) => head[offset + i] === byte);
  const ascii = (offset: number, text: string) => at(offset, ...[...text].map((c) => c.charCodeAt(0)));
  if (at(0, 0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (ascii(0, 'RIFF') && ascii(8, 'WEBP')) return 'image/webp';
  if (ascii(0, '%PDF-')) return 'application/pdf';
  if (ascii(4, 'ftyp')) return ascii(8, 'qt  ') ? 'video/quicktime' : 'video/mp4';
  return null;
}

/** Why this file may not be stored, or null: its size against the limit, its content against the allow-list. */
export function uploadProblem(file: { size: number; head: Uint8Array }, limits: { maxBytes: number; types: readonly string[] }): { status: 413 | 415 | 400; message: string } | null {
  if (file.size === 0) return { status: 400, message: 'The file is empty' };
  if (file.size > limits.maxBytes) return { status: 413, message: `The file is larger than ${Math.floor(limits.maxBytes / (1024 * 1024)) || limits.maxBytes} ${limits.maxBytes >= 1024 * 1024 ? 'MB' : 'bytes'}` };
  const type = sniffMediaType(file.head);
  if (!type || !limits.types.includes(type)) return { status: 415, message: `This kind of file is not accepted; send one of: ${limits.types.join(', ')}` };
  return null;
}

/** A draft's assetUrl when the file was uploaded to CreatorOps rather than linked: its content hash. */
export const UPLOAD_ASSET = /^upload:([0-9a-f]{64})$/;
