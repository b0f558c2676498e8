/**
 * SQLite by nature: copies the embedded database file with SQLite's backup API (no store seam here;
 * a PostgreSQL deployment is backed up with pg_dump instead).
 */
import Database from 'better-sqlite3';

/**
 * An online backup: SQLite's backup API copies a consistent snapshot page by page while the
 * server keeps writing (WAL mode lets readers and the one writer proceed together). The copy is
 * a plain database file; restoring is stopping Hearth and putting it in place of DATA_DIR/hearth.db.
 */
export async function backupDatabase(sourceFile: string, destination: string): Promise<{ pages: number }> {
  const source = new Database(sourceFile, { readonly: true, fileMustExist: true });
  try {
    const result = await source.backup(destination);
    const copy = new Database(destination);
    try {
      // One self-contained file (no -wal/-shm beside it); Hearth switches back to WAL when it opens it.
      copy.pragma('journal_mode = DELETE');
      const check = copy.pragma('integrity_check', { simple: true });
      if (check !== 'ok') throw new Error(`backup failed its integrity check: ${String(check)}`);
    } finally {
      copy.close();
    }
    return { pages: result.totalPages };
  } finally {
    source.close();
  }
}
