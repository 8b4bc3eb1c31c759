/** State machine task BeginScreening: enters the screening phase and says how long to wait. */
import { composition, systemClock } from '../../shared/aws/composition';
import { beginScreening, type PhaseOutput } from '../../shared/use-cases/screening-workflow';

const deps = { store: composition.suggestionStore(), clock: systemClock };

export const handler = async (event: { suggestionId: string }): Promise<PhaseOutput> => beginScreening(deps, event.suggestionId);
