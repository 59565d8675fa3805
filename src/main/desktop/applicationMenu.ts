/**
 * The application menu, as a template for Menu.buildFromTemplate:
 * File (Import articles…, Export annotations…, Quit), Edit (Undo, Redo,
 * the clipboard, Find…), View (the screens: Library, Reader, Side by side,
 * Coverage, Annotations, Codebook; reload, zoom; developer tools only in development builds) and
 * Help (Keyboard shortcuts, About with the version).
 * Import, Undo, Redo, Find, Keyboard shortcuts and the screens are the
 * window's own commands: the menu sends them to it (a screen is switched in
 * place, the page is not loaded again). Their keys are shown but, outside
 * macOS, left to the window's own key handling, so a key press runs once.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { AppCommand } from '../../shared/contract/appCommandNames';
import { exportAnnotationsToFile, type ExportDeps } from './exportAnnotationsToFile';

export interface MenuDeps extends ExportDeps {
  version: string;
  /** Sends one of the window's own commands to it. */
  sendCommand: (command: AppCommand) => void;
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

  const command = (label: string, name: AppCommand, accelerator: string): MenuItemConstructorOptions => ({
    label,
    accelerator,
    registerAccelerator: mac,
    click: () => deps.sendCommand(name),
  });

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      command('Import Articles…', 'import', 'CmdOrCtrl+O'),
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
      command('Undo', 'undo', 'CmdOrCtrl+Z'),
      command('Redo', 'redo', 'CmdOrCtrl+Shift+Z'),
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
      { type: 'separator' },
      command('Find in Corpus…', 'search', 'CmdOrCtrl+F'),
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { label: 'Library', click: () => deps.sendCommand('show-library') },
      { label: 'Reader', click: () => deps.sendCommand('show-reader') },
      { label: 'Side by Side', click: () => deps.sendCommand('show-compare') },
      { label: 'Coverage', click: () => deps.sendCommand('show-coverage') },
      { label: 'Annotations', click: () => deps.sendCommand('show-annotations') },
      { label: 'Codebook', click: () => deps.sendCommand('show-codebook') },
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
    submenu: [command('Keyboard Shortcuts', 'shortcuts', 'Shift+/'), { type: 'separator' }, { label: 'About Triangulate', click: () => void about() }],
  };
  return [...(mac ? [{ role: 'appMenu' } as const] : []), file, edit, view, help];
}
