/**
 * Agreement over a data folder's library: reads every article's annotations
 * (to know who coded what), settles the scope (agreementScope), then the
 * chosen articles' texts, and computes the report (annotationAgreement).
 * Reads only; the store may be the app's own or one opened for the purpose.
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
  const annotationsByArticle = new Map<string, readonly Annotation[]>();
  const creatorsByArticle = new Map<string, Set<string>>();
  for (const id of articleIds) {
    const annotations = await store.annotations(id);
    annotationsByArticle.set(id, annotations);
    if (annotations.length > 0) creatorsByArticle.set(id, new Set(annotations.map((a) => a.creator)));
  }
  const scope = agreementScope(request, { articleIds, codebook: store.codebook(), creatorsByArticle });
  if (!scope.ok) return scope;
  const articles = [];
  for (const id of scope.articleIds) articles.push({ id, text: await store.text(id), language: store.article(id)?.language ?? null });
  const report = annotationAgreement({
    articles,
    annotations: scope.articleIds.flatMap((id) => annotationsByArticle.get(id) ?? []),
    coders: scope.coders,
    tags: scope.tags,
    units: request.units,
  });
  return { ok: true, report };
}
