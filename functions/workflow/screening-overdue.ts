/** State machine task ScreeningOverdue: records the overdue day and reminds the dispatchers. */
import { composition, systemClock } from '../../shared/aws/composition';
import { screeningOverdue, type PhaseOutput } from '../../shared/use-cases/screening-workflow';

const deps = {
  store: composition.suggestionStore(),
  directory: composition.directory(),
  notifications: composition.notificationQueue(),
  clock: systemClock,
  publicBaseUrl: composition.publicBaseUrl(),
};

export const handler = async (event: { suggestionId: string }): Promise<PhaseOutput> => screeningOverdue(deps, event.suggestionId);
