/** What the metrics endpoint reads from the database (at scrape time, never on the message path). */
export interface MetricsStore {
  /**
   * Open conversations no agent holds (the queues of every site in this database). One COUNT over
   * an index, no locks, no transaction needed. In cluster mode every node reports the same total.
   */
  waitingConversations(): Promise<number>;
}

declare module '../store/store.ts' {
  interface StoreTx {
    metrics: MetricsStore;
  }
}
