/** Installation-wide state: the `instance_settings` key/value rows and first-boot serialisation. */
export interface InstanceStore {
  /**
   * The value stored under `key`, storing `candidate` first if the key has none: every node of a
   * cluster that races here ends up with the same value (insert-if-absent, then read; no lock).
   */
  settingOrInit(key: string, candidate: string): Promise<string>;
  /**
   * Serialises first-boot work (creating the first site) across nodes until the unit ends.
   * SQLite: nothing to do (one writer). PostgreSQL: `pg_advisory_xact_lock` on a fixed key.
   */
  lockInstallation(): Promise<void>;
}

declare module '../store/store.ts' {
  interface StoreTx {
    instance: InstanceStore;
  }
}
