/**
 * Turns a transport's `{ ok, value | error }` envelope into the value, or
 * throws the ApiError it carries; anything else is an `internal` ApiError.
 */
import { ApiError, apiErrorFrom } from '../../shared/contract/apiError';

export function unwrapEnvelope(envelope: unknown, what: string): unknown {
  if (envelope && typeof envelope === 'object' && 'ok' in envelope) {
    const e = envelope as { ok: unknown; value?: unknown; error?: unknown };
    if (e.ok === true) return e.value;
    if (e.ok === false) throw apiErrorFrom(e.error);
  }
  throw new ApiError('internal', `Unexpected answer to ${what} from Triangulate's core.`);
}
