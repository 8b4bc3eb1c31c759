/**
 * Scheduled (EventBridge, every 15 minutes): brings the hot topics up to date from what changed since the last
 * run, flags spikes and tells the dispatchers of new ones (shared/use-cases/update-topics.ts). The only function
 * that segments text: its bundle ships jieba's WebAssembly beside index.mjs (infra: besideBundle).
 */
import { directory, orgId, publicBaseUrl, systemClock } from '../../shared/aws/composition';
import { notificationQueue } from '../../shared/aws/composition-sqs';
import { topicStore } from '../../shared/aws/composition-topics';
import { observedTask } from '../../shared/observability/observed-task';
import { jiebaSegmenter } from '../../shared/text/jieba-segmenter';
import { updateTopics, type TopicsRunReport } from '../../shared/use-cases/update-topics';

const deps = {
  topics: topicStore(),
  segmenter: jiebaSegmenter(),
  directory: directory(),
  notifications: notificationQueue(),
  clock: systemClock,
  publicBaseUrl: publicBaseUrl(),
};
const org = orgId();

export const handler = observedTask(async (): Promise<TopicsRunReport> => updateTopics(deps, org));
