/** The suggestion workflow's engine, for the functions that start or answer it (see composition.ts). */
import { sfn } from './clients/sfn';
import { requiredEnv } from './env';
import { SfnWorkflowEngine } from './sfn-workflow-engine';

export const workflowEngine = () => new SfnWorkflowEngine(sfn(), requiredEnv('STATE_MACHINE_ARN'));
/** For actions: they only answer task tokens, which needs no state machine ARN. */
export const workflowAnswerer = () => new SfnWorkflowEngine(sfn());
