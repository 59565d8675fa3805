/**
 * Intercoder agreement of Triangulate annotations: several coders' spans
 * over the same articles turned into the figures a methods section reports.
 *
 * - alpha_u (unitizing) per tag and over all tags, on one continuum: the
 *   articles' canonical texts laid end to end (each article alone in the
 *   per-article breakdown).
 * - Coding on units the researcher chooses (words or sentences of the
 *   canonical text): per tag, each coder's value for a unit is whether one of
 *   their spans of the tag touches it (yes/no); over all tags, the set of
 *   tags their spans give it. On these: Krippendorff's alpha (nominal),
 *   Cohen's kappa (exactly two coders, else null), Fleiss' kappa, percent
 *   agreement and the number of units.
 * - Per attribute of a tag, alpha on the spans coders marked in common:
 *   spans of the tag that overlap, across coders, form one unit (a coder
 *   with several there counts with their longest); choice, yes/no and text
 *   (trimmed, case-folded) attributes are nominal, numbers interval. Units
 *   only one coder marked, or with the attribute left empty, are missing
 *   values, so only spans two or more coders marked count.
 *
 * Every chosen coder is taken to have coded every article given: an article
 * without a coder's annotations means they found nothing in it.
 */
import type { Annotation, AttributeDef, AttributeValue, Tag } from '../model/model';
import { encodeCoding, groupIdenticalUnits, type CodedValue, type CodingData, type EncodedCoding } from './codingData';
import { codingUnits, type TextUnits, type UnitKind } from './codingUnits';
import { cohenKappa } from './cohenKappa';
import { fleissKappa } from './fleissKappa';
import { krippendorffAlpha, type AlphaLevel } from './krippendorffAlpha';
import { krippendorffAlphaU, type UnitizedSpan } from './krippendorffAlphaU';
import { percentAgreement } from './percentAgreement';
import { reliabilityReading, type ReliabilityReading } from './reliabilityReading';

export interface AgreementArticle {
  id: string;
  /** The canonical text the annotations' offsets are over. */
  text: string;
  /** For sentence boundaries; English rules when unknown. */
  language?: string | null;
}

export interface AgreementInput {
  articles: readonly AgreementArticle[];
  /** May hold other coders', tags' and articles' annotations: they are left out. */
  annotations: Iterable<Annotation>;
  /** The coders (annotation creators) compared, at least two. */
  coders: readonly string[];
  /** The tags compared (with their attributes), from the codebook. */
  tags: readonly Tag[];
  units: UnitKind;
}

export interface AgreementFigures {
  alphaU: number | null;
  alpha: number | null;
  /** Cohen's kappa: null unless there are exactly two coders. */
  kappa: number | null;
  fleissKappa: number | null;
  /** 0–100. */
  percentAgreement: number | null;
  /** Words or sentences coded. */
  units: number;
  reading: { alphaU: ReliabilityReading; alpha: ReliabilityReading };
}

export interface AttributeAgreement {
  level: AlphaLevel;
  alpha: number | null;
  percentAgreement: number | null;
  /** Spans two or more coders marked and gave this attribute a value. */
  units: number;
  reading: ReliabilityReading;
}

export interface TagAgreement extends AgreementFigures {
  /** Spans of the tag per coder, in coder order. */
  spans: number[];
  /** By attribute name. */
  attributes: Record<string, AttributeAgreement>;
}

export interface ArticleAgreement {
  articleId: string;
  overall: AgreementFigures;
  /** By tag name. */
  tags: Record<string, AgreementFigures>;
}

export interface AgreementReport {
  coders: string[];
  articles: string[];
  unitKind: UnitKind;
  overall: AgreementFigures;
  /** By tag name. */
  tags: Record<string, TagAgreement>;
  perArticle: ArticleAgreement[];
}

interface PreparedArticle {
  id: string;
  length: number;
  units: TextUnits;
  /** spans[tagIndex][coderIndex], sorted by start. */
  spans: Annotation[][][];
}

export function annotationAgreement(input: AgreementInput): AgreementReport {
  const { coders, tags } = input;
  if (coders.length < 2) throw new Error(`agreement needs at least two coders, not ${coders.length}`);
  if (new Set(coders).size !== coders.length) throw new Error('a coder is named twice');
  const coderIndex = new Map(coders.map((c, i) => [c, i]));
  const tagIndex = new Map(tags.map((t, i) => [t.id, i]));
  const prepared = new Map<string, PreparedArticle>();
  for (const article of input.articles) {
    prepared.set(article.id, {
      id: article.id,
      length: article.text.length,
      units: codingUnits(article.text, input.units, article.language),
      spans: tags.map(() => coders.map(() => [])),
    });
  }
  for (const a of input.annotations) {
    const article = prepared.get(a.articleId);
    const c = coderIndex.get(a.creator);
    const t = tagIndex.get(a.tagId);
    if (!article || c === undefined || t === undefined) continue;
    if (!(a.start >= 0 && a.end > a.start && a.end <= article.length)) continue;
    article.spans[t]![c]!.push(a);
  }
  for (const article of prepared.values()) for (const perCoder of article.spans) for (const list of perCoder) list.sort((x, y) => x.start - y.start || x.end - y.end);
  const articles = [...prepared.values()];

  const coding = codingOnUnits(articles, coders.length, tags.length);
  const whole = figuresOver(articles, coders.length, coding, 0, coding.units);
  const tagReports: Record<string, TagAgreement> = {};
  tags.forEach((tag, t) => {
    tagReports[tag.name] = {
      ...whole.tags[t]!,
      spans: coders.map((_, c) => articles.reduce((n, a) => n + a.spans[t]![c]!.length, 0)),
      attributes: attributeAgreement(articles, t, tag.attributes, coders.length),
    };
  });
  let base = 0;
  return {
    coders: [...coders],
    articles: articles.map((a) => a.id),
    unitKind: input.units,
    overall: whole.overall,
    tags: tagReports,
    perArticle: articles.map((article) => {
      const one = figuresOver([article], coders.length, coding, base, base + article.units.starts.length);
      base += article.units.starts.length;
      return { articleId: article.id, overall: one.overall, tags: Object.fromEntries(tags.map((tag, t) => [tag.name, one.tags[t]!])) };
    }),
  };
}

interface UnitCoding {
  units: number;
  /** Per tag, each coder's units: 1 where a span of the coder's with the tag touches the unit, else 0. */
  marks: EncodedCoding<CodedValue>[];
  /** Each coder's units valued with the unit's set of tags. */
  tagSets: EncodedCoding<CodedValue>;
}

/** Every article's units, one after the other, coded per tag and with the set of tags. */
function codingOnUnits(articles: readonly PreparedArticle[], coders: number, tagCount: number): UnitCoding {
  const units = articles.reduce((n, a) => n + a.units.starts.length, 0);
  // Codes straight away: value 0 (no span of the tag) is code 0, value 1 code 1.
  const marks = Array.from({ length: tagCount }, () => Array.from({ length: coders }, () => new Int32Array(units)));
  let base = 0;
  for (const article of articles) {
    for (let t = 0; t < tagCount; t++) for (let c = 0; c < coders; c++) markUnits(article.units, article.spans[t]![c]!, marks[t]![c]!, base);
    base += article.units.starts.length;
  }
  return {
    units,
    marks: marks.map((codes) => ({ codes, values: [0, 1], units, weights: null })),
    tagSets: encodeCoding(tagSetValues(marks, coders, units)),
  };
}

/** The overall and per-tag figures over some articles, whose units are coding's units from–to. */
function figuresOver(articles: readonly PreparedArticle[], coders: number, coding: UnitCoding, from: number, to: number): { overall: AgreementFigures; tags: AgreementFigures[] } {
  // alpha_u on the texts laid end to end.
  const spans: UnitizedSpan[] = [];
  let offset = 0;
  for (const article of articles) {
    article.spans.forEach((perCoder, t) =>
      perCoder.forEach((list, c) => {
        for (const a of list) spans.push({ coder: c, category: String(t), start: offset + a.start, end: offset + a.end });
      }),
    );
    offset += article.length;
  }
  const unitizing = offset > 0 ? krippendorffAlphaU({ coders, length: offset, spans }) : null;
  // Views of the encoded units: no copy per article.
  const part = (data: EncodedCoding<CodedValue>): EncodedCoding<CodedValue> =>
    groupIdenticalUnits(from === 0 && to === data.units ? data : { codes: data.codes.map((row) => row.subarray(from, to)), values: data.values, units: to - from, weights: null });
  const tags = coding.marks.map((data, t) => figures(part(data), unitizing?.categories.get(String(t))?.alpha ?? null, to - from));
  const overall = figures(part(coding.tagSets), unitizing?.alpha ?? null, to - from);
  return { overall, tags };
}

function figures(data: EncodedCoding<CodedValue>, alphaU: number | null, units: number): AgreementFigures {
  const alpha = krippendorffAlpha(data, 'nominal').alpha;
  return {
    alphaU,
    alpha,
    kappa: data.codes.length === 2 ? cohenKappa(data).kappa : null,
    fleissKappa: fleissKappa(data).kappa,
    percentAgreement: percentAgreement(data),
    units,
    reading: { alphaU: reliabilityReading(alphaU), alpha: reliabilityReading(alpha) },
  };
}

/** Sets marks[base + i] for every unit i a span touches (units and spans sorted by start). */
function markUnits({ starts, ends }: TextUnits, spans: readonly Annotation[], marks: Int32Array, base: number): void {
  for (const span of spans) {
    // First unit ending after the span starts.
    let lo = 0;
    let hi = ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ends[mid]! <= span.start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < starts.length && starts[i]! < span.end; i++) marks[base + i] = 1;
  }
}

/** Per coder, each unit's set of tags as one value: a bit mask (up to 30 tags) or the tag indices joined. */
function tagSetValues(marks: readonly Int32Array[][], coders: number, units: number): CodingData {
  if (marks.length <= 30) {
    return Array.from({ length: coders }, (_, c) => {
      const row = new Int32Array(units);
      marks.forEach((perCoder, t) => {
        const m = perCoder[c]!;
        for (let u = 0; u < units; u++) if (m[u]) row[u]! |= 1 << t;
      });
      return row;
    });
  }
  return Array.from({ length: coders }, (_, c) => {
    const row: string[] = new Array<string>(units).fill('');
    marks.forEach((perCoder, t) => {
      const m = perCoder[c]!;
      for (let u = 0; u < units; u++) if (m[u]) row[u] = row[u] ? `${row[u]},${t}` : String(t);
    });
    return row;
  });
}

function attributeAgreement(articles: readonly PreparedArticle[], t: number, attributes: readonly AttributeDef[], coders: number): Record<string, AttributeAgreement> {
  const out: Record<string, AttributeAgreement> = {};
  if (attributes.length === 0) return out;
  // One unit per group of overlapping spans of the tag (all coders); per coder its longest span there.
  const groups: (Annotation | null)[][] = [];
  for (const article of articles) {
    const all = article.spans[t]!.flatMap((list, c) => list.map((a) => ({ a, c }))).sort((x, y) => x.a.start - y.a.start);
    let group: (Annotation | null)[] | null = null;
    let groupEnd = -1;
    for (const { a, c } of all) {
      if (!group || a.start >= groupEnd) {
        group = new Array<Annotation | null>(coders).fill(null);
        groups.push(group);
        groupEnd = a.end;
      } else groupEnd = Math.max(groupEnd, a.end);
      const held = group[c];
      if (!held || a.end - a.start > held.end - held.start) group[c] = a;
    }
  }
  for (const def of attributes) {
    const level: AlphaLevel = def.type === 'number' ? 'interval' : 'nominal';
    const data: (CodedValue | null)[][] = Array.from({ length: coders }, (_, c) => groups.map((g) => codedValue(g[c]?.attributes[def.id], def)));
    const result = krippendorffAlpha(data, level);
    out[def.name] = { level, alpha: result.alpha, percentAgreement: percentAgreement(data), units: result.pairableUnits, reading: reliabilityReading(result.alpha) };
  }
  return out;
}

function codedValue(value: AttributeValue | undefined, def: AttributeDef): CodedValue | null {
  if (value === undefined) return null;
  switch (def.type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? value : null;
    case 'boolean':
      return typeof value === 'boolean' ? value : null;
    case 'choice':
      return typeof value === 'string' && value !== '' ? value : null;
    case 'text': {
      const text = String(value).trim().replace(/\s+/g, ' ').toLowerCase();
      return text === '' ? null : text;
    }
  }
}
