// Renders build/icon.svg into the PNG sizes the platforms want: build/icons/<n>x<n>.png
// (16…1024, Linux hicolor and electron-builder's icon set) and build/icon.png (1024,
// electron-builder's source for the Windows .ico and the macOS .icns). Run once after
// changing the SVG: `node scripts/renderIcons.mjs`; the PNGs are committed.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';

export const ICON_SIZES = [16, 32, 48, 64, 128, 256, 512, 1024];

const buildDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'build');
const svg = readFileSync(join(buildDir, 'icon.svg'));

function render(size) {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
}

mkdirSync(join(buildDir, 'icons'), { recursive: true });
for (const size of ICON_SIZES) writeFileSync(join(buildDir, 'icons', `${size}x${size}.png`), render(size));
writeFileSync(join(buildDir, 'icon.png'), render(1024));
console.log(`Triangulate: wrote build/icon.png and build/icons/{${ICON_SIZES.join(',')}} from build/icon.svg`);
