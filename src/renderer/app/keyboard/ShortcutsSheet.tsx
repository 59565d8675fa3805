/**
 * The shortcuts sheet (`?`, or Help ▸ Shortcuts in the desktop app): a modal
 * dialog listing every row of the shortcuts table, grouped by where it works.
 * Escape or Close shuts it and the focus goes back where it was.
 */
import { useEffect, useRef, useState } from 'react';
import { useAppCommand } from '../appCommands';
import { SHORTCUTS, type ShortcutArea } from './shortcuts';

const AREAS: readonly ShortcutArea[] = ['Everywhere', 'Reading', 'Selecting and tagging', 'Suggestions', 'Adjudicating'];

export function ShortcutsSheet() {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDialogElement>(null);
  useAppCommand('shortcuts', () => setOpen(true));

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog ref={ref} className="shortcuts-sheet" aria-labelledby="shortcuts-title" onClose={() => setOpen(false)}>
      <div className="shortcuts-sheet__head">
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <button type="button" onClick={() => setOpen(false)}>
          Close
        </button>
      </div>
      {open
        ? AREAS.map((area) => (
            <section key={area} className="shortcuts-sheet__area" aria-labelledby={`shortcuts-${area.replace(/\W+/g, '-')}`}>
              <h3 id={`shortcuts-${area.replace(/\W+/g, '-')}`}>{area}</h3>
              <table>
                <thead className="visually-hidden">
                  <tr>
                    <th scope="col">Keys</th>
                    <th scope="col">What it does</th>
                  </tr>
                </thead>
                <tbody>
                  {SHORTCUTS.filter((s) => s.area === area).map((s) => (
                    <tr key={s.id}>
                      <th scope="row">
                        <kbd>{s.keys}</kbd>
                      </th>
                      <td>{s.what}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ))
        : null}
      <p className="shortcuts-sheet__note">Single keys do nothing while you type in a field; there Ctrl+Z undoes your typing.</p>
    </dialog>
  );
}
