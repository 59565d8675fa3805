/**
 * The coder as the app holds it: loaded once at start (getCoder), with the
 * coder dialog open on the first start of a data folder (no coder chosen
 * yet) and whenever the header's coder button asks for it. A folder that
 * cannot be read leaves the coder null and asks nothing (recovery comes first).
 */
import { useEffect, useState } from 'react';
import { getApi } from '../api/getApi';
import type { Coder } from '../data/coderContext';

export function useCoderState() {
  const [coder, setCoder] = useState<Coder | null>(null);
  const [dialogOpen, setDialogOpen] = useState(false);
  useEffect(() => {
    let live = true;
    getApi()
      .getCoder({})
      .then(
        (c) => {
          if (!live) return;
          setCoder(c);
          if (!c.chosen) setDialogOpen(true);
        },
        () => undefined,
      );
    return () => {
      live = false;
    };
  }, []);
  return { coder, setCoder, dialogOpen, openDialog: () => setDialogOpen(true), closeDialog: () => setDialogOpen(false) };
}
