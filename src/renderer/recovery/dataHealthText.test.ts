import { describe, expect, it } from 'vitest';
import { restoreOutcome, whatWillBeLost } from './dataHealthText';

const utc = (iso: string) => iso.replace('T', ' ').slice(0, 16) + ' UTC';

describe('whatWillBeLost', () => {
  it('names each damaged file with the time of the latest backup', () => {
    const health = {
      damaged: [
        { file: 'index.json', problem: 'is not valid JSON' },
        { file: 'links.json', problem: 'is not valid JSON' },
      ],
      latestBackup: { name: '2024-05-01T12-30-00.000Z', time: '2024-05-01T12:30:00.000Z' },
    };
    expect(whatWillBeLost(health, utc)).toEqual([
      'Changes made after 2024-05-01 12:30 UTC to index.json will be lost.',
      'Changes made after 2024-05-01 12:30 UTC to links.json will be lost.',
    ]);
  });

  it('promises nothing when there is no backup', () => {
    expect(whatWillBeLost({ damaged: [{ file: 'index.json', problem: 'x' }], latestBackup: null }, utc)).toEqual([]);
  });
});

describe('restoreOutcome', () => {
  it('says which file came back from which backup and where the damaged one is kept', () => {
    const report = {
      restored: [
        { file: 'index.json', fromBackup: 'b', backupTime: '2024-05-01T12:30:00.000Z', keptAs: 'quarantine/index.json.2024-06-01T00-00-00.000Z' },
      ],
      quarantined: ['quarantine/index.json.2024-06-01T00-00-00.000Z'],
      unrecoverable: ['links.json'],
    };
    expect(restoreOutcome(report, utc)).toBe(
      'index.json was restored from the backup of 2024-05-01 12:30 UTC; the damaged file is kept as quarantine/index.json.2024-06-01T00-00-00.000Z. ' +
        'No backup holds a good copy of links.json; it was left as it is.',
    );
  });
});

describe('the banner’s own time format', () => {
  it('names the month (“7 Dec 2026, 01:15”), so the backup’s day reads the same to US and European readers', () => {
    const time = new Date(2026, 11, 7, 1, 15).toISOString();
    const health = { damaged: [{ file: 'index.json', problem: 'is not valid JSON' }], latestBackup: { name: 'b', time } };
    expect(whatWillBeLost(health)).toEqual(['Changes made after 7 Dec 2026, 01:15 to index.json will be lost.']);
  });
});
