/** The running tally (always visible) and the usage view's report, both read from the host's ledger. */
import type { StateCreator } from 'zustand';
import { failureMessage } from '../model/failure.ts';
import { downloadFile } from '../platform/download.ts';
import type { StoreDeps } from './deps.ts';
import type { UsageSlice, State } from './state.ts';

export const createUsageSlice = ({ bridge }: StoreDeps): StateCreator<State, [], [], UsageSlice> => {
  let tallySeq = 0;
  return (set, get) => ({
    tally: null,
    tallyError: null,
    async refreshTally() {
      // Answers can arrive out of order when requests end close together: keep the newest question's answer.
      const mine = ++tallySeq;
      try {
        const tally = await bridge.getTally({ sessionId: get().sessionId });
        if (mine === tallySeq) set({ tally, tallyError: null });
      } catch (e) {
        if (mine === tallySeq) set({ tallyError: failureMessage(e) });
      }
    },
    usageRange: {},
    usageReport: null,
    usageError: null,
    async loadUsage(range) {
      const r = range ?? get().usageRange;
      set({ usageRange: r });
      try {
        const usageReport = await bridge.getUsage(r);
        set({ usageReport, usageError: null });
      } catch (e) {
        set({ usageError: failureMessage(e) });
      }
    },
    async exportLedgerCsv() {
      try {
        const r = get().usageRange;
        const csv = await bridge.exportLedgerCsv(r);
        const span = r.from || r.to ? `${r.from ?? 'start'}-to-${r.to ?? 'today'}` : 'all-time';
        const batch = r.batchId ? `batch-${r.batchId.slice(0, 8)}-` : '';
        downloadFile(`glimpse-ledger-${batch}${span}.csv`, 'text/csv;charset=utf-8', csv);
      } catch (e) {
        set({ usageError: failureMessage(e) });
      }
    },
  });
};
