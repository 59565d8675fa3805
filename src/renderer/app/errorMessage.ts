/**
 * The sentence the error banner shows for a failed call: what was being done,
 * then the API's own message (an ApiError's message is written for people).
 */
import { ApiError } from '../../shared/contract/apiError';

export function errorMessage(action: string, err: unknown): string {
  let detail: string;
  if (err instanceof ApiError) detail = err.message;
  else if (err instanceof Error) detail = err.message || err.name;
  else detail = String(err);
  detail = detail.trim() || 'Unknown error';
  return `${action}: ${detail}`;
}
