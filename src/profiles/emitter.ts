// A minimal event emitter with the shape of `vscode.Event`, so the profile store can run in
// plain Node for unit tests and still be subscribed to like any VS Code event.

export interface Disposable {
  dispose(): void;
}

export type Listener<T> = (event: T) => unknown;

export class Emitter<T> {
  private listeners = new Set<Listener<T>>();

  /** `onListenerError` receives what a listener throws; the other listeners still run. */
  constructor(private readonly onListenerError: (error: unknown) => void = () => undefined) {}

  /** Subscribes a listener; disposing the result unsubscribes it. */
  readonly event = (listener: Listener<T>): Disposable => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };

  fire(event: T): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }

  dispose(): void {
    this.listeners.clear();
  }
}
