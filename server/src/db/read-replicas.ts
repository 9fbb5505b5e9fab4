import { Pool, type PoolClient, type QueryConfig, type QueryResult, type QueryResultRow } from 'pg';
import { isDatabaseUnavailable } from './availability';

/**
 * Where a read runs: the primary's pool, or ReadReplicas (a healthy standby, else the primary). The
 * part of node-postgres's Pool that reads use: one statement, or a connection for a cursor.
 */
export interface ReadPool {
  // biome-ignore lint/suspicious/noExplicitAny: rows are typed by each caller, as with Pool.query
  query<R extends QueryResultRow = any>(config: QueryConfig): Promise<QueryResult<R>>;
  connect(): Promise<PoolClient>;
}

export type ReplicaState = 'starting' | 'ok' | 'lagging' | 'down' | 'not-a-standby';

export interface ReplicaStatus {
  /** 1-based position in DATABASE_REPLICA_URLS (no host names: /readyz is public). */
  replica: number;
  state: ReplicaState;
  /** How far behind the primary it was at the last check; null when unknown. */
  lagSeconds: number | null;
  /** Statements and cursors it has served since start-up (that reads do go there). */
  reads: number;
}

interface Log {
  warn(obj: object, msg?: string): void;
}

interface Replica {
  index: number;
  pool: Pool;
  state: ReplicaState;
  lagMs: number | null;
  reads: number;
  /** A write awaited here and not replayed within the bound: skipped until it has been. */
  mustReach: bigint;
}

/** An LSN ('16/B374D848') as a number, to compare. */
export function lsnValue(lsn: string): bigint {
  const [high, low] = lsn.split('/');
  return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`);
}

const FLUSH_LSN = 'SELECT pg_current_wal_flush_lsn()::text AS lsn';
const REPLAY = 'SELECT pg_is_in_recovery() AS standby, pg_last_wal_replay_lsn()::text AS lsn';
/** A hot standby cancels a query that conflicts with replay (serialization_failure): the primary answers it. */
const RECOVERY_CONFLICT = '40001';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Streaming-replication standbys for the bill reads (DATABASE_REPLICA_URLS). Each read goes to the next
 * healthy standby in turn, or to the primary when none is: a standby that is unreachable, not in
 * recovery, or more than `maxLagMs` behind is skipped. Health is checked on a timer (one statement on
 * the primary and one per standby, each bounded), never per request; a read that finds its standby
 * gone marks it down at once and runs on the primary.
 *
 * Lag is measured in time without trusting clocks: each check records the primary's WAL position, and a
 * standby that has not replayed the position recorded at time t is at least now − t behind.
 *
 * Read-your-writes: a write whose result the subscriber's bill screens show calls `awaitReplay()` after
 * its commit; it returns once every healthy standby has replayed the primary's WAL up to then, so any
 * instance reading from any of them sees it. A standby that does not get there within `maxLagMs` is
 * skipped until it has.
 */
export class ReadReplicas implements ReadPool {
  private readonly replicas: Replica[];
  /** The primary's WAL position at each check, oldest first, kept for as long as the lag bound needs. */
  private samples: { at: number; lsn: bigint }[] = [];
  private next = 0;
  private timer: NodeJS.Timeout | null = null;
  private checking: Promise<void> | null = null;

  constructor(
    private readonly primary: Pool,
    urls: readonly string[],
    private readonly options: { maxLagMs: number; poolSize: number; log?: Log },
  ) {
    this.replicas = urls.map((url, i) => {
      const pool = new Pool({
        connectionString: url,
        max: options.poolSize,
        application_name: 'web-billing-reads',
        // A standby that does not answer is skipped after a second rather than holding requests.
        connectionTimeoutMillis: 1_000,
      });
      // An idle connection dropped by a standby that stopped must not crash the process.
      pool.on('error', () => {});
      return { index: i + 1, pool, state: 'starting', lagMs: null, reads: 0, mustReach: 0n };
    });
  }

  get configured(): boolean {
    return this.replicas.length > 0;
  }

  /**
   * Waits (at most the lag bound) for every standby to replay the primary's WAL as it is now, so the
   * first reads already use the ones that are current; then checks them every checkIntervalMs.
   */
  async start(): Promise<void> {
    if (!this.configured) return;
    const { rows } = await this.primary.query<{ lsn: string }>(FLUSH_LSN);
    const target = lsnValue(rows[0].lsn);
    this.samples.push({ at: Date.now(), lsn: target });
    const deadline = Date.now() + this.options.maxLagMs;
    await Promise.all(
      this.replicas.map(async (replica) => {
        const reached = await this.replays(replica, target, deadline);
        if (reached === 'not-a-standby') replica.state = 'not-a-standby';
        else if (reached !== 'down') {
          replica.state = reached === 'reached' ? 'ok' : 'lagging';
          replica.lagMs = reached === 'reached' ? 0 : null;
        }
      }),
    );
    this.timer = setInterval(() => void this.check(), this.checkIntervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.checking;
    await Promise.all(this.replicas.map((r) => r.pool.end().catch(() => {})));
  }

  /** Twice per lag bound, at most once a second. */
  get checkIntervalMs(): number {
    return Math.max(100, Math.min(1_000, this.options.maxLagMs / 2));
  }

  status(): ReplicaStatus[] {
    return this.replicas.map((r) => ({
      replica: r.index,
      state: r.state,
      lagSeconds: r.lagMs === null ? null : Math.round(r.lagMs) / 1000,
      reads: r.reads,
    }));
  }

  // biome-ignore lint/suspicious/noExplicitAny: as Pool.query
  async query<R extends QueryResultRow = any>(config: QueryConfig): Promise<QueryResult<R>> {
    const replica = this.pick();
    if (replica) {
      try {
        const result = await replica.pool.query<R>(config);
        replica.reads++;
        return result;
      } catch (error) {
        if (!this.fallsBack(replica, error)) throw error;
      }
    }
    return this.primary.query<R>(config);
  }

  async connect(): Promise<PoolClient> {
    const replica = this.pick();
    if (replica) {
      try {
        const client = await replica.pool.connect();
        replica.reads++;
        return client;
      } catch (error) {
        if (!this.fallsBack(replica, error)) throw error;
      }
    }
    return this.primary.connect();
  }

  /**
   * After a commit the subscriber will look for: waits until every healthy standby has replayed the
   * primary's WAL as it is now, at most the lag bound; one that has not is skipped until it has.
   */
  async awaitReplay(): Promise<void> {
    const live = this.replicas.filter((r) => r.state === 'ok');
    if (live.length === 0) return;
    const { rows } = await this.primary.query<{ lsn: string }>(FLUSH_LSN);
    const target = lsnValue(rows[0].lsn);
    const deadline = Date.now() + this.options.maxLagMs;
    await Promise.all(
      live.map(async (replica) => {
        if ((await this.replays(replica, target, deadline)) !== 'behind') return;
        replica.state = 'lagging';
        if (target > replica.mustReach) replica.mustReach = target;
        this.options.log?.warn(
          { replica: replica.index, waitedMs: this.options.maxLagMs },
          'read replica did not replay a write within the lag bound: reads skip it',
        );
      }),
    );
  }

  /** Polls a standby until it has replayed `target` or the deadline passes (an unreachable one is marked down). */
  private async replays(
    replica: Replica,
    target: bigint,
    deadline: number,
  ): Promise<'reached' | 'behind' | 'down' | 'not-a-standby'> {
    for (let delay = 1; ; delay = Math.min(delay * 2, 20)) {
      try {
        const [{ standby, lsn }] = (
          await withTimeout(replica.pool.query<{ standby: boolean; lsn: string | null }>(REPLAY), 2_000)
        ).rows;
        if (!standby || !lsn) return 'not-a-standby';
        if (lsnValue(lsn) >= target) return 'reached';
      } catch (error) {
        this.markDown(replica, error);
        return 'down';
      }
      if (Date.now() >= deadline) return 'behind';
      await sleep(delay);
    }
  }

  /** Round robin over the healthy standbys; none → the primary. */
  private pick(): Replica | null {
    for (let i = 0; i < this.replicas.length; i++) {
      const replica = this.replicas[(this.next + i) % this.replicas.length];
      if (replica.state === 'ok') {
        this.next = (this.next + i + 1) % this.replicas.length;
        return replica;
      }
    }
    return null;
  }

  /** Whether a failed read should run on the primary instead; an unreachable standby is marked down. */
  private fallsBack(replica: Replica, error: unknown): boolean {
    if (isDatabaseUnavailable(error)) {
      this.markDown(replica, error);
      return true;
    }
    return (error as { code?: string }).code === RECOVERY_CONFLICT;
  }

  private markDown(replica: Replica, error: unknown): void {
    if (replica.state !== 'down')
      this.options.log?.warn(
        { replica: replica.index, reason: (error as Error)?.message },
        'read replica unreachable: reads go to the primary',
      );
    replica.state = 'down';
    replica.lagMs = null;
  }

  private check(): Promise<void> {
    this.checking ??= this.runCheck().finally(() => {
      this.checking = null;
    });
    return this.checking;
  }

  private async runCheck(): Promise<void> {
    const timeout = this.checkIntervalMs * 2;
    try {
      const { rows } = await withTimeout(this.primary.query<{ lsn: string }>(FLUSH_LSN), timeout);
      this.samples.push({ at: Date.now(), lsn: lsnValue(rows[0].lsn) });
    } catch {
      // The primary is unreachable: standbys can still be checked against what is known.
    }
    // Keep what the bound needs: a standby behind the oldest kept sample is past the bound anyway.
    const horizon = Date.now() - this.options.maxLagMs - 2 * this.checkIntervalMs;
    while (this.samples.length > 1 && this.samples[0].at < horizon) this.samples.shift();

    await Promise.all(
      this.replicas.map(async (replica) => {
        try {
          const { rows } = await withTimeout(
            replica.pool.query<{ standby: boolean; lsn: string | null }>(REPLAY),
            timeout,
          );
          const [{ standby, lsn }] = rows;
          if (!standby || !lsn) {
            replica.state = 'not-a-standby';
            replica.lagMs = null;
            return;
          }
          const replayed = lsnValue(lsn);
          const now = Date.now();
          // Within the bound: it has replayed what the primary had `maxLagMs` ago (or, for want of a
          // sample that old yet, at start-up).
          const due = this.samples.findLast((s) => s.at <= now - this.options.maxLagMs) ?? this.samples[0];
          const behind = this.samples.find((s) => s.lsn > replayed);
          replica.lagMs = behind ? Math.max(0, now - behind.at) : 0;
          const current = (!due || replayed >= due.lsn) && replayed >= replica.mustReach;
          replica.state = current ? 'ok' : 'lagging';
        } catch (error) {
          this.markDown(replica, error);
        }
      }),
    );
  }
}
