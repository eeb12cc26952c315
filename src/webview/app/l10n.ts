// Translations for the compare page. The extension puts `vscode.l10n.bundle` (undefined for
// English) in the page state, and `t` looks a message up in it as `vscode.l10n.t` does, so one
// translation file serves the extension and the page. Placeholders are `{0}`, `{1}`, ….

type Argument = string | number;

let bundle: Readonly<Record<string, string>> | undefined;

export function setL10nBundle(next: Readonly<Record<string, string>> | undefined): void {
  bundle = next;
}

/** Translates `message` and fills its placeholders with `args`. */
export function t(message: string, ...args: Argument[]): string {
  return fill(message, args).join('');
}

/** Translates `message` and fills its placeholders with text or DOM nodes, such as an isolated name. */
export function tNodes<T>(message: string, ...args: Array<Argument | T>): Array<string | T> {
  return fill(message, args);
}

function fill<T>(message: string, args: Array<Argument | T>): Array<string | T> {
  const template = bundle?.[message] ?? message;
  const parts: Array<string | T> = [];
  let last = 0;
  for (const match of template.matchAll(/\{(\d+)\}/g)) {
    const index = Number(match[1]);
    parts.push(template.slice(last, match.index));
    const value = args[index];
    if (value === undefined) {
      parts.push(match[0]);
    } else if (typeof value === 'number') {
      parts.push(String(value));
    } else {
      parts.push(value);
    }
    last = (match.index ?? 0) + match[0].length;
  }
  parts.push(template.slice(last));
  return parts.filter((part) => part !== '');
}
