import path from 'node:path';
import { parseDuration } from '../domain/rules/duration';
import { DEFAULT_PORTAL_LINK_TTL } from '../domain/rules/portal-links';

/**
 * The creator and brand portal (README "Creator portal and brand review links", docs/portal.md):
 * how long a link lasts, how many requests a client or a link may make, and where uploads go.
 */
export interface PortalConfig {
  /** PORTAL_LINK_TTL (default 30d): a link unused this long stops working; each use extends it. */
  linkTtlMs: number;
  /** PORTAL_RATE_LIMIT (default 60): requests per minute per client address and per link. */
  requestsPerMinute: number;
  uploads: {
    /** UPLOADS_DIR (default <CREATOROPS_DATA_DIR or .data>/uploads). */
    dir: string;
    /** UPLOAD_MAX_BYTES (default 25 MB): a larger draft file is refused with 413. */
    maxBytes: number;
    /** UPLOAD_TYPES (default image/jpeg,image/png,image/webp,video/mp4,video/quicktime,application/pdf). */
    types: string[];
  };
}

export const DEFAULT_UPLOAD_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'video/mp4', 'video/quicktime', 'application/pdf'];
export const DEFAULT_UPLOAD_MAX_BYTES = 25 * 1024 * 1024;
const MAX_UPLOAD_MAX_BYTES = 2 * 1024 * 1024 * 1024;

export function parsePortalConfig(env: NodeJS.ProcessEnv, problems: string[]): PortalConfig {
  let linkTtlMs = parseDuration(DEFAULT_PORTAL_LINK_TTL);
  try {
    if (env.PORTAL_LINK_TTL) linkTtlMs = parseDuration(env.PORTAL_LINK_TTL);
  } catch (error) {
    problems.push(`PORTAL_LINK_TTL: ${(error as Error).message} (got "${env.PORTAL_LINK_TTL}")`);
  }
  const requestsPerMinute = Number(env.PORTAL_RATE_LIMIT ?? 60);
  if (!Number.isInteger(requestsPerMinute) || requestsPerMinute < 1 || requestsPerMinute > 100_000) {
    problems.push(`PORTAL_RATE_LIMIT must be a whole number of requests per minute from 1 to 100000 (got "${env.PORTAL_RATE_LIMIT}")`);
  }
  const dataDir = env.CREATOROPS_DATA_DIR?.trim() || '.data';
  const dir = path.resolve(env.UPLOADS_DIR?.trim() || path.join(dataDir, 'uploads'));
  const maxBytes = Number(env.UPLOAD_MAX_BYTES ?? DEFAULT_UPLOAD_MAX_BYTES);
  if (!Number.isInteger(maxBytes) || maxBytes < 1 || maxBytes > MAX_UPLOAD_MAX_BYTES) {
    problems.push(`UPLOAD_MAX_BYTES must be a whole number of bytes from 1 to ${MAX_UPLOAD_MAX_BYTES} (got "${env.UPLOAD_MAX_BYTES}")`);
  }
  const types = env.UPLOAD_TYPES
    ? env.UPLOAD_TYPES.split(',')
        .map((type) => type.trim().toLowerCase())
        .filter(Boolean)
    : DEFAULT_UPLOAD_TYPES;
  if (!types.length || types.some((type) => !/^[a-z]+\/[a-z0-9.+-]+$/.test(type))) {
    problems.push(`UPLOAD_TYPES must be a comma-separated list of media types such as image/png,video/mp4 (got "${env.UPLOAD_TYPES}")`);
  }
  return { linkTtlMs, requestsPerMinute, uploads: { dir, maxBytes, types } };
}
