// Client-wide limits shared by every call of one client: at most `maxConcurrent` requests
// in flight, and at most `maxPerSecond` request starts in any sliding window of one second.
// Requests over either limit wait in FIFO order and are not rejected, unless their caller aborts.
import { cancelledError } from './errors';

const WINDOW_MS = 1000;

interface Waiter {
  grant: (release: () => void) => void;
  reject: (error: unknown) => void;
}

export class RequestLimiter {
  private active = 0;
  private readonly queue: Waiter[] = [];
  /** Start times within the last window, oldest first. */
  private readonly starts: number[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly maxConcurrent: number,
    private readonly maxPerSecond: number,
    private readonly now: () => number = Date.now,
  ) {}

  get inFlight(): number {
    return this.active;
  }

  get waiting(): number {
    return this.queue.length;
  }

  /**
   * Waits for a free slot and resolves with the function that frees it; calls after the
   * first do nothing. An abort while waiting rejects with a `cancelled` error.
   */
  acquire(operation: string, signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) {
      return Promise.reject(cancelledError(operation));
    }

    return new Promise((resolve, reject) => {
      const onAbort = (): void => {
        const index = this.queue.indexOf(waiter);
        if (index >= 0) {
          this.queue.splice(index, 1);
          reject(cancelledError(operation));
        }
      };

      const waiter: Waiter = {
        grant: (release) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(release);
        },
        reject,
      };

      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(waiter);
      this.pump();
    });
  }

  private pump(): void {
    while (this.queue.length > 0 && this.active < this.maxConcurrent) {
      const waitMs = this.rateWaitMs();
      if (waitMs > 0) {
        this.scheduleWake(waitMs);
        return;
      }

      const waiter = this.queue.shift() as Waiter;
      this.active += 1;
      this.starts.push(this.now());
      waiter.grant(this.releaseOnce());
    }
  }

  /** Milliseconds until one more start fits in the window; 0 when it fits now. */
  private rateWaitMs(): number {
    const now = this.now();
    while (this.starts.length > 0 && this.starts[0] <= now - WINDOW_MS) {
      this.starts.shift();
    }

    if (this.starts.length < this.maxPerSecond) {
      return 0;
    }
    return this.starts[0] + WINDOW_MS - now;
  }

  private scheduleWake(waitMs: number): void {
    if (this.timer !== undefined) {
      return;
    }

    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.pump();
    }, waitMs);
  }

  private releaseOnce(): () => void {
    let released = false;
    return () => {
      if (released) {
        return;
      }
      released = true;
      this.active -= 1;
      this.pump();
    };
  }
}
