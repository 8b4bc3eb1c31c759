/** State machine task AwaitScreening (wait for task token): stores the token the screening action answers. */
import { composition } from '../../shared/aws/composition';
import { awaitScreening } from '../../shared/use-cases/screening-workflow';

const deps = { store: composition.suggestionStore() };

export const handler = async (event: { suggestionId: string; taskToken: string }): Promise<void> => awaitScreening(deps, event);
