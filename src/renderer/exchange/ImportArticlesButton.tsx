/**
 * "Import articles…" and "Import folder…" in the library: file choosers for
 * text, Markdown, HTML and JSON/JSONL batch files (a folder's files are
 * filtered to those kinds). The app's `import` command (File ▸ Import in
 * the desktop menu, Ctrl+O / ⌘O from the shortcuts table) opens the file chooser; a command that
 * comes without a user gesture (which a file chooser needs) focuses the
 * button instead and says to press Enter. While an import runs the buttons
 * say they are unavailable (aria-disabled) but are not disabled: a disabled
 * button drops the focus, and the keyboard user would find it on the page's
 * top once the import is done.
 */
import { useEffect, useRef, useState } from 'react';
import { ARTICLE_FILE_EXTENSIONS } from '../../shared/contract/articleImport';
import { useAppCommand } from '../app/appCommands';
import { pickedFromInput, type PickedFile } from './collectDroppedFiles';

export interface ImportArticlesButtonProps {
  busy: boolean;
  onPick: (files: PickedFile[]) => void;
}

export function ImportArticlesButton({ busy, onPick }: ImportArticlesButtonProps) {
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);

  const button = useRef<HTMLButtonElement>(null);
  const [hint, setHint] = useState('');

  const chooseFiles = () => {
    if (!busy) filesInput.current?.click();
  };
  useAppCommand('import', () => {
    // A command from the desktop menu carries no user gesture, and the browser opens a file chooser only with one:
    // then the button is focused so Enter opens it.
    if (navigator.userActivation && !navigator.userActivation.isActive) {
      button.current?.focus();
      setHint('Press Enter to choose the articles to import.');
      return;
    }
    chooseFiles();
  });

  useEffect(() => {
    // The folder chooser attribute is not in React's typings.
    folderInput.current?.setAttribute('webkitdirectory', '');
  }, []);

  const picked = (input: HTMLInputElement) => {
    const files = input.files ? pickedFromInput(input.files) : [];
    input.value = '';
    if (files.length > 0) onPick(files);
  };

  return (
    <div className="import-articles">
      <button
        ref={button}
        type="button"
        className="secondary-button"
        onClick={() => {
          setHint('');
          chooseFiles();
        }}
        onBlur={() => setHint('')}
        aria-disabled={busy}
        aria-keyshortcuts="Control+O"
      >
        Import articles…
      </button>
      <button type="button" className="secondary-button" onClick={() => !busy && folderInput.current?.click()} aria-disabled={busy}>
        Import folder…
      </button>
      <span className="import-articles__hint" role="status">
        {hint}
      </span>
      <input
        ref={filesInput}
        type="file"
        multiple
        accept={ARTICLE_FILE_EXTENSIONS.join(',')}
        className="visually-hidden"
        tabIndex={-1}
        aria-label="Article files to import"
        onChange={(e) => picked(e.currentTarget)}
      />
      <input
        ref={folderInput}
        type="file"
        multiple
        className="visually-hidden"
        tabIndex={-1}
        aria-label="Folder of articles to import"
        onChange={(e) => picked(e.currentTarget)}
      />
    </div>
  );
}
