import { describe, expect, it } from 'vitest';
import { passwordMinLength, passwordProblem } from '../../../shared/domain/staff/password-policy';

describe('staff password policy (the user pool’s)', () => {
  it('wants 12 characters with upper and lower case, a digit and a symbol', () => {
    expect(passwordMinLength).toBe(12);
    expect(passwordProblem('Short#1a')).toBe('passwordTooShort');
    expect(passwordProblem('alllowercase#1')).toBe('passwordKinds');
    expect(passwordProblem('ALLUPPERCASE#1')).toBe('passwordKinds');
    expect(passwordProblem('NoDigitsHere#!')).toBe('passwordKinds');
    expect(passwordProblem('NoSymbols1234a')).toBe('passwordKinds');
    expect(passwordProblem('Good#Password1')).toBeUndefined();
  });
});
