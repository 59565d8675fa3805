/**
 * Tells every screen that the codebook changed (the Codebook screen saved a
 * tag, reordered, deleted or imported): `useCodebook` listens and shows the
 * new tags at once, so the reader's toolbar, keys and chips follow.
 */
import type { Tag } from '../../shared/model/model';

export const CODEBOOK_EVENT = 'triangulate:codebook';

export function announceCodebook(tags: readonly Tag[]): void {
  window.dispatchEvent(new CustomEvent<readonly Tag[]>(CODEBOOK_EVENT, { detail: tags }));
}
