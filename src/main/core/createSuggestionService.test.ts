import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED, useTestLibrary } from '../../../tools/testSupport/useTestLibrary';
import { apiRejection } from '../../../tools/testSupport/apiRejection';

const lib = useTestLibrary();
const ASHAMED = 'never have I been so ashamed of my country.';

describe('suggestions', () => {
  it('suggests the diplomat’s quote in article 000 and the attribution crediting it', async () => {
    const core = await lib.open();
    const text = (await core.getArticle({ id: SEED.A000 })).text;
    const suggestions = await core.listSuggestions({ articleId: SEED.A000 });
    const quote = suggestions.find((s) => s.exact === ASHAMED);
    expect(quote).toMatchObject({ tagId: 'quote', speaker: 'Boris Bondarev', cue: 'declaring', credits: null });
    expect(text.slice(quote!.start, quote!.end)).toBe(ASHAMED);
    expect(quote!.id).toBe(`quote:${quote!.start}:${quote!.end}`);
    // The participle "declaring" has no subject of its own: the source is the person named, not the verb.
    const source = suggestions.find((s) => s.credits === quote!.id);
    expect(source).toMatchObject({ tagId: 'source', exact: 'Boris Bondarev', attributes: { name: 'Boris Bondarev' } });
    const told = suggestions.find((s) => s.tagId === 'source' && s.exact === 'Mr Bondarev told Reuters');
    expect(told).toBeDefined();
  });

  it('accepting makes an annotation, which then is no longer suggested', async () => {
    const core = await lib.open();
    const quote = (await core.listSuggestions({ articleId: SEED.A000 })).find((s) => s.exact === ASHAMED)!;
    const { created, decided } = await core.decideSuggestions({ articleId: SEED.A000, decision: 'accept', ids: [quote.id] });
    expect(decided).toBe(1);
    expect(created).toEqual([
      expect.objectContaining({ articleId: SEED.A000, tagId: 'quote', start: quote.start, end: quote.end, exact: ASHAMED, creator: 'ana' }),
    ]);
    expect(await core.listAnnotations({ articleId: SEED.A000 })).toEqual(created);
    const pending = await core.listSuggestions({ articleId: SEED.A000 });
    expect(pending.some((s) => s.id === quote.id)).toBe(false);
    expect(pending.some((s) => s.credits === quote.id)).toBe(true);
  });

  it('accepting with a speaker the researcher chose stores that speaker (a Quote’s speaker, a Source’s name)', async () => {
    const core = await lib.open();
    const suggestions = await core.listSuggestions({ articleId: SEED.A000 });
    const quote = suggestions.find((s) => s.exact === ASHAMED)!;
    const source = suggestions.find((s) => s.credits === quote.id)!;
    const [q] = (await core.decideSuggestions({ articleId: SEED.A000, decision: 'accept', ids: [quote.id], speaker: 'Vassily Nebenzia' })).created;
    expect(q!.attributes).toEqual({ form: 'direct', speaker: 'Vassily Nebenzia' });
    const [src] = (await core.decideSuggestions({ articleId: SEED.A000, decision: 'accept', ids: [source.id], speaker: 'B. Bondarev' })).created;
    expect(src!.attributes).toMatchObject({ name: 'B. Bondarev' });
  });

  it('links an accepted source to the quote it credits, whichever is accepted first', async () => {
    const core = await lib.open();
    const suggestions = await core.listSuggestions({ articleId: SEED.A000 });
    const told = suggestions.find((s) => s.exact === 'Mr Bondarev told Reuters')!;
    const quote = suggestions.find((s) => s.id === told.credits)!;
    await core.decideSuggestions({ articleId: SEED.A000, decision: 'accept', ids: [quote.id] });
    expect(await core.listSourceLinks({})).toEqual([]);
    const { created } = await core.decideSuggestions({ articleId: SEED.A000, decision: 'accept', ids: [told.id] });
    const annotations = await core.listAnnotations({ articleId: SEED.A000 });
    const quoteAnnotation = annotations.find((a) => a.tagId === 'quote')!;
    expect(await core.listSourceLinks({})).toEqual([
      expect.objectContaining({
        quote: { articleId: SEED.A000, annotationId: quoteAnnotation.id },
        source: { articleId: SEED.A000, annotationId: created[0]!.id },
      }),
    ]);
  });

  it('a rejected suggestion stays hidden after a restart', async () => {
    const first = await lib.open();
    const before = await first.listSuggestions({ articleId: SEED.A000 });
    const quote = before.find((s) => s.exact === ASHAMED)!;
    expect(await first.decideSuggestions({ articleId: SEED.A000, decision: 'reject', ids: [quote.id] })).toEqual({ created: [], decided: 1 });
    await first.close();

    const second = await lib.open();
    const after = await second.listSuggestions({ articleId: SEED.A000 });
    expect(after.map((s) => s.id)).toEqual(before.filter((s) => s.id !== quote.id).map((s) => s.id));
    expect(await second.listAnnotations({ articleId: SEED.A000 })).toEqual([]);
  });

  it('records who rejected a suggestion and when in the article’s file', async () => {
    const core = await lib.open({ creator: 'bo' });
    const quote = (await core.listSuggestions({ articleId: SEED.A000 })).find((s) => s.exact === ASHAMED)!;
    await core.decideSuggestions({ articleId: SEED.A000, decision: 'reject', ids: [quote.id] });
    const file = JSON.parse(await fs.readFile(join(lib.dir(), 'annotations', `${SEED.A000}.json`), 'utf8')) as {
      rejectedSuggestions: string[];
      rejectedBy: Record<string, { coder: string; at: string }>;
    };
    expect(file.rejectedSuggestions).toEqual([quote.id]);
    expect(file.rejectedBy[quote.id]).toEqual({ coder: 'bo', at: expect.stringMatching(/^2024-01-01T12:00/) as unknown });
  });

  it('decides every pending suggestion when no ids are given', async () => {
    const core = await lib.open();
    const pending = await core.listSuggestions({ articleId: SEED.A000 });
    const { created, decided } = await core.decideSuggestions({ articleId: SEED.A000, decision: 'accept' });
    expect(decided).toBe(pending.length);
    expect(created.map((a) => `${a.tagId}:${a.start}:${a.end}`).sort()).toEqual(pending.map((s) => s.id).sort());
    expect(await core.listSuggestions({ articleId: SEED.A000 })).toEqual([]);
    expect((await core.listSourceLinks({})).length).toBeGreaterThan(0);
  });

  it('accepting everything yields sources that each name who is credited, with the detected attributes kept', async () => {
    const core = await lib.open();
    for (const articleId of [SEED.A000, SEED.A001, SEED.A002]) {
      const { created } = await core.decideSuggestions({ articleId, decision: 'accept' });
      const sources = created.filter((a) => a.tagId === 'source');
      const quotes = created.filter((a) => a.tagId === 'quote');
      expect(sources.length).toBeGreaterThan(0);
      for (const source of sources) {
        // Never the bare verb or pronoun: the text names a person or organisation ("Mr Bondarev told Reuters", "Hillel Neuer").
        expect(source.exact, source.exact).toMatch(/\p{Lu}/u);
        expect(source.exact).not.toMatch(/^(?:he|she|they|it|declaring|said|wrote)$/i);
        expect(source.attributes.name, source.exact).toEqual(expect.any(String));
      }
      for (const quote of quotes) expect(quote.attributes.form).toBe('direct');
      expect(quotes.filter((q) => q.attributes.speaker === 'Boris Bondarev').length).toBeGreaterThan(0);
    }
    // Every accepted source credits a quote, and the coverage of that quote names the speaker.
    const links = await core.listSourceLinks({});
    const sourceIds = new Set(links.map((l) => l.source.annotationId));
    for (const articleId of [SEED.A000, SEED.A001, SEED.A002]) {
      for (const a of await core.listAnnotations({ articleId })) if (a.tagId === 'source') expect(sourceIds.has(a.id), a.exact).toBe(true);
    }
  });

  it('keeps only the detected attributes the codebook still declares', async () => {
    const core = await lib.open();
    const quote = (await core.listSuggestions({ articleId: SEED.A000 })).find((s) => s.exact === ASHAMED)!;
    expect(quote.attributes).toEqual({ form: 'direct', speaker: 'Boris Bondarev' });
    const { created } = await core.decideSuggestions({ articleId: SEED.A000, decision: 'accept', ids: [quote.id] });
    expect(created[0]!.attributes).toEqual({ form: 'direct', speaker: 'Boris Bondarev' });
  });

  it('refuses unknown ids, naming them, and changes nothing', async () => {
    const core = await lib.open();
    const quote = (await core.listSuggestions({ articleId: SEED.A000 })).find((s) => s.exact === ASHAMED)!;
    const error = await apiRejection(core.decideSuggestions({ articleId: SEED.A000, decision: 'reject', ids: [quote.id, 'quote:1:2'] }));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain('"quote:1:2"');
    expect(error.message).not.toContain(quote.id);
    expect((await core.listSuggestions({ articleId: SEED.A000 })).some((s) => s.id === quote.id)).toBe(true);
    expect(await fs.readdir(join(lib.dir(), 'annotations'))).toEqual([]);
  });

  it('says which article is unknown', async () => {
    const core = await lib.open();
    expect((await apiRejection(core.listSuggestions({ articleId: 'nope' }))).code).toBe('not_found');
  });
});
