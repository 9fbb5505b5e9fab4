// Types of standby.js (plain JavaScript so that benches can require it).

/**
 * A hot standby of the test cluster, streaming from it through its own replication slot: a file copy
 * between pg_backup_start() and pg_backup_stop() of the embedded cluster (its package ships no
 * pg_basebackup), or pg_basebackup of the system PostgreSQL (Debian's binaries of its version).
 */
export interface Standby {
  /** The same database as `primaryUrl`, on the standby. */
  urlFor(primaryUrl: string): string;
  /** Stops the standby (fast shutdown); `start()` brings it back, catching up through its slot. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Resolves once the standby has replayed everything the primary had written when called. */
  caughtUp(): Promise<void>;
  /** A query on the standby's copy of `database`. */
  query<T>(database: string, text: string, values?: unknown[]): Promise<T[]>;
  /** Stops it, drops its slot on the primary and deletes its files. */
  destroy(): Promise<void>;
}

/**
 * Why no standby can be made of the test cluster on this machine, or null when one can. Only the
 * system PostgreSQL can refuse: its pg_hba.conf must allow replication connections from 127.0.0.1,
 * and Debian's binaries of its version must be installed.
 */
export function standbyUnavailable(): string | null;

/**
 * Starts a standby of the cluster of `primaryUrl` (default: the test cluster, TEST_DATABASE_URL).
 * With `clusterDir` (an embedded cluster's data directory on this machine; for the test cluster,
 * TEST_PG_DATA_DIR/pg) it copies the files between pg_backup_start() and pg_backup_stop(); without,
 * it runs pg_basebackup (Debian's binaries of the server's version).
 */
export function startStandby(options?: { primaryUrl?: string; clusterDir?: string }): Promise<Standby>;
