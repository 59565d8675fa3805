/**
 * Side by side's layer toggles, remembered in the window's local storage
 * from one visit to the next (on by default; a storage that cannot be read
 * or written only loses the memory).
 */
import { useCallback, useState } from 'react';
import { COMPARE_LAYERS_KEY, parseCompareLayers, type CompareLayers } from './compareLayers';

function readStored(): string | null {
  try {
    return window.localStorage.getItem(COMPARE_LAYERS_KEY);
  } catch {
    return null;
  }
}

export function useCompareLayers(): [CompareLayers, (layer: keyof CompareLayers) => void] {
  const [layers, setLayers] = useState(() => parseCompareLayers(readStored()));
  const toggle = useCallback((layer: keyof CompareLayers) => {
    setLayers((was) => {
      const next = { ...was, [layer]: !was[layer] };
      try {
        window.localStorage.setItem(COMPARE_LAYERS_KEY, JSON.stringify(next));
      } catch {
        // Not remembered; the toggle still works for this visit.
      }
      return next;
    });
  }, []);
  return [layers, toggle];
}
