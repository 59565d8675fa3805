/**
 * Which layers side by side draws over the texts (issue 18): pending
 * suggestions, shared passages and group outlines, each on or off, and how
 * they are remembered between visits (a small JSON value; anything unreadable
 * or missing falls back to showing the layer).
 */
export interface CompareLayers {
  suggestions: boolean;
  sharedPassages: boolean;
  groups: boolean;
}

export const ALL_LAYERS_SHOWN: CompareLayers = { suggestions: true, sharedPassages: true, groups: true };

export const COMPARE_LAYERS_KEY = 'triangulate.compare.layers';

export function parseCompareLayers(raw: string | null): CompareLayers {
  let stored: unknown = null;
  try {
    stored = raw === null ? null : JSON.parse(raw);
  } catch {
    stored = null;
  }
  const record = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const flag = (key: keyof CompareLayers) => (typeof record[key] === 'boolean' ? (record[key] as boolean) : true);
  return { suggestions: flag('suggestions'), sharedPassages: flag('sharedPassages'), groups: flag('groups') };
}
