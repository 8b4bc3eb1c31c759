/**
 * SQS consumer: runs background file work — an export of the queue streamed into a file, a bulletin generated
 * (shared/use-cases/file-jobs.ts). One job per invocation (batch size 1: an export may take minutes); a job that
 * throws is reported failed, retried by the queue, then dead-lettered.
 */
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import middy from '@middy/core';
import { bulletinStore, campaignStore, directory, exportStore, publicBaseUrl, rateStore, suggestionStore, systemClock } from '../../shared/aws/composition';
import { responseStore } from '../../shared/aws/composition-responses';
import { campaignFigures, caseLibrary } from '../../shared/aws/composition-campaign-media';
import { fileWriter } from '../../shared/aws/composition-files';
import { notificationQueue } from '../../shared/aws/composition-sqs';
import { log } from '../../shared/observability/log';
import { observed } from '../../shared/observability/observed';
import { rateReport, whenRatesReady } from '../../shared/use-cases/rate-report';
import { handleFileJob, type FileJobDeps } from '../../shared/use-cases/file-jobs';
// Issue 12: bulk import
import { fileReader } from '../../shared/aws/composition-campaign-media';
import { importStore } from '../../shared/aws/composition-imports';
import { importSubmitDeps } from '../../shared/aws/composition-import-intake';

const files = fileWriter();
const people = directory();
const rates = rateStore();
const exports = exportStore();
const deps: FileJobDeps = {
  log,
  exportDeps: { exports, store: suggestionStore(), directory: people, files, clock: systemClock, log },
  // Campaigns (issue 11): responses
  responsesExportDeps: { exports, campaigns: campaignStore(), responses: responseStore(), files, clock: systemClock, log },
  bulletinDeps: {
    bulletins: bulletinStore(),
    files,
    // Not before the rates exist (a fresh deployment's first minutes): up to 5 minutes, then with what there is.
    report: async (orgId, query) => {
      await whenRatesReady(rates, orgId, { timeoutMs: 300_000, pollMs: 2_000 });
      return rateReport({ rates, directory: people }, orgId, query);
    },
    directory: people,
    notifications: notificationQueue(),
    clock: systemClock,
    log,
    publicBaseUrl: publicBaseUrl(),
  },
  // Campaigns (issue 11): media — a campaign's close report.
  campaignReportDeps: { exports: exportStore(), campaigns: campaignStore(), figures: campaignFigures(), library: caseLibrary(), files, clock: systemClock, log },
  // Issue 12: bulk import — a chunk of an import's rows, each through the intake.
  importDeps: { imports: importStore(), reader: fileReader(), submit: importSubmitDeps(), clock: systemClock, log },
};

export const handler = middy<SQSEvent, SQSBatchResponse>()
  .use(observed<SQSEvent, SQSBatchResponse>())
  .handler(async (event) => {
    const failures: { itemIdentifier: string }[] = [];
    for (const record of event.Records) {
      try {
        const result = await handleFileJob(deps, record.body);
        log.info('file job', { messageId: record.messageId, ...result });
      } catch (error) {
        log.error('file job failed; the queue retries it', { messageId: record.messageId, error });
        failures.push({ itemIdentifier: record.messageId });
      }
    }
    return { batchItemFailures: failures };
  });
