/**
 * Adjudication (issue 16): getAdjudication lays out one article's codings
 * (shared/agreement/adjudication), settleDisagreement builds the consensus
 * layer: taken annotations are copied (tag, span, attributes, note) as new
 * annotations by the coder "consensus"; an edited version is checked like a
 * new annotation (span inside the text, tag in the codebook, attribute
 * values) and then taken; a rejected disagreement gets a record with its
 * key, the coder and the time, and `unreject` removes it again (undo).
 * Taking a coding the consensus already holds adds nothing. The answer names
 * the consensus annotations made, so the app's undo can take them back.
 */
import { ApiError } from '../../shared/contract/apiError';
import type { Input, Output, TriangulateApi } from '../../shared/contract/contract';
import { adjudication, CONSENSUS_CODER } from '../../shared/agreement/adjudication';
import { codingKey } from '../../shared/agreement/codingDisagreements';
import { checkAttributeValues } from '../../shared/codebook/checkAttributeValues';
import type { Annotation } from '../../shared/model/model';
import { buildAnnotation } from './buildAnnotation';
import type { CoreContext } from './coreContext';

export function createAdjudicationService(ctx: CoreContext): Pick<TriangulateApi, 'getAdjudication' | 'settleDisagreement'> {
  const { store } = ctx;
  const current = async (articleId: string) => adjudication(await store.annotations(articleId), await store.rejectedDisagreements(articleId));
  return {
    async getAdjudication({ articleId }) {
      ctx.ensureOpen();
      ctx.requireArticle(articleId);
      return current(articleId);
    },

    async settleDisagreement({ articleId, take, reject, edited, unreject }: Input<'settleDisagreement'>): Promise<Output<'settleDisagreement'>> {
      ctx.ensureOpen();
      ctx.requireArticle(articleId);
      if (!take?.length && reject === undefined && edited === undefined && unreject === undefined) {
        throw new ApiError('invalid_input', 'Say which annotations to take into the consensus, which disagreement to reject, or which to open again.');
      }
      if (reject !== undefined) {
        const known = (await current(articleId)).disagreements.some((d) => d.key === reject);
        if (!known) throw new ApiError('not_found', `There is no disagreement "${reject}" in article "${articleId}" (it may have changed: reload).`);
      }
      const coder = ctx.creator();
      const stamp = ctx.now().toISOString();
      // An edited version: checked like any new annotation before anything is written.
      let editedAnnotation: Annotation | null = null;
      if (edited) {
        const tag = ctx.requireTag(edited.tagId);
        const check = checkAttributeValues(tag, edited.attributes ?? {});
        if (!check.ok) throw new ApiError('invalid_input', check.message);
        const text = await store.text(articleId);
        editedAnnotation = buildAnnotation(
          text,
          { articleId, tagId: tag.id, start: edited.start, end: edited.end, note: edited.note, attributes: check.values },
          { id: ctx.newId(), creator: CONSENSUS_CODER, stamp },
        );
      }
      const created = await store.updateAnnotationFile(articleId, (file) => {
        const byId = new Map(file.annotations.map((a) => [a.id, a]));
        const held = new Set(file.annotations.filter((a) => a.creator === CONSENSUS_CODER).map((a) => codingKey(a)));
        const added: Annotation[] = [];
        const source = (id: string) => {
          const found = byId.get(id);
          if (!found) throw new ApiError('not_found', `There is no annotation "${id}" in article "${articleId}".`);
          if (found.creator === CONSENSUS_CODER) throw new ApiError('invalid_input', `Annotation "${id}" is the consensus's own.`);
          return found;
        };
        for (const id of take ?? []) {
          const from = source(id);
          const key = codingKey(from);
          if (held.has(key)) continue;
          held.add(key);
          added.push({ ...from, attributes: { ...from.attributes }, id: ctx.newId(), creator: CONSENSUS_CODER, created: stamp, modified: stamp, modifiedBy: coder });
        }
        if (edited && editedAnnotation) {
          const from = source(edited.from);
          const note = edited.note ?? from.note;
          const made = { ...editedAnnotation, note, modifiedBy: coder };
          if (!held.has(codingKey(made))) {
            held.add(codingKey(made));
            added.push(made);
          }
        }
        const records = file.rejectedDisagreements ?? [];
        let rejectedDisagreements: typeof records | undefined;
        if (reject !== undefined && !records.some((r) => r.key === reject)) rejectedDisagreements = [...records, { key: reject, coder, at: stamp }];
        if (unreject !== undefined && records.some((r) => r.key === unreject)) rejectedDisagreements = records.filter((r) => r.key !== unreject);
        return {
          annotations: added.length > 0 ? [...file.annotations, ...added] : undefined,
          rejectedDisagreements: rejectedDisagreements ? [...rejectedDisagreements] : undefined,
          result: added,
        };
      });
      return { ...(await current(articleId)), created: created.map((a) => ({ ...a })) };
    },
  };
}
