/**
 * The staff password policy, the same as the Cognito user pool's (infra/stateful-stack.ts): at least 12
 * characters with upper case, lower case, a digit and a symbol. The change-password page checks it before
 * sending, and the local identity provider enforces it as Cognito does on AWS.
 */
export const passwordMinLength = 12;

/** The rule a password breaks (a message key suffix), or undefined when it is acceptable. */
export function passwordProblem(password: string): 'passwordTooShort' | 'passwordKinds' | undefined {
  if (password.length < passwordMinLength) return 'passwordTooShort';
  if (!/[A-Z]/.test(password) || !/[a-z]/.test(password) || !/\d/.test(password) || !/[^A-Za-z\d]/.test(password)) return 'passwordKinds';
  return undefined;
}
