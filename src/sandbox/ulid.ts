// ULIDs (https://github.com/ulid/spec): 26 Crockford base32 characters, a 48-bit
// millisecond timestamp followed by 80 random bits. Sinch contact and app IDs are ULIDs.

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const TIME_LENGTH = 10;
const RANDOM_LENGTH = 16;

/** The first character is at most 7 because the timestamp has 48 bits. */
const ULID_PATTERN = /^[0-7][0-9A-HJKMNP-TV-Z]{25}$/i;

export function isUlid(value: string): boolean {
  return ULID_PATTERN.test(value);
}

function encodeTime(milliseconds: number): string {
  let remaining = milliseconds;
  let text = '';
  for (let i = 0; i < TIME_LENGTH; i++) {
    text = CROCKFORD[remaining % 32] + text;
    remaining = Math.floor(remaining / 32);
  }
  return text;
}

/** Adds one to a base32 string; the 80 random bits never all carry over in practice. */
function incrementBase32(text: string): string {
  const digits = text.split('');
  for (let i = digits.length - 1; i >= 0; i--) {
    const value = CROCKFORD.indexOf(digits[i]);
    if (value < 31) {
      digits[i] = CROCKFORD[value + 1];
      return digits.join('');
    }
    digits[i] = CROCKFORD[0];
  }
  throw new Error('ULID random part overflowed within one millisecond; wait for the clock to advance.');
}

/**
 * Generates strictly increasing ULIDs: the time part never goes back, and within one
 * millisecond the random part counts up. So sorting IDs gives creation order.
 */
export class UlidFactory {
  private lastTime = -1;
  private lastRandom = '';

  /** `random` returns floats in [0, 1); `clock` returns milliseconds since the epoch. */
  constructor(
    private readonly random: () => number,
    private readonly clock: () => number = Date.now,
  ) {}

  next(): string {
    const time = Math.max(this.clock(), this.lastTime);

    if (time === this.lastTime) {
      this.lastRandom = incrementBase32(this.lastRandom);
    } else {
      this.lastTime = time;
      this.lastRandom = '';
      for (let i = 0; i < RANDOM_LENGTH; i++) {
        this.lastRandom += CROCKFORD[Math.floor(this.random() * 32)];
      }
    }

    return encodeTime(time) + this.lastRandom;
  }
}
