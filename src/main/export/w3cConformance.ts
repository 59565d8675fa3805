/**
 * Runs the W3C Web Annotation test suite's assertions (JSON Schema draft-04,
 * vendored in src/shared/formats/w3c/conformance/, see its README) over an
 * exported collection: the annotation, body, target and Specific Resource
 * assertions over every item, the collection assertions over the collection,
 * the page assertions over every AnnotationPage. An assertion holds when it
 * holds for every object it applies to; `failures` names the first object
 * where it does not.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

export const CONFORMANCE_DIR = fileURLToPath(new URL('../../shared/formats/w3c/conformance', import.meta.url));

export interface Assertion {
  /** Path under assertions/, as in the suite. */
  path: string;
  kind: 'must' | 'should';
  title: string;
  /** What it is checked against. */
  scope: 'annotation' | 'collection' | 'page';
  validate: (value: unknown) => boolean;
}

export interface AssertionResult {
  path: string;
  kind: 'must' | 'should';
  title: string;
  holds: boolean;
  /** The first object it fails on (its id), when it does not hold. */
  failsOn: string | null;
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsonFiles(path);
    return name.endsWith('.json') ? [path] : [];
  });
}

function newAjv(definitions: readonly object[]): Ajv {
  // strict off: the suite's schemas carry annotations draft-04 does not define (assertionType, a "$ref " typo).
  const ajv = new Ajv({ strict: false, allErrors: false });
  addFormats(ajv);
  for (const d of definitions) ajv.addSchema(d);
  return ajv;
}

/** Every vendored assertion, compiled (one Ajv per assertion: some share an `id`). */
export function loadAssertions(dir: string = CONFORMANCE_DIR): Assertion[] {
  const definitions = jsonFiles(join(dir, 'definitions')).map((f) => JSON.parse(readFileSync(f, 'utf8')) as object);
  const root = join(dir, 'assertions');
  return jsonFiles(root)
    .sort()
    .map((file) => {
      const schema = JSON.parse(readFileSync(file, 'utf8')) as { assertionType: string; title: string };
      const path = relative(root, file).split('\\').join('/');
      const kind = schema.assertionType === 'must' ? 'must' : 'should';
      const scope = path.startsWith('collections/pages/') ? 'page' : path.startsWith('collections') ? 'collection' : 'annotation';
      const validate = newAjv(definitions).compile(schema);
      return { path, kind, title: schema.title, scope, validate: (value: unknown) => validate(value) === true };
    });
}

export interface ExportShape {
  collection: Record<string, unknown>;
  /** Every AnnotationPage (the collection's embedded `first` included). */
  pages: Record<string, unknown>[];
  /** Every Annotation of every page. */
  items: Record<string, unknown>[];
}

/**
 * Whether a SHOULD applies to an item: those about a target's format,
 * language or creator, or about a TextQuoteSelector, apply only to items whose
 * target is a resource described in place (a tagging annotation's passage),
 * not to linking items, whose targets are other annotations' IRIs.
 */
function applies(a: Assertion, item: Record<string, unknown>): boolean {
  if (a.kind === 'must') return true;
  const aboutTargetResource = /bodiesTargets\/[\d.]+-targ|specificResource\//.test(a.path);
  return !aboutTargetResource || (typeof item.target === 'object' && item.target !== null && !Array.isArray(item.target));
}

export function checkConformance(shape: ExportShape, assertions: readonly Assertion[]): AssertionResult[] {
  return assertions.map((a) => {
    const targets = a.scope === 'collection' ? [shape.collection] : a.scope === 'page' ? shape.pages : shape.items.filter((i) => applies(a, i));
    const failing = targets.find((t) => !a.validate(t));
    return {
      path: a.path,
      kind: a.kind,
      title: a.title,
      holds: targets.length > 0 && failing === undefined,
      failsOn: failing === undefined ? (targets.length > 0 ? null : '(nothing to check)') : String(failing.id ?? '(no id)'),
    };
  });
}

/** "MUST 64/64, SHOULD 20/21" */
export function conformanceLine(results: readonly AssertionResult[]): string {
  const count = (kind: 'must' | 'should') => {
    const of = results.filter((r) => r.kind === kind);
    return `${of.filter((r) => r.holds).length}/${of.length}`;
  };
  return `MUST ${count('must')}, SHOULD ${count('should')}`;
}
