/**
 * Makes an element (the library) a drop target for files and folders:
 * while files are dragged over it, `dragging` is true (for a visible cue);
 * a drop hands its files, folders walked, to `onDrop`. Files dropped
 * elsewhere on the page are ignored rather than opened by the browser. Drags
 * that carry no files (text, links) are left alone.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import { collectDroppedFiles, type PickedFile } from './collectDroppedFiles';

export function useLibraryDrop(target: RefObject<HTMLElement | null>, onDrop: (files: Promise<PickedFile[]>) => void): boolean {
  const [dragging, setDragging] = useState(false);
  const latest = useRef(onDrop);
  latest.current = onDrop;

  useEffect(() => {
    const element = target.current;
    if (!element) return;
    let depth = 0;
    const carriesFiles = (event: DragEvent) => Array.from(event.dataTransfer?.types ?? []).includes('Files');
    const enter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth++;
      setDragging(true);
    };
    const over = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const leave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (event: DragEvent) => {
      if (!event.dataTransfer || !carriesFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      latest.current(collectDroppedFiles(event.dataTransfer));
    };
    // A file dropped beside the target must not make the browser open it in place of the app.
    const elsewhere = (event: DragEvent) => {
      if (carriesFiles(event) && !element.contains(event.target as Node)) event.preventDefault();
    };
    window.addEventListener('dragover', elsewhere);
    window.addEventListener('drop', elsewhere);
    element.addEventListener('dragenter', enter);
    element.addEventListener('dragover', over);
    element.addEventListener('dragleave', leave);
    element.addEventListener('drop', drop);
    return () => {
      element.removeEventListener('dragenter', enter);
      element.removeEventListener('dragover', over);
      element.removeEventListener('dragleave', leave);
      element.removeEventListener('drop', drop);
      window.removeEventListener('dragover', elsewhere);
      window.removeEventListener('drop', elsewhere);
    };
  }, [target]);

  return dragging;
}
