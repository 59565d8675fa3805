import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultDataDir } from '../main/store/defaultDataDir';
import { parseServeArgs } from './parseServeArgs';

const defaults = { dataDir: defaultDataDir, rendererDir: '/app/out/renderer', cwd: '/home/ana/project' };

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('parseServeArgs', () => {
  it('takes --data and --port', () => {
    const args = parseServeArgs(['--data', '/tmp/tri', '--port', '5399'], defaults);
    expect(args).toMatchObject({ dataDir: '/tmp/tri', port: 5399, rendererDir: '/app/out/renderer' });
  });

  it('takes the --flag=value form and a relative folder from the starting folder', () => {
    const args = parseServeArgs(['--data=corpus-notes', '--port=0', '--renderer=dist/ui'], defaults);
    expect(args).toMatchObject({ dataDir: '/home/ana/project/corpus-notes', port: 0, rendererDir: '/home/ana/project/dist/ui' });
  });

  it('uses TRIANGULATE_DATA when --data is not given, and any free port', () => {
    vi.stubEnv('TRIANGULATE_DATA', '/srv/triangulate-data');
    const args = parseServeArgs([], defaults);
    expect(args.dataDir).toBe('/srv/triangulate-data');
    expect(args.port).toBe(0);
  });

  it('lets --data win over TRIANGULATE_DATA', () => {
    vi.stubEnv('TRIANGULATE_DATA', '/srv/triangulate-data');
    expect(parseServeArgs(['--data', '/tmp/mine'], defaults).dataDir).toBe('/tmp/mine');
  });

  it.each([['--port', 'http'], ['--port', '70000'], ['--port', '-1']])('rejects %s %s with a clear message', (flag, value) => {
    expect(() => parseServeArgs([flag, value], defaults)).toThrow(/--port must be a whole number from 0 to 65535/);
  });

  it('rejects a flag without its value and unknown flags', () => {
    expect(() => parseServeArgs(['--data'], defaults)).toThrow(/--data needs a value/);
    expect(() => parseServeArgs(['--data', '--port', '3'], defaults)).toThrow(/--data needs a value/);
    expect(() => parseServeArgs(['--dta', 'x'], defaults)).toThrow(/Unknown option "--dta"/);
  });
});
