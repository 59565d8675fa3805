import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { toAnnotationCollection, type AnnotationCollection } from '../../shared/formats/w3c/w3cExport';
import { applicationMenuTemplate, type MenuDeps } from './applicationMenu';

const COLLECTION: AnnotationCollection = toAnnotationCollection({
  articles: [],
  codebook: [],
  annotationsByArticle: new Map(),
  generated: '2024-01-01T00:00:00.000Z',
});

function setUp(overrides: Partial<MenuDeps> & { savePath?: string | null } = {}) {
  const written: [string, string][] = [];
  const errors: string[] = [];
  const messages: string[] = [];
  const sent: string[] = [];
  const { savePath = '/home/ana/export.json', ...rest } = overrides;
  const deps: MenuDeps = {
    api: { exportW3C: async () => COLLECTION },
    dataDir: '/home/ana/.local/share/Triangulate',
    version: '0.1.0',
    isPackaged: false,
    platform: 'linux',
    sendCommand: (command) => void sent.push(command),
    showSaveDialog: async () => (savePath === null ? { canceled: true } : { canceled: false, filePath: savePath }),
    writeFile: async (path, contents) => void written.push([path, contents]),
    showMessageBox: async (options) => void messages.push(`${options.message} ${options.detail ?? ''}`),
    showErrorBox: (title, content) => void errors.push(`${title}: ${content}`),
    ...rest,
  };
  return { template: applicationMenuTemplate(deps), written, errors, messages, sent };
}

const submenu = (template: MenuItemConstructorOptions[], label: string) =>
  (template.find((m) => m.label?.replace('&', '') === label || m.role === label)?.submenu ?? []) as MenuItemConstructorOptions[];

async function clickExport(template: MenuItemConstructorOptions[]): Promise<void> {
  const item = submenu(template, 'File').find((i) => i.label === 'Export Annotations…');
  if (!item?.click) throw new Error('no Export item');
  (item.click as () => void)();
  await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('applicationMenuTemplate', () => {
  it('has File, Edit, View and Help menus', () => {
    const { template } = setUp();
    expect(template.map((m) => m.label ?? m.role)).toEqual(['&File', '&Edit', '&View', 'help']);
  });

  it('File ▸ Export writes the W3C export to the chosen file and says so', async () => {
    const { template, written, messages } = setUp();
    await clickExport(template);
    expect(written).toHaveLength(1);
    expect(written[0]![0]).toBe('/home/ana/export.json');
    expect(JSON.parse(written[0]![1])).toEqual(COLLECTION);
    expect(messages).toEqual(['Exported 0 annotations. /home/ana/export.json']);
  });

  it('writes nothing when the save dialog is cancelled', async () => {
    const { template, written, errors } = setUp({ savePath: null });
    await clickExport(template);
    expect(written).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('refuses to export into the data folder, where it could replace the library', async () => {
    const { template, written, errors } = setUp({ savePath: '/home/ana/.local/share/Triangulate/index.json' });
    await clickExport(template);
    expect(written).toEqual([]);
    expect(errors[0]).toMatch(/inside Triangulate's data folder/);
  });

  it('shows a failed write in an error dialog', async () => {
    const { template, errors } = setUp({
      writeFile: async () => {
        throw new Error('EACCES: permission denied');
      },
    });
    await clickExport(template);
    expect(errors).toEqual(['Export failed: Could not export to /home/ana/export.json: EACCES: permission denied']);
  });

  it('offers developer tools only in development builds', () => {
    const roles = (packaged: boolean) => submenu(setUp({ isPackaged: packaged }).template, 'View').map((i) => i.role);
    expect(roles(false)).toContain('toggleDevTools');
    expect(roles(true)).not.toContain('toggleDevTools');
    expect(roles(true)).toEqual(expect.arrayContaining(['reload', 'zoomIn', 'zoomOut', 'resetZoom']));
  });

  it('View switches between the screens by sending the window its commands (no page load, the session stays)', () => {
    const { template, sent } = setUp();
    const items = submenu(template, 'View').filter((i) => i.label);
    expect(items.map((i) => i.label)).toEqual(['Library', 'Reader', 'Side by Side', 'Coverage', 'Annotations', 'Codebook']);
    for (const item of items) (item.click as () => void)();
    expect(sent).toEqual(['show-library', 'show-reader', 'show-compare', 'show-coverage', 'show-annotations', 'show-codebook']);
  });

  it('has the clipboard roles and Quit', () => {
    const { template } = setUp();
    expect(submenu(template, 'Edit').map((i) => i.role)).toEqual(expect.arrayContaining(['cut', 'copy', 'paste', 'selectAll']));
    expect(submenu(template, 'File').map((i) => i.role)).toContain('quit');
  });

  it('File ▸ Import, Edit ▸ Undo, Redo and Find, Help ▸ Keyboard Shortcuts send the window its commands', () => {
    const { template, sent } = setUp();
    const click = (menu: string, label: string) => {
      const item = submenu(template, menu).find((i) => i.label === label);
      if (!item?.click) throw new Error(`no ${menu} ▸ ${label}`);
      (item.click as () => void)();
      return item;
    };
    expect(click('File', 'Import Articles…').accelerator).toBe('CmdOrCtrl+O');
    expect(click('Edit', 'Undo').accelerator).toBe('CmdOrCtrl+Z');
    expect(click('Edit', 'Redo').accelerator).toBe('CmdOrCtrl+Shift+Z');
    click('Edit', 'Find in Corpus…');
    click('help', 'Keyboard Shortcuts');
    expect(sent).toEqual(['import', 'undo', 'redo', 'search', 'shortcuts']);
  });

  it('leaves the window’s own keys to the window outside macOS, so one key press runs a command once', () => {
    const undoOn = (platform: NodeJS.Platform) => submenu(setUp({ platform }).template, 'Edit').find((i) => i.label === 'Undo');
    expect(undoOn('linux')?.registerAccelerator).toBe(false);
    expect(undoOn('win32')?.registerAccelerator).toBe(false);
    expect(undoOn('darwin')?.registerAccelerator).toBe(true);
  });

  it('Help ▸ About shows the version', async () => {
    const { template, messages } = setUp({ version: '1.2.3' });
    const about = submenu(template, 'help').find((i) => i.label === 'About Triangulate');
    (about?.click as () => void)();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(messages[0]).toMatch(/^Triangulate 1\.2\.3/);
  });
});
