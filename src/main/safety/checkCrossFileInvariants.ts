/**
 * The kill loop's cross-file check of a data folder, as a kill left it:
 *   - every group member and every credit (Quote→Source link) in links.json
 *     points at an annotation that exists, unless a pending intent
 *     (pending/, see pendingUnlinks) names its article: then the next start
 *     finishes that clean-up, and the reference counts as repairable;
 *   - every text file belongs to an article index.json lists (none is left
 *     by an import cut short; the writer the loop kills imports nothing),
 *     and every version of a text index.json lists has its file (the one
 *     exception: the text of the version after an article's current one,
 *     left by a kill before index.json listed it, repairable: the next
 *     import of that version writes it again);
 *   - an annotation file is over the article's current version of the text,
 *     or an older one (a kill between storing a version and re-anchoring:
 *     repairable, the store re-anchors it when it reads it), never a newer one;
 *     annotations a newer version no longer holds still count as existing;
 *   - every entry of counts.json that claims to describe the annotation file
 *     on disk (same signature) holds that file's counts per tag and per coder.
 * Reads only; a file that cannot be read is left to findDamagedFiles.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { AnnotationRef } from '../../shared/crossArticle/crossArticle';
import { currentVersion } from '../../shared/model/model';
import { articleTextFiles, textFileName } from '../store/articleTextFiles';
import { parseIndexFile } from '../store/checkDataFile';
import { COUNTS_FILE, readCountsFile, signatureOf } from '../store/countsIndex';
import { readPendingUnlinks } from '../store/pendingUnlinks';
import { readDataEntry } from './readDataEntry';

export interface CrossFileCheck {
  /** Group members and credit ends checked. */
  references: number;
  /** References to deleted annotations that a pending intent covers (repaired at the next start). */
  repairable: number;
  /** counts.json entries compared with their annotation files. */
  countsChecked: number;
  failures: string[];
}

export async function checkCrossFileInvariants(dataDir: string): Promise<CrossFileCheck> {
  const result: CrossFileCheck = { references: 0, repairable: 0, countsChecked: 0, failures: [] };
  const indexRead = await readDataEntry(join(dataDir, 'index.json'));
  const index = indexRead.state === 'ok' ? parseIndexFile(indexRead.bytes.toString('utf8')) : null;
  if (!index) return result;

  // Annotation ids, counts per tag and per coder, per article, as the files hold them.
  const annotations = new Map<string, { ids: Set<string>; counts: Map<string, number>; coders: Map<string, number> } | null>();
  for (const article of index.articles) {
    const read = await readDataEntry(join(dataDir, 'annotations', `${article.id}.json`));
    if (read.state === 'missing') annotations.set(article.id, { ids: new Set(), counts: new Map(), coders: new Map() });
    else if (read.state === 'damaged') annotations.set(article.id, null);
    else {
      try {
        const file = JSON.parse(read.bytes.toString('utf8')) as {
          annotations: { id: string; tagId: string; creator: string }[];
          unanchored?: { id: string }[];
          textVersion?: number;
        };
        const counts = new Map<string, number>();
        const coders = new Map<string, number>();
        for (const a of file.annotations) {
          counts.set(a.tagId, (counts.get(a.tagId) ?? 0) + 1);
          coders.set(a.creator, (coders.get(a.creator) ?? 0) + 1);
        }
        const ids = new Set([...file.annotations, ...(file.unanchored ?? [])].map((a) => a.id));
        annotations.set(article.id, { ids, counts, coders });
        const textVersion = file.textVersion ?? 1;
        if (textVersion > currentVersion(article)) {
          result.failures.push(`annotations/${article.id}.json is over version ${textVersion} of the text; index.json lists ${currentVersion(article)}`);
        } else if (textVersion < currentVersion(article)) result.repairable++;
      } catch {
        annotations.set(article.id, null);
      }
    }
  }

  const pending = await readPendingUnlinks(dataDir);
  const covered = (articleId: string): boolean => pending.some((p) => p.articles === 'all' || p.articles.includes(articleId));
  const linksRead = await readDataEntry(join(dataDir, 'links.json'));
  if (linksRead.state === 'ok') {
    try {
      const links = JSON.parse(linksRead.bytes.toString('utf8')) as {
        groups: { id: string; members: AnnotationRef[] }[];
        sourceLinks: { id: string; quote: AnnotationRef; source: AnnotationRef }[];
      };
      const check = (ref: AnnotationRef, what: string): void => {
        result.references++;
        const held = annotations.get(ref.articleId);
        if (held === null) return; // its file is damaged: reported by findDamagedFiles
        if (held?.ids.has(ref.annotationId)) return;
        if (covered(ref.articleId)) result.repairable++;
        else result.failures.push(`links.json: ${what} points at annotation ${ref.annotationId} of article ${ref.articleId}, which does not exist`);
      };
      for (const g of links.groups) for (const m of g.members) check(m, `group ${g.id}`);
      for (const l of links.sourceLinks) {
        check(l.quote, `credit ${l.id} (its quote)`);
        check(l.source, `credit ${l.id} (its source)`);
      }
    } catch {
      // Not JSON: reported by findDamagedFiles.
    }
  }

  const listed = new Set(index.articles.flatMap((a) => articleTextFiles(a).map((f) => f.name)));
  const present = new Set(await readdir(join(dataDir, 'texts')).catch(() => [] as string[]));
  const next = new Set(index.articles.map((a) => textFileName(a.id, currentVersion(a) + 1)));
  for (const name of present) {
    if (!name.startsWith('.') && name.endsWith('.json') && !listed.has(name)) {
      if (next.has(name)) result.repairable++;
      else result.failures.push(`texts/${name} belongs to no article index.json lists`);
    }
  }
  for (const name of listed) if (!present.has(name)) result.failures.push(`texts/${name} is missing, while index.json lists it`);

  const countsRead = await readDataEntry(join(dataDir, COUNTS_FILE));
  const counts = countsRead.state === 'ok' ? readCountsFile(countsRead.bytes.toString('utf8')) : null;
  if (counts !== null && typeof counts !== 'string') {
    for (const [articleId, entry] of Object.entries(counts.articles)) {
      const held = annotations.get(articleId);
      if (!held) continue;
      const info = await stat(join(dataDir, 'annotations', `${articleId}.json`)).catch(() => null);
      const signature = info ? signatureOf(info) : 'none';
      // An entry for another version of the file is stale: the next listing counts that article again.
      if (entry.file !== signature) continue;
      result.countsChecked++;
      const want = [...held.counts].filter(([, n]) => n > 0).sort();
      const got = Object.entries(entry.counts).filter(([, n]) => n > 0).sort();
      if (JSON.stringify(want) !== JSON.stringify(got)) {
        result.failures.push(`counts.json: article ${articleId} is counted ${JSON.stringify(Object.fromEntries(got))}, its file holds ${JSON.stringify(Object.fromEntries(want))}`);
      }
      // The coders (an entry of an older counts.json has none: it is counted again at the next start).
      if (entry.coders) {
        const wantCoders = [...held.coders].filter(([, n]) => n > 0).sort();
        const gotCoders = Object.entries(entry.coders).filter(([, n]) => n > 0).sort();
        if (JSON.stringify(wantCoders) !== JSON.stringify(gotCoders)) {
          result.failures.push(
            `counts.json: article ${articleId} has annotations by ${JSON.stringify(Object.fromEntries(gotCoders))}, its file by ${JSON.stringify(Object.fromEntries(wantCoders))}`,
          );
        }
      }
    }
  }
  return result;
}
