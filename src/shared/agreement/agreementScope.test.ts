import { describe, expect, it } from 'vitest';
import { DEFAULT_CODEBOOK } from '../model/model';
import { agreementScope, type AgreementLibrary } from './agreementScope';

const library: AgreementLibrary = {
  articleIds: ['a1', 'a2', 'a3', 'a4'],
  codebook: DEFAULT_CODEBOOK,
  creatorsByArticle: new Map([
    ['a1', new Set(['ana', 'ben'])],
    ['a2', new Set(['ana', 'ben', 'cem'])],
    ['a3', new Set(['ana'])],
  ]),
};

describe('agreementScope', () => {
  it('takes everyone, every tag and the articles every coder annotated when nothing is asked', () => {
    expect(agreementScope({}, library)).toEqual({ ok: true, coders: ['ana', 'ben', 'cem'], tags: DEFAULT_CODEBOOK, articleIds: ['a2'] });
  });

  it('takes the coders, tags (by id or name) and articles asked for', () => {
    const scope = agreementScope({ coders: ['ben', 'ana'], tags: ['quote', 'CLAIM'], articles: ['a4', 'a1'] }, library);
    expect(scope).toMatchObject({ ok: true, coders: ['ben', 'ana'], articleIds: ['a4', 'a1'] });
    expect(scope.ok && scope.tags.map((t) => t.id)).toEqual(['quote', 'claim']);
    expect(agreementScope({ coders: ['ana', 'ben'] }, library)).toMatchObject({ articleIds: ['a1', 'a2'] });
  });

  it('names what matches nothing, and says when there is too little to compare', () => {
    expect(agreementScope({ tags: ['Frame'] }, library)).toEqual({ ok: false, problem: 'there is no tag "Frame" in the codebook (tags: "Claim", "Quote", "Source")' });
    expect(agreementScope({ articles: ['a9'] }, library)).toEqual({ ok: false, problem: 'there is no article with id "a9"' });
    expect(agreementScope({ coders: ['ana', 'dan'] }, library)).toEqual({ ok: false, problem: 'nobody named "dan" made annotations here (coders: "ana", "ben", "cem")' });
    expect(agreementScope({ articles: ['a3'] }, library)).toMatchObject({ ok: false, problem: expect.stringContaining('all by "ana"') });
    expect(agreementScope({ coders: ['ana', 'ana'] }, library)).toMatchObject({ ok: false, problem: expect.stringContaining('two or more coders') });
    expect(agreementScope({ coders: ['cem', 'ana'], articles: undefined }, { ...library, creatorsByArticle: new Map([['a1', new Set(['ana'])], ['a2', new Set(['cem'])]]) })).toMatchObject({
      ok: false,
      problem: expect.stringContaining('no article has annotations by each of "cem", "ana"'),
    });
  });
});
