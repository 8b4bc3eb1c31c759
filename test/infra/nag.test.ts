import { Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, NagPack } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addNagChecks } from '../../infra/app';
import { buildTestApp } from './synth';

interface Acknowledgement {
  readonly path: string;
  readonly id: string;
  readonly reason: string;
}

const ackKey = Validations.ACKNOWLEDGED_RULES_METADATA_KEY;
const ruleIdOf = (qualifiedId: string) => qualifiedId.replace(/^annotation::/i, '');

function acknowledgementsOn(construct: IConstruct): Acknowledgement[] {
  return construct.node.metadata
    .filter((entry) => entry.type === ackKey && entry.data)
    .flatMap((entry) =>
      Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({
        path: construct.node.path,
        id: ruleIdOf(id),
        reason,
      })),
    );
}

/**
 * Records which acknowledgement silenced which finding, so a suppression that no longer matches anything
 * (the finding was fixed, or the construct renamed) fails the test instead of lingering.
 */
const used = new Set<string>();
const packPrototype = NagPack.prototype as unknown as {
  isAcknowledged(resource: IConstruct, ruleId: string): boolean;
};
const originalIsAcknowledged = packPrototype.isAcknowledged;

let synthError: unknown;
let app: ReturnType<typeof buildTestApp>['app'];

beforeAll(() => {
  packPrototype.isAcknowledged = function (this: unknown, resource: IConstruct, ruleId: string): boolean {
    const acknowledged = originalIsAcknowledged.call(this, resource, ruleId);
    for (let scope: IConstruct | undefined = resource; acknowledged && scope; scope = scope.node.scope) {
      if (acknowledgementsOn(scope).some((a) => a.id === ruleId)) used.add(`${scope.node.path} ${ruleId}`);
    }
    return acknowledged;
  };
  app = buildTestApp().app;
  addNagChecks(app);
  try {
    app.synth();
  } catch (error) {
    synthError = error;
  }
}, 120_000);

afterAll(() => {
  packPrototype.isAcknowledged = originalIsAcknowledged;
});

describe('cdk-nag AwsSolutions', () => {
  it('synthesizes the app with the checks and no unacknowledged error', () => {
    expect(synthError).toBeUndefined();
  });

  it('leaves no unacknowledged finding, errors or warnings', () => {
    const report = new AwsSolutionsChecks(undefined, { verbose: true }).validateScope(app);
    const findings = report.violations.flatMap((v) =>
      v.violatingResources.map((r) => `${v.severity} ${v.ruleName} at ${r.constructPath}`),
    );
    expect(findings).toEqual([]);
  });

  it('gives every acknowledgement a specific reason', () => {
    const acknowledgements = app.node.findAll().flatMap(acknowledgementsOn);
    expect(acknowledgements.length).toBeGreaterThan(0);
    for (const a of acknowledgements) expect(a.reason.length, `${a.id} at ${a.path}`).toBeGreaterThanOrEqual(20);
  });

  it('acknowledges only findings that exist', () => {
    const stale = app.node
      .findAll()
      .flatMap(acknowledgementsOn)
      .filter((a) => a.id.startsWith('AwsSolutions-'))
      .map((a) => `${a.path} ${a.id}`)
      .filter((key) => !used.has(key));
    expect(stale).toEqual([]);
  });
});
