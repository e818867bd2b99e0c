import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Where draft files live (docs/portal.md#uploads): a port with one adapter today, the local disk.
 * Files are named by the SHA-256 of their content, so the same file stored twice is one file
 * and a name says nothing about who sent it.
 */
export interface UploadStore {
  /** Stores the bytes; answers their SHA-256 (lower-case hex), the key to read them back. */
  put(bytes: Buffer): Promise<string>;
  /** The bytes stored under this hash, or null. */
  get(hash: string): Promise<Buffer | null>;
}

const HASH = /^[0-9a-f]{64}$/;

/** Files under UPLOADS_DIR, in folders by the first two hex digits (no folder grows to millions of entries). */
export class LocalDiskUploadStore implements UploadStore {
  constructor(private readonly dir: string) {}

  async put(bytes: Buffer): Promise<string> {
    const hash = createHash('sha256').update(bytes).digest('hex');
    const target = this.pathOf(hash);
    if (await exists(target)) return hash;
    await mkdir(path.dirname(target), { recursive: true });
    // Written aside then renamed, so a reader never sees half a file under its final name.
    const temporary = `${target}.${randomBytes(6).toString('hex')}.part`;
    try {
      await writeFile(temporary, bytes, { mode: 0o640 });
      await rename(temporary, target);
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      throw error;
    }
    return hash;
  }

  async get(hash: string): Promise<Buffer | null> {
    if (!HASH.test(hash)) return null;
    try {
      return await readFile(this.pathOf(hash));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  private pathOf(hash: string): string {
    return path.join(this.dir, hash.slice(0, 2), hash);
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}
