/**
 * Runs the synthesized Lambda bundles (cdk.out/asset.<hash>/index.mjs, the exact code that deploys) inside this
 * process: imports each on first use (its "cold start"), calls its handler with a Lambda-shaped context, and
 * turns a throw or a timeout into the error object Lambda would report.
 *
 * Every function shares this process, hence one environment: the caller sets it before the first invocation.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';
import type { LocalFunction } from './cdk-template';

export interface LambdaError {
  readonly errorType: string;
  readonly errorMessage: string;
  /** Stack lines, for logs and the Step Functions Cause; never sent to an HTTP client. */
  readonly trace: readonly string[];
}

export type InvokeOutcome = { readonly ok: true; readonly result: unknown } | { readonly ok: false; readonly error: LambdaError };

type Handler = (event: unknown, context: Context, callback?: (error?: unknown, result?: unknown) => void) => unknown;

export interface LambdaRuntimeOptions {
  readonly region: string;
  readonly accountId?: string;
  /** Logs one line per failed invocation (the error and its stack). */
  readonly log?: (message: string) => void;
}

/** Each runtime instance imports its own copies of the bundles, so their module-scope clients see its env. */
let runtimeGeneration = 0;

export class LambdaRuntime {
  private readonly functions = new Map<string, LocalFunction>();
  private readonly handlers = new Map<string, Promise<Handler>>();
  /** Cold starts run one at a time: bundles read process.env and build SDK clients at module scope. */
  private coldStartChain: Promise<unknown> = Promise.resolve();
  private readonly generation = ++runtimeGeneration;

  constructor(
    functions: readonly LocalFunction[],
    private readonly options: LambdaRuntimeOptions,
  ) {
    for (const fn of functions) this.functions.set(fn.id, fn);
  }

  get(functionId: string): LocalFunction {
    const fn = this.functions.get(functionId);
    if (!fn) throw new Error(`No local function ${functionId}`);
    return fn;
  }

  /** Imports a bundle once; concurrent first invocations share the same import. */
  private load(fn: LocalFunction): Promise<Handler> {
    let pending = this.handlers.get(fn.id);
    if (!pending) {
      pending = this.coldStartChain.then(() => this.importHandler(fn));
      this.coldStartChain = pending.catch(() => undefined);
      this.handlers.set(fn.id, pending);
      // A failed import is retried on the next invocation (the developer may have fixed and re-synthesized).
      pending.catch(() => this.handlers.delete(fn.id));
    }
    return pending;
  }

  private async importHandler(fn: LocalFunction): Promise<Handler> {
    const dot = fn.handler.lastIndexOf('.');
    const file = fn.handler.slice(0, dot);
    const exportName = fn.handler.slice(dot + 1);
    const candidates = ['.mjs', '.js', '.cjs'].map((ext) => path.join(fn.assetDir, `${file}${ext}`));
    const modulePath = candidates.find((candidate) => existsSync(candidate));
    if (!modulePath) throw new Error(`${fn.id}: no ${file}.mjs/.js in ${fn.assetDir} (is cdk.out stale?)`);
    const url = `${pathToFileURL(modulePath).href}?runtime=${this.generation}`;
    const module = (await import(url)) as Record<string, unknown> & { default?: Record<string, unknown> };
    const handler = module[exportName] ?? module.default?.[exportName];
    if (typeof handler !== 'function') throw new Error(`${fn.id}: ${modulePath} exports no function "${exportName}"`);
    return handler as Handler;
  }

  private context(fn: LocalFunction, deadline: number): Context {
    const accountId = this.options.accountId ?? '000000000000';
    const requestId = randomUUID();
    const unsupported = (): never => {
      throw new Error('context.done/succeed/fail are not supported; return or throw instead');
    };
    return {
      callbackWaitsForEmptyEventLoop: true,
      functionName: fn.functionName,
      functionVersion: '$LATEST',
      invokedFunctionArn: `arn:aws:lambda:${this.options.region}:${accountId}:function:${fn.functionName}`,
      memoryLimitInMB: String(fn.memoryMb),
      awsRequestId: requestId,
      logGroupName: `/aws/lambda/${fn.functionName}`,
      logStreamName: `local/[$LATEST]${requestId.replace(/-/g, '')}`,
      getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
      done: unsupported,
      fail: unsupported,
      succeed: unsupported,
    };
  }

  /** Invokes a function as Lambda would: never throws; a failure comes back as `{ok: false, error}`. */
  async invoke(functionId: string, event: unknown): Promise<InvokeOutcome> {
    const fn = this.get(functionId);
    const deadline = Date.now() + fn.timeoutSeconds * 1000;
    let timer: NodeJS.Timeout | undefined;
    try {
      const handler = await this.load(fn);
      const context = this.context(fn, deadline);
      // JSON round trip: the function gets a copy, as over the wire, and cannot mutate the caller's object.
      const payload = event === undefined ? {} : JSON.parse(JSON.stringify(event));
      const run = new Promise<unknown>((resolve, reject) => {
        const callback = (error?: unknown, result?: unknown): void => (error ? reject(error) : resolve(result));
        try {
          const returned = handler(payload, context, callback);
          // Async handlers settle by their promise; callback-style ones (3 parameters) by the callback.
          if (handler.length < 3 || (returned && typeof (returned as Promise<unknown>).then === 'function')) {
            Promise.resolve(returned).then(resolve, reject);
          }
        } catch (error) {
          reject(error);
        }
      });
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(Object.assign(new Error(`Task timed out after ${fn.timeoutSeconds.toFixed(2)} seconds`), { name: 'Sandbox.Timedout' })),
          Math.max(0, deadline - Date.now()),
        );
      });
      const result = await Promise.race([run, timeout]);
      // What Lambda returns is JSON: undefined becomes null, Dates become strings.
      return { ok: true, result: result === undefined ? null : JSON.parse(JSON.stringify(result)) };
    } catch (error) {
      const lambdaError = toLambdaError(error);
      this.options.log?.(`${fn.functionName} failed: ${lambdaError.errorType}: ${lambdaError.errorMessage}\n${lambdaError.trace.join('\n')}`);
      return { ok: false, error: lambdaError };
    } finally {
      clearTimeout(timer);
    }
  }
}

export function toLambdaError(error: unknown): LambdaError {
  if (error instanceof Error) {
    return {
      errorType: error.name || 'Error',
      errorMessage: error.message,
      trace: (error.stack ?? '').split('\n'),
    };
  }
  return { errorType: 'Error', errorMessage: typeof error === 'string' ? error : JSON.stringify(error) ?? String(error), trace: [] };
}
