/**
 * The coder layer choice (issue 16) the reader, side by side and the
 * annotation table share: everyone's annotations, mine, one other coder's,
 * or only the disagreements. A plain select, so it is reached with Tab and
 * changed with the arrow keys.
 */
import type { CoderLayer } from './coderLayers';

export interface CoderLayerSelectProps {
  value: CoderLayer;
  onChange: (layer: CoderLayer) => void;
  /** Every coder to offer (mine is left out of the named ones: it is "Me"). */
  coders: readonly string[];
  me: string | null;
  label?: string;
  /** The "all" option's wording. */
  allLabel?: string;
}

export function CoderLayerSelect({ value, onChange, coders, me, label = 'Show annotations by', allLabel = 'All coders' }: CoderLayerSelectProps) {
  return (
    <label className="coder-layer">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="all">{allLabel}</option>
        <option value="mine">Me{me ? ` (${me})` : ''}</option>
        {coders
          .filter((c) => c !== me)
          .map((c) => (
            <option key={c} value={`coder:${c}`}>
              {c}
            </option>
          ))}
        <option value="disagreements">Only disagreements</option>
      </select>
    </label>
  );
}
