/**
 * Hands the submit response to the receipt page, and the PIN from the receipt page to the track form.
 * The receipt is kept in sessionStorage so a reload of the receipt page does not lose the one-time PIN; it
 * never leaves this tab. The PIN is never put in a URL (URLs end up in history and logs).
 */
import type { SubmitResponse } from '../../shared/http/api-types';

const receiptKey = 'jianyi.receipt';

let memoryReceipt: SubmitResponse | undefined;

export function saveReceipt(receipt: SubmitResponse): void {
  memoryReceipt = receipt;
  try {
    sessionStorage.setItem(receiptKey, JSON.stringify(receipt));
  } catch {
    // Private mode: the in-memory copy still shows it.
  }
}

export function loadReceipt(): SubmitResponse | undefined {
  try {
    const raw = sessionStorage.getItem(receiptKey);
    if (raw) return JSON.parse(raw) as SubmitResponse;
  } catch {
    // Fall through to memory.
  }
  return memoryReceipt;
}

export function forgetReceipt(): void {
  try {
    sessionStorage.removeItem(receiptKey);
  } catch {
    // Nothing stored.
  }
  memoryReceipt = undefined;
}

let pendingPin: { trackingCode: string; pin: string } | undefined;

export function handOverPin(trackingCode: string, pin: string): void {
  pendingPin = { trackingCode, pin };
}

/** The PIN handed over for this code, once. */
export function takePin(trackingCode: string): string | undefined {
  if (pendingPin?.trackingCode !== trackingCode) return undefined;
  const { pin } = pendingPin;
  pendingPin = undefined;
  return pin;
}
