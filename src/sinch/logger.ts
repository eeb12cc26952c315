// The logging interface the client writes to. The extension adapts its LogOutputChannel
// to it; tests record the lines. Every line passes through a redactor first, so a secret
// that slipped into a server message or an exception never reaches the log.

export interface Logger {
  trace(message: string): void;
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export const silentLogger: Logger = {
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

const REDACTED = '[redacted]';

/** Secret values the client knows about (key secret, Basic credentials, access tokens). */
export class Redactor {
  private readonly secrets = new Set<string>();

  add(secret: string | undefined): void {
    // Very short values would blank out ordinary words, and no real secret is that short.
    if (secret !== undefined && secret.length >= 4) {
      this.secrets.add(secret);
    }
  }

  redact(text: string): string {
    let result = text;
    for (const secret of this.secrets) {
      result = result.split(secret).join(REDACTED);
    }
    return result;
  }
}

/** Wraps a logger so that every line is redacted before it is written. */
export function redactingLogger(logger: Logger, redactor: Redactor): Logger {
  return {
    trace: (message) => logger.trace(redactor.redact(message)),
    debug: (message) => logger.debug(redactor.redact(message)),
    info: (message) => logger.info(redactor.redact(message)),
    warn: (message) => logger.warn(redactor.redact(message)),
    error: (message) => logger.error(redactor.redact(message)),
  };
}
