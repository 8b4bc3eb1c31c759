/**
 * aws-local-stepfunctions calls `Promise.withResolvers` (ES2024), which Node 20 lacks. Imported for its side
 * effect before the interpreter is used; a no-op on Node 22+.
 */
const PromiseWithResolvers = Promise as PromiseConstructor & {
  withResolvers?: <T>() => { promise: Promise<T>; resolve: (value: T | PromiseLike<T>) => void; reject: (reason?: unknown) => void };
};

if (typeof PromiseWithResolvers.withResolvers !== 'function') {
  PromiseWithResolvers.withResolvers = function withResolvers<T>() {
    let resolve!: (value: T | PromiseLike<T>) => void;
    let reject!: (reason?: unknown) => void;
    const promise = new Promise<T>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
}

export {};
