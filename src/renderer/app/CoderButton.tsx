/**
 * The header's coder button: the coder's initials in their colour; it opens
 * the coder dialog to change the name, initials or colour (the settings of
 * who is coding). Its accessible name says who is coding.
 */
import { defaultInitials } from '../../shared/coders/coderProfile';
import { coderColour, textOn } from '../components/coderColour';
import type { Coder } from '../data/coderContext';
import './coder.css';

export function CoderButton({ coder, onOpen }: { coder: Coder; onOpen: () => void }) {
  const colour = coderColour(coder.name, coder.colour);
  return (
    <button type="button" className="coder-button" aria-label={`Coder: ${coder.name} (change)`} title={`Coding as ${coder.name}`} onClick={onOpen}>
      <span className="coder-badge" style={{ background: colour, color: textOn(colour) }} aria-hidden="true">
        {coder.initials ?? defaultInitials(coder.name)}
      </span>
    </button>
  );
}
