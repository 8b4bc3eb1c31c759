/** The admin's integrations (接入方): list, create (the key shown once), edit, revoke. Needs a staff token. */
import { systemClock, systemRandomBytes } from '../../shared/aws/composition';
import { integrationStore } from '../../shared/aws/composition-integrations';
import { secretFromEnvironment } from '../../shared/aws/server-secret';
import { apiHandler, byRoute } from '../../shared/http/api-handler';
import { staffAuthenticator } from '../../shared/http/staff-auth';
import { createIntegration, listIntegrations, revokeIntegrationKey, updateIntegration } from '../../shared/use-cases/integrations/manage-integrations';

// Keys are hashed and webhook secrets derived under the PIN secret, each with its own label (integration.ts).
const serverSecret = secretFromEnvironment('PIN_SECRET');
if (!serverSecret) throw new Error('PIN_SECRET_ARN (on AWS) or PIN_SECRET_FILE (locally) must be set');
const deps = { integrations: integrationStore(), clock: systemClock, randomBytes: systemRandomBytes, serverSecret };
const idOf = (r: { event: { pathParameters?: Record<string, string | undefined> } }) => r.event.pathParameters?.id ?? '';

export const handler = apiHandler(
  byRoute({
    'GET /api/staff/integrations': async (r) => ({ status: 200, body: await listIntegrations(deps, r.principal!) }),
    'POST /api/staff/integrations': async (r) => ({ status: 201, body: await createIntegration(deps, r.principal!, r.body) }),
    'PUT /api/staff/integrations/{id}': async (r) => ({ status: 200, body: await updateIntegration(deps, r.principal!, idOf(r), r.body) }),
    'POST /api/staff/integrations/{id}/revoke': async (r) => ({ status: 200, body: await revokeIntegrationKey(deps, r.principal!, idOf(r)) }),
  }),
  { authenticate: staffAuthenticator() },
);
