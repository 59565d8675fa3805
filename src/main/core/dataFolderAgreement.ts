/**
 * Agreement over a data folder's library: who coded what comes from the
 * counts index (annotations per coder and article, counts.json), which
 * settles the scope (agreementScope); then only the chosen articles'
 * annotations and texts are read, and the report computed
 * (annotationAgreement). The store may be the app's own or one opened for the
 * purpose; it changes no file but counts.json (derived data).
 */
import type { Annotation } from '../../shared/model/model';
import { agreementScope, type AgreementRequest } from '../../shared/agreement/agreementScope';
import { annotationAgreement, type AgreementReport } from '../../shared/agreement/annotationAgreement';
import type { UnitKind } from '../../shared/agreement/codingUnits';
import type { DataStore } from '../store/dataStore';

export async function dataFolderAgreement(
  store: DataStore,
  request: AgreementRequest & { units: UnitKind },
): Promise<{ ok: true; report: AgreementReport } | { ok: false; problem: string }> {
  const articleIds = store.articles().map((a) => a.id);
  // Not 100,000 annotation files read to learn who coded which article (issue 20).
  const coderCounts = await store.coderCounts();
  const creatorsByArticle = new Map<string, Set<string>>();
  for (const id of articleIds) {
    const held = coderCounts.get(id);
    const names = held ? Object.keys(held).filter((name) => held[name]! > 0) : [];
    if (names.length > 0) creatorsByArticle.set(id, new Set(names));
  }
  const scope = agreementScope(request, { articleIds, codebook: store.codebook(), creatorsByArticle });
  if (!scope.ok) return scope;
  const articles = [];
  const annotations: Annotation[] = [];
  for (const id of scope.articleIds) {
    for (const a of await store.annotations(id)) annotations.push(a);
    articles.push({ id, text: await store.text(id), language: store.article(id)?.language ?? null });
  }
  const report = annotationAgreement({
    articles,
    annotations,
    coders: scope.coders,
    tags: scope.tags,
    units: request.units,
  });
  return { ok: true, report };
}
