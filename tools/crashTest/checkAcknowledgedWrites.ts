/**
 * The kill loop's durability check for one run of the stress writer: given
 * the annotations on disk before the run (`before`), the run's events (see
 * stressWrites) and the annotations on disk after it was killed (`after`),
 * every article's annotations must be exactly those that its acknowledged
 * writes left, or those plus the one write that was in flight when the
 * process died (it may or may not have reached the disk). So an
 * acknowledged create is there unless an acknowledged delete followed, an
 * acknowledged delete stays deleted, and each annotation holds its last
 * acknowledged note and tag, or a later unacknowledged one.
 */
import type { StressEvent } from './stressWrites';

/** What is checked of an annotation. */
export interface AnnotationState {
  note: string;
  tagId: string;
}

/** Article id → annotation id → state. */
export type DiskAnnotations = ReadonlyMap<string, ReadonlyMap<string, AnnotationState>>;

export interface AcknowledgedWritesCheck {
  /** Acknowledged writes that were checked. */
  acknowledged: number;
  /** One line per problem; empty when the disk is as it must be. */
  failures: string[];
}

/** The events that concern one article's annotations. */
type ArticleEvent = Extract<StressEvent, { t: 'begin' | 'ack' | 'fail' }>;

/** Stands for the id of a create that was not acknowledged: it is recognised by its note. */
const UNKNOWN_ID = '?';

export function checkAcknowledgedWrites(before: DiskAnnotations, events: readonly StressEvent[], after: DiskAnnotations): AcknowledgedWritesCheck {
  const failures: string[] = [];
  let acknowledged = 0;
  const articles = new Set<string>([...before.keys(), ...after.keys()]);
  const byArticle = new Map<string, ArticleEvent[]>();
  for (const event of events) {
    if (event.t === 'begin' || event.t === 'ack' || event.t === 'fail') {
      articles.add(event.article);
      byArticle.set(event.article, [...(byArticle.get(event.article) ?? []), event]);
    }
  }

  for (const article of [...articles].sort()) {
    const state = new Map(before.get(article) ?? []);
    let inFlight: Extract<StressEvent, { t: 'begin' }> | null = null;
    for (const event of byArticle.get(article) ?? []) {
      if (event.t === 'begin') {
        if (inFlight) failures.push(`${article}: a second write began before the first was acknowledged`);
        inFlight = event;
      } else if (event.t === 'ack') {
        acknowledged++;
        apply(state, event.op, event.id, event.note, event.tagId);
        inFlight = null;
      } else {
        failures.push(`${article}: the core refused a ${event.op}: ${event.error}`);
        inFlight = null;
      }
    }
    const disk = after.get(article) ?? new Map<string, AnnotationState>();
    const problems = differences(state, disk);
    if (problems.length === 0) continue;
    if (inFlight) {
      const withInFlight = new Map(state);
      apply(withInFlight, inFlight.op, inFlight.id ?? UNKNOWN_ID, inFlight.note, inFlight.tagId);
      if (differences(withInFlight, disk).length === 0) continue;
    }
    failures.push(...problems.map((p) => `${article}: ${p}`));
  }
  return { acknowledged, failures };
}

function apply(state: Map<string, AnnotationState>, op: string, id: string, note: string | null, tagId: string | null): void {
  if (op === 'delete') {
    state.delete(id);
    return;
  }
  const old = state.get(id);
  state.set(id, { note: note ?? old?.note ?? '', tagId: tagId ?? old?.tagId ?? '' });
}

/** How `disk` differs from what `expected` says; an UNKNOWN_ID entry matches any extra annotation with its note and tag. */
function differences(expected: ReadonlyMap<string, AnnotationState>, disk: ReadonlyMap<string, AnnotationState>): string[] {
  const problems: string[] = [];
  for (const [id, want] of expected) {
    if (id === UNKNOWN_ID) continue;
    const got = disk.get(id);
    if (!got) problems.push(`annotation ${id} is missing (its last acknowledged write left it with note ${JSON.stringify(want.note)})`);
    else if (got.note !== want.note || got.tagId !== want.tagId) {
      problems.push(
        `annotation ${id} has note ${JSON.stringify(got.note)} and tag ${got.tagId}, not the acknowledged ${JSON.stringify(want.note)} and ${want.tagId}`,
      );
    }
  }
  const unknown = expected.get(UNKNOWN_ID);
  const extras = [...disk].filter(([id]) => !expected.has(id));
  for (const [id, got] of extras) {
    if (unknown && got.note === unknown.note && got.tagId === unknown.tagId && extras.length === 1) continue;
    problems.push(`annotation ${id} (note ${JSON.stringify(got.note)}) is on disk, but no acknowledged write left it there`);
  }
  if (unknown && extras.length === 0) problems.push(`the create of note ${JSON.stringify(unknown.note)} is not on disk`);
  return problems;
}
