/** Not built yet (issue 3, in progress): every route of this function answers 501 in the API's error shape. */
import { DomainError } from '../../shared/domain/errors';
import { apiHandler } from '../../shared/http/api-handler';

export const handler = apiHandler(async () => {
  throw new DomainError('not_implemented', 501, 'error.internal');
});
