/**
 * One article as a line of passim's input (JSON lines; passim, the
 * text-reuse detector that runs on Apache Spark, reads `id`, `series` and
 * `text`, and keeps any other field). `series` is the outlet: passim compares
 * documents of different series only, so two articles of one outlet are not
 * aligned with each other (an article without an outlet is a series of its
 * own). The text is the canonical text, so passim's `begin`/`end` offsets in
 * its output are offsets into our text (both count UTF-16 code units: passim
 * runs on the JVM).
 */
import type { ArticleMeta } from '../../model/model';

export interface PassimDocument {
  id: string;
  series: string;
  date?: string;
  title: string;
  text: string;
}

export function toPassimDocument(meta: ArticleMeta, text: string): PassimDocument {
  return {
    id: meta.id,
    series: meta.outlet?.trim() || `article:${meta.id}`,
    ...(meta.date ? { date: meta.date } : {}),
    title: meta.title,
    text,
  };
}

/** The document as one line of passim's JSON-lines input. */
export function passimLine(meta: ArticleMeta, text: string): string {
  return `${JSON.stringify(toPassimDocument(meta, text))}\n`;
}
