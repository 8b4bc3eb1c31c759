/** The ports of integrations (接入方): their records and the credentials their keys are checked against. */
import type { Integration } from '../domain/integration/integration';
import type { AuditRecord } from '../domain/staff/audit-record';
import type { Suggestion } from '../domain/suggestion/suggestion';

export interface IntegrationCredential {
  orgId: string;
  keyHash: string;
}

export interface IntegrationStore {
  get(orgId: string, integrationId: string): Promise<Integration | undefined>;
  /** Every integration of the organisation (a handful: one query). */
  list(orgId: string): Promise<Integration[]>;
  /** The record, its key's credential and the audit record in one transaction. */
  create(integration: Integration, keyHash: string, audit: AuditRecord): Promise<void>;
  /** Saved on the version read (409 otherwise), with its audit record in the same transaction. */
  save(integration: Integration, expectedVersion: number, audit: AuditRecord): Promise<void>;
  credential(integrationId: string): Promise<IntegrationCredential | undefined>;
  /** Records a use; written only when the stored lastUsedAt is older than `staleBefore` (at most once a minute). */
  touch(orgId: string, integrationId: string, at: string, staleBefore: string): Promise<void>;
}

/** Open311's GET requests: the organisation's suggestions changed since a time (newest changes last). */
export interface RecentRequests {
  changedSince(orgId: string, since: Date, limit: number): Promise<Suggestion[]>;
}
