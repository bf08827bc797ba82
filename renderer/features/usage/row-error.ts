/**
 * A ledger row's error as the window says it: the message code and parameters the row keeps (schema 9), worded
 * in the window's language; the English it was written with for older rows and codes this window does not know.
 */
import type { LedgerRow } from '../../../shared/bridge/usage.ts';
import { type HostMessage, isMessageCode } from '../../../shared/messages/messages.ts';

export function rowError(row: Pick<LedgerRow, 'error_code' | 'error_params' | 'error_message'>): HostMessage | string | null {
  if (row.error_code && isMessageCode(row.error_code)) {
    let params: Record<string, string | number> = {};
    try {
      const parsed: unknown = JSON.parse(row.error_params ?? '{}');
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) params = parsed as Record<string, string | number>;
    } catch {
      // Unreadable parameters: the code's text with its placeholders is less use than the English that was stored.
      return row.error_message;
    }
    return { code: row.error_code, params, message: row.error_message ?? '' };
  }
  return row.error_message;
}
