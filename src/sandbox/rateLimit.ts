// Per-project rate limit. The Conversation API allows 800 requests per second per project;
// how it counts is not published, so the sandbox uses a token bucket.

/**
 * A token bucket whose capacity equals the limit and which refills continuously at the
 * limit per second. A full bucket therefore lets one second's worth of requests through
 * at once, then one request per 1/limit seconds.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly requestsPerSecond: number,
    now = Date.now(),
  ) {
    this.tokens = requestsPerSecond;
    this.updatedAt = now;
  }

  /** Takes one token and returns true, or returns false when the bucket is empty. */
  tryTake(now = Date.now()): boolean {
    const elapsedSeconds = Math.max(0, now - this.updatedAt) / 1000;
    this.tokens = Math.min(this.requestsPerSecond, this.tokens + elapsedSeconds * this.requestsPerSecond);
    this.updatedAt = now;

    if (this.tokens < 1) {
      return false;
    }
    this.tokens -= 1;
    return true;
  }
}

/** One bucket per project ID, all with the same limit. */
export class ProjectRateLimiter {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(private requestsPerSecond: number) {}

  get limit(): number {
    return this.requestsPerSecond;
  }

  /** Changes the limit and refills every bucket. */
  setLimit(requestsPerSecond: number): void {
    this.requestsPerSecond = requestsPerSecond;
    this.buckets.clear();
  }

  tryTake(projectId: string): boolean {
    let bucket = this.buckets.get(projectId);
    if (!bucket) {
      bucket = new TokenBucket(this.requestsPerSecond);
      this.buckets.set(projectId, bucket);
    }
    return bucket.tryTake();
  }
}
