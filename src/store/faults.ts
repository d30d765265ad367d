// Storage faults a client can act on, told apart from bugs: the database unreachable (PostgreSQL restarting,
// refusing connections, a connection cut mid-query) answers 503, try again shortly; the disk full (SQLite's
// SQLITE_FULL, ENOSPC writing a media file, PostgreSQL's disk_full) answers 507. Either way the transaction
// was rolled back, so the write did not happen. Anything else stays an internal error.
export interface StorageFault {
  status: 503 | 507;
  message: string;
}

export const DATABASE_UNAVAILABLE = 'the database is unavailable (restarting or unreachable); nothing was saved, try again in a few seconds';
export const DISK_FULL = 'no space left on the server\'s disk (disk full); nothing was saved, free some space and try again';

// SQLSTATE: class 08 connection exceptions; 57P01-03 shutting down, crashed, starting up; 53300 too many connections.
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[123]|53300)$/;
const NET_DOWN = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
// node-pg's own words when a connection ends under it, or cannot be had in time.
const PG_CONNECTION_LOST = /^(Connection terminated|Client has encountered a connection error|Client was closed and is not queryable|timeout exceeded when trying to connect)/;
const SQLITE_FULL = 13;
const SQLITE_IOERR_SHMSIZE = 4874; // extending the -shm file failed: ENOSPC there

interface ErrorShape {
  code?: unknown;
  errcode?: unknown;
  message?: unknown;
  cause?: unknown;
}

function faultOf(e: ErrorShape): StorageFault | null {
  const code = typeof e.code === 'string' ? e.code : '';
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === '53100') return { status: 507, message: DISK_FULL };
  if (typeof e.errcode === 'number' && ((e.errcode & 0xff) === SQLITE_FULL || e.errcode === SQLITE_IOERR_SHMSIZE)) return { status: 507, message: DISK_FULL };
  if (UNAVAILABLE_SQLSTATE.test(code) || NET_DOWN.has(code)) return { status: 503, message: DATABASE_UNAVAILABLE };
  if (typeof e.message === 'string' && PG_CONNECTION_LOST.test(e.message)) return { status: 503, message: DATABASE_UNAVAILABLE };
  return null;
}

/** The storage fault behind `err` (itself or a cause a few levels down), or null. */
export function storageFault(err: unknown): StorageFault | null {
  let e: unknown = err;
  for (let depth = 0; depth < 4 && e && typeof e === 'object'; depth++) {
    const fault = faultOf(e as ErrorShape);
    if (fault) return fault;
    e = (e as ErrorShape).cause;
  }
  return null;
}
