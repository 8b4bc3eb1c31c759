/**
 * Each function's bundle, built as `cdk synth` builds it (infra/function-bundles.ts): within the size limit, and
 * importing from the Lambda runtime's SDK exactly the services its declared permissions use — so a change that
 * drags a client into a function that never calls it fails here, by name, before it slows a cold start.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleAllFunctions, bundleLimitKb, bundleLimitOf, functionEntries, kb, type FunctionBundle } from '../../infra/function-bundles';
import { functionPermissions, type FunctionPermissions } from '../../infra/function-permissions';

/** The SDK packages a function needs for what infra/function-permissions.ts says it does. */
function sdkPackagesFor(permissions: FunctionPermissions): string[] {
  const packages = new Set<string>();
  if (permissions.table) ['@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb'].forEach((p) => packages.add(p));
  // Consuming is Lambda's event source mapping, not the code's.
  if (permissions.notificationQueue?.some((use) => use !== 'consume')) packages.add('@aws-sdk/client-sqs');
  if (permissions.workflow?.length) packages.add('@aws-sdk/client-sfn');
  if (permissions.staffAccounts) packages.add('@aws-sdk/client-cognito-identity-provider');
  if (permissions.secrets?.length) packages.add('@aws-sdk/client-secrets-manager');
  if (permissions.deliver?.includes('email')) packages.add('@aws-sdk/client-sesv2');
  if (permissions.deliver?.includes('sms')) packages.add('@aws-sdk/client-sns');
  if (permissions.fileJobQueue?.some((use) => use !== 'consume')) packages.add('@aws-sdk/client-sqs');
  if (permissions.files?.includes('write')) ['@aws-sdk/client-s3', '@aws-sdk/lib-storage'].forEach((p) => packages.add(p));
  if (permissions.files?.includes('link')) ['@aws-sdk/client-s3', '@aws-sdk/s3-request-presigner'].forEach((p) => packages.add(p));
  // Campaigns (issue 11): media — a cover read whole.
  if (permissions.files?.includes('read')) packages.add('@aws-sdk/client-s3');
  return [...packages].sort();
}

const bundles = new Map<string, FunctionBundle>();

beforeAll(async () => {
  for (const bundle of await bundleAllFunctions()) bundles.set(bundle.entry, bundle);
  const width = Math.max(...functionEntries.map((e) => e.length));
  console.log(
    [`minified bundle sizes (limit ${bundleLimitKb} KB):`, ...[...bundles.values()].map((b) => `  ${b.entry.padEnd(width)} ${String(kb(b.bytes)).padStart(4)} KB`)].join('\n'),
  );
}, 120_000);

describe('function bundles', () => {
  it('are built for every function', () => {
    expect([...bundles.keys()].sort()).toEqual([...functionEntries].sort());
  });

  for (const entry of functionEntries) {
    it(`${entry}: at most ${bundleLimitOf(entry)} KB minified`, () => {
      const bundle = bundles.get(entry)!;
      const parts = bundle.byPackage.slice(0, 5).map(([name, bytes]) => `${name} ${kb(bytes)} KB`);
      expect(kb(bundle.bytes), `largest parts: ${parts.join(', ')}`).toBeLessThanOrEqual(bundleLimitOf(entry));
    });

    it(`${entry}: imports the runtime's SDK for exactly the services it uses`, () => {
      const declared = (functionPermissions as Record<string, FunctionPermissions>)[entry]!;
      expect(bundles.get(entry)!.externalImports).toEqual(sdkPackagesFor(declared));
    });
  }

  it('jobs/update-topics ships jieba’s WebAssembly beside its bundle, not in it', () => {
    const topics = bundles.get('jobs/update-topics')!;
    expect(topics.companions.map((c) => c.file)).toEqual(['node_modules/jieba-wasm/pkg/web/jieba_rs_wasm_bg.wasm']);
    expect(topics.companions[0]!.bytes).toBeGreaterThan(1_000_000);
    expect(topics.bytes).toBeLessThan(topics.companions[0]!.bytes / 4);
    for (const bundle of bundles.values()) if (bundle.entry !== 'jobs/update-topics') expect(bundle.companions, bundle.entry).toEqual([]);
  });

  it('bundle nothing of the AWS SDK itself', () => {
    for (const bundle of bundles.values()) {
      expect(bundle.byPackage.map(([name]) => name).filter((name) => name.startsWith('@aws-sdk/')), bundle.entry).toEqual([]);
    }
  });
});
