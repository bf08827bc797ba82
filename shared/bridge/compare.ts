/**
 * The compare side of the bridge. A compare's lanes are ordinary chat requests started with one `compareGroup`
 * (`ChatRequest.compareGroup`), so each lane is its own ledger row; this domain adds only the person's
 * verdict: which lane was better, stored on the group's ledger rows.
 */

/** Marks one lane (by its request id) the better of its compare group; `requestId: null` clears the mark. */
export interface PreferenceMark {
  compareGroup: string;
  requestId: string | null;
}

/** Which requests of a reopened session were compare lanes, and which lane of each group was marked better. */
export interface CompareInfo {
  /** request id → its compare group (requests that were no lane are left out). */
  groupOf: Record<string, string>;
  /** compare group → the preferred lane's request id (unmarked groups are left out). */
  preferred: Record<string, string>;
}

export interface CompareApi {
  /** Stores the mark in the ledger (`preferred` is 1 on the chosen lane's rows, 0 on the others'). */
  markPreferred(input: PreferenceMark): Promise<void>;
  /** The compare groups of the given requests and their marks, so a reopened session shows its compares whole. */
  getCompareInfo(requestIds: string[]): Promise<CompareInfo>;
}

export const compareMethods = ['markPreferred', 'getCompareInfo'] as const;
