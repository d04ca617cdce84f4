import { randomUUID, randomBytes, createHash } from 'node:crypto';

export const newId = (): string => randomUUID();
/** URL-safe random token (256 bits by default). */
export const newToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');
export const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');
