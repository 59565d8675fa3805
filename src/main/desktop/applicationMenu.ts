/**
 * The application menu, as a template for Menu.buildFromTemplate:
 * File (Export annotations…, Quit), Edit, View (the screens: Library,
 * Reader, Side by side, Coverage; reload, zoom; developer tools only in
 * development builds) and Help (About, with the version).
 */
import type { MenuItemConstructorOptions } from 'electron';
import { exportAnnotationsToFile, type ExportDeps } from './exportAnnotationsToFile';

/** The app's screens, as the renderer's `#view=` route names them. */
export type MenuView = 'library' | 'reader' | 'compare' | 'coverage';

export interface MenuDeps extends ExportDeps {
  version: string;
  /** Shows a screen in the main window (Reader and Side by side return to the articles last open there). */
  showView: (view: MenuView) => void;
  isPackaged: boolean;
  platform: NodeJS.Platform;
}

export function applicationMenuTemplate(deps: MenuDeps): MenuItemConstructorOptions[] {
  const mac = deps.platform === 'darwin';
  const about = async (): Promise<void> => {
    await deps.showMessageBox({
      type: 'info',
      title: 'About Triangulate',
      message: `Triangulate ${deps.version}`,
      detail: 'A desktop annotation workbench for people who study news coverage.',
    });
  };

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      {
        label: 'Export Annotations…',
        accelerator: 'CmdOrCtrl+E',
        click: () => void exportAnnotationsToFile(deps),
      },
      ...(mac ? [] : [{ type: 'separator' } as const, { role: 'quit' } as const]),
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { label: 'Library', click: () => deps.showView('library') },
      { label: 'Reader', click: () => deps.showView('reader') },
      { label: 'Side by Side', click: () => deps.showView('compare') },
      { label: 'Coverage', click: () => deps.showView('coverage') },
      { type: 'separator' },
      { role: 'reload' },
      ...(deps.isPackaged ? [] : [{ role: 'toggleDevTools' } as const]),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [{ label: 'About Triangulate', click: () => void about() }],
  };
  return [...(mac ? [{ role: 'appMenu' } as const] : []), file, edit, view, help];
}
