/**
 * The person's verdict on a compare, kept in the ledger: `preferred` is 1 on the rows (every attempt) of the
 * chosen lane's request and 0 on the other lanes' rows of the same compare group, NULL while nobody has marked.
 */
import type { CompareApi, CompareInfo, PreferenceMark } from '../../../shared/bridge/compare.ts';
import { hostMessage } from '../../../shared/messages/messages.ts';
import { BadInputError } from '../bad-input.ts';
import type { Db } from '../db.ts';

export function markPreferred(db: Db, input: PreferenceMark): void {
  const group = input.compareGroup;
  const rows = db.prepare('SELECT DISTINCT request_id FROM ledger WHERE compare_group = ?').all(group) as {
    request_id: string;
  }[];
  if (rows.length === 0) throw new BadInputError(hostMessage('compare.not-in-ledger'));
  if (input.requestId === null) {
    db.prepare('UPDATE ledger SET preferred = NULL WHERE compare_group = ?').run(group);
    return;
  }
  if (!rows.some((r) => r.request_id === input.requestId)) throw new BadInputError(hostMessage('compare.lane-not-in-compare'));
  db.prepare('UPDATE ledger SET preferred = (request_id = ?) WHERE compare_group = ?').run(input.requestId, group);
}

export function compareInfo(db: Db, requestIds: readonly string[]): CompareInfo {
  const groupOf: Record<string, string> = {};
  const preferred: Record<string, string> = {};
  const groupStmt = db.prepare('SELECT compare_group FROM ledger WHERE request_id = ? AND compare_group IS NOT NULL LIMIT 1');
  const markStmt = db.prepare('SELECT request_id FROM ledger WHERE compare_group = ? AND preferred = 1 LIMIT 1');
  // A session holds at most a few hundred exchanges; one indexed lookup each (ledger_request) is cheap.
  for (const id of requestIds) {
    const row = groupStmt.get(id) as { compare_group: string } | undefined;
    if (!row) continue;
    groupOf[id] = row.compare_group;
    if (!(row.compare_group in preferred)) {
      const mark = markStmt.get(row.compare_group) as { request_id: string } | undefined;
      if (mark) preferred[row.compare_group] = mark.request_id;
    }
  }
  return { groupOf, preferred };
}

export function compareMethodsFor(db: Db): CompareApi {
  return {
    markPreferred: async (input) => markPreferred(db, input),
    getCompareInfo: async (requestIds) => compareInfo(db, requestIds),
  };
}
