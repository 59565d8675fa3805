/**
 * Adjudication (issue 16): getAdjudication lays out one article's codings
 * (shared/agreement/adjudication), settleDisagreement builds the consensus
 * layer: taken annotations are copied (tag, span, attributes, note) as new
 * annotations by the coder "consensus"; a rejected disagreement's key is kept
 * with the article's rejected suggestion ids (the annotation file's list of
 * settled refusals, which project files carry along). Taking a coding the
 * consensus already holds adds nothing.
 */
import { ApiError } from '../../shared/contract/apiError';
import type { Input, TriangulateApi } from '../../shared/contract/contract';
import { adjudication, CONSENSUS_CODER, REJECTED_DISAGREEMENT_PREFIX } from '../../shared/agreement/adjudication';
import { codingKey } from '../../shared/agreement/codingDisagreements';
import type { Annotation } from '../../shared/model/model';
import type { CoreContext } from './coreContext';

export function createAdjudicationService(ctx: CoreContext): Pick<TriangulateApi, 'getAdjudication' | 'settleDisagreement'> {
  const { store } = ctx;
  const current = async (articleId: string) => adjudication(await store.annotations(articleId), await store.rejectedSuggestions(articleId));
  return {
    async getAdjudication({ articleId }) {
      ctx.ensureOpen();
      ctx.requireArticle(articleId);
      return current(articleId);
    },

    async settleDisagreement({ articleId, take, reject }: Input<'settleDisagreement'>) {
      ctx.ensureOpen();
      ctx.requireArticle(articleId);
      if (!take?.length && reject === undefined) throw new ApiError('invalid_input', 'Say which annotations to take into the consensus, or which disagreement to reject.');
      if (reject !== undefined) {
        const known = (await current(articleId)).disagreements.some((d) => d.key === reject);
        if (!known) throw new ApiError('not_found', `There is no disagreement "${reject}" in article "${articleId}" (it may have changed: reload).`);
      }
      const stamp = ctx.now().toISOString();
      await store.updateAnnotationFile(articleId, (file) => {
        const byId = new Map(file.annotations.map((a) => [a.id, a]));
        const held = new Set(file.annotations.filter((a) => a.creator === CONSENSUS_CODER).map((a) => codingKey(a)));
        const added: Annotation[] = [];
        for (const id of take ?? []) {
          const source = byId.get(id);
          if (!source) throw new ApiError('not_found', `There is no annotation "${id}" in article "${articleId}".`);
          if (source.creator === CONSENSUS_CODER) throw new ApiError('invalid_input', `Annotation "${id}" is the consensus's own.`);
          const key = codingKey(source);
          if (held.has(key)) continue;
          held.add(key);
          added.push({ ...source, attributes: { ...source.attributes }, id: ctx.newId(), creator: CONSENSUS_CODER, created: stamp, modified: stamp });
        }
        const rejection = reject === undefined ? null : REJECTED_DISAGREEMENT_PREFIX + reject;
        return {
          annotations: added.length > 0 ? [...file.annotations, ...added] : undefined,
          rejectedSuggestions: rejection && !file.rejectedSuggestions.includes(rejection) ? [...file.rejectedSuggestions, rejection] : undefined,
          result: undefined,
        };
      });
      return current(articleId);
    },
  };
}
