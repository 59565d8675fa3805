/**
 * computeAgreement (issue 16): intercoder agreement over the library,
 * computed by src/shared/agreement through dataFolderAgreement. A scope that
 * names nobody, nothing or too few coders is invalid_input with the reason.
 */
import { ApiError } from '../../shared/contract/apiError';
import type { Input, TriangulateApi } from '../../shared/contract/contract';
import type { CoreContext } from './coreContext';
import { dataFolderAgreement } from './dataFolderAgreement';

export function createAgreementService(ctx: CoreContext): Pick<TriangulateApi, 'computeAgreement'> {
  return {
    async computeAgreement({ coders, tags, articles, units }: Input<'computeAgreement'>) {
      ctx.ensureOpen();
      const result = await dataFolderAgreement(ctx.store, { coders, tags, articles, units });
      if (!result.ok) throw new ApiError('invalid_input', `Cannot compute agreement: ${result.problem}.`);
      return result.report;
    },
  };
}
