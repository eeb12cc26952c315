// Small DOM builders for the compare page. Every piece of data goes in as a Text node or an
// attribute value set through `setAttribute`, never as markup, because contact names and
// metadata are chosen by end users and may contain HTML.

export interface ElementOptions {
  className?: string;
  /** Attribute names are fixed in code; values may come from data. */
  attributes?: Record<string, string>;
}

/** Creates an element with the given classes, attributes and children; strings become Text nodes. */
export function createElement<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: ElementOptions = {},
  children: ReadonlyArray<Node | string> = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (options.className) {
    node.className = options.className;
  }
  for (const [name, value] of Object.entries(options.attributes ?? {})) {
    node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
}

/** Wraps user-chosen text so its direction (for example a right-to-left name) does not reorder what surrounds it. */
export function isolate(text: string): HTMLElement {
  return createElement('bdi', {}, [text]);
}
