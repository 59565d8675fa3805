// The packaging settings (package.json "build", read by electron-builder via
// `npm run dist`): what the installers contain, how they are hardened and
// how they present themselves to the desktop.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  main: string;
  scripts: Record<string, string>;
  devDependencies: Record<string, string>;
  dependencies: Record<string, string>;
  build: {
    appId: string;
    productName: string;
    files: string[];
    extraResources: { from: string; to: string }[];
    icon: string;
    fileAssociations: { ext: string | string[]; mimeType: string }[];
    linux: { target: string[]; category: string; icon: string; mimeTypes: string[]; desktop: { entry: Record<string, string> } };
    win: { target: string[]; icon: string };
    mac: { target: string[]; icon: string };
    electronFuses: Record<string, boolean>;
  };
};
const { build } = pkg;

/** Width and height from a PNG's IHDR chunk. */
function pngSize(path: string): { width: number; height: number } {
  const bytes = readFileSync(path);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('electron-builder configuration', () => {
  it('names the app and keeps electron and electron-builder in devDependencies', () => {
    expect(build.appId).toBe('org.triangulate.app');
    expect(build.productName).toBe('Triangulate');
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+/);
    for (const name of ['electron', 'electron-builder']) {
      expect(pkg.devDependencies[name]).toBeDefined();
      expect(pkg.dependencies[name]).toBeUndefined();
    }
    expect(pkg.scripts.dist).toBe('node scripts/dist.mjs');
  });

  it('flips the fuses: no run-as-node, no NODE_OPTIONS, no --inspect, asar integrity on and the app only from its asar', () => {
    expect(build.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('builds AppImage and .deb for Linux, an NSIS installer for Windows and a dmg for macOS', () => {
    expect(build.linux.target).toEqual(['AppImage', 'deb']);
    expect(build.win.target).toEqual(['nsis']);
    expect(build.mac.target).toEqual(['dmg']);
  });

  it('files the Linux app under Office and offers it for the files Triangulate imports', () => {
    expect(['Office', 'Education']).toContain(build.linux.category);
    const types = ['text/plain', 'text/markdown', 'text/html', 'application/json'];
    expect(build.linux.mimeTypes).toEqual(types);
    expect(build.fileAssociations.map((a) => a.mimeType)).toEqual(types);
    expect(build.linux.desktop.entry.StartupWMClass).toBe('Triangulate');
  });

  it('packs the built app, not the bench or the crash-test tools, and ships the corpus where the packaged app looks for it (resources/corpus)', () => {
    expect(build.files).toEqual(['out/**', '!out/bench/**', '!out/tools/**', 'package.json']);
    expect(pkg.main.startsWith('out/')).toBe(true);
    expect(build.extraResources).toContainEqual({ from: 'corpus', to: 'corpus' });
    expect(existsSync(join(root, 'corpus'))).toBe(true);
    // src/main/index.ts reads the packaged corpus from process.resourcesPath/corpus.
    expect(readFileSync(join(root, 'src', 'main', 'index.ts'), 'utf8')).toContain("join(process.resourcesPath, 'corpus')");
  });

  it('points at icons that exist at the sizes each platform wants', () => {
    for (const icon of [build.icon, build.win.icon, build.mac.icon]) {
      expect(pngSize(join(root, icon))).toEqual({ width: 1024, height: 1024 });
    }
    expect(existsSync(join(root, 'build', 'icon.svg'))).toBe(true);
    for (const size of [16, 32, 48, 64, 128, 256, 512, 1024]) {
      expect(pngSize(join(root, build.linux.icon, `${size}x${size}.png`))).toEqual({ width: size, height: size });
    }
  });
});
