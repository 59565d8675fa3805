/**
 * One article as a line of passim's input (JSON lines; passim, the
 * text-reuse detector that runs on Apache Spark, reads `id`, `series` and
 * `text`, and keeps any other field). `series` is the outlet: passim compares
 * documents of different series only, so two articles of one outlet are not
 * aligned with each other (an article without an outlet is a series of its
 * own). The text is the canonical text, so passim's `begin`/`end` offsets in
 * its output are offsets into our text (both count UTF-16 code units: passim
 * runs on the JVM). `version` says which version of the article's text it
 * is (the current one; passim keeps the field in its output, so reading its
 * clusters back can tell offsets into an older text from offsets into the
 * current one).
 */
import { currentVersion, type ArticleMeta } from '../../model/model';

export interface PassimDocument {
  id: string;
  series: string;
  date?: string;
  title: string;
  /** The version of the article's text `text` is: the current one (1 while there is one). */
  version: number;
  text: string;
}

/** `text`: the current version's canonical text. */
export function toPassimDocument(meta: ArticleMeta, text: string): PassimDocument {
  return {
    id: meta.id,
    series: meta.outlet?.trim() || `article:${meta.id}`,
    ...(meta.date ? { date: meta.date } : {}),
    title: meta.title,
    version: currentVersion(meta),
    text,
  };
}

/** The document as one line of passim's JSON-lines input. */
export function passimLine(meta: ArticleMeta, text: string): string {
  return `${JSON.stringify(toPassimDocument(meta, text))}\n`;
}
