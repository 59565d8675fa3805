/**
 * Compares a presented access token with the expected one in constant time,
 * so the time a wrong guess takes says nothing about how close it was.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

export function tokensEqual(presented: string | undefined, expected: string): boolean {
  if (typeof presented !== 'string' || expected.length === 0) return false;
  // Hashing first gives equal-length buffers whatever was presented.
  return timingSafeEqual(digest(presented), digest(expected));
}
