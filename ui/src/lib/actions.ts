// Small DOM actions. Styles are set through the CSSOM, which the app's CSP allows.
import { tick } from 'svelte';

/** Focus this element when it mounts (after the frame settles). */
export function focusOnMount(node: HTMLElement, enabled: boolean = true) {
  if (enabled) void tick().then(() => node.focus());
}

/** Place a row at `y` pixels with a transform. */
export function translateY(node: HTMLElement, y: number) {
  node.style.transform = `translateY(${y}px)`;
  return {
    update(next: number) {
      node.style.transform = `translateY(${next}px)`;
    },
  };
}

/** Set an element's height in pixels. */
export function heightPx(node: HTMLElement, h: number) {
  node.style.height = `${h}px`;
  return {
    update(next: number) {
      node.style.height = `${next}px`;
    },
  };
}

/**
 * Links inside sanitized Markdown never navigate. A click (Enter on a link is a click) or a
 * middle click is cancelled and the link handed to `onopen`, so the page can say where it goes.
 * Other buttons' clicks are only cancelled: the right button's menu is contextMenu.ts's.
 */
export function inertLinks(node: HTMLElement, onopen?: (link: HTMLAnchorElement) => void) {
  let current = onopen;
  const linkOf = (e: Event) => {
    const a = e.target instanceof Element ? e.target.closest('a') : null;
    return a && node.contains(a) ? a : null;
  };
  const onClick = (e: MouseEvent) => {
    const a = linkOf(e);
    if (!a) return;
    e.preventDefault();
    if (e.type === 'click' || e.button === 1) current?.(a);
  };
  node.addEventListener('click', onClick);
  node.addEventListener('auxclick', onClick);
  return {
    update(next?: (link: HTMLAnchorElement) => void) {
      current = next;
    },
    destroy() {
      node.removeEventListener('click', onClick);
      node.removeEventListener('auxclick', onClick);
    },
  };
}

/** Listen for keydown on a container (forms that save with Ctrl+Enter). */
export function onKeydown(node: HTMLElement, handler: (e: KeyboardEvent) => void) {
  let current = handler;
  const listener = (e: KeyboardEvent) => current(e);
  node.addEventListener('keydown', listener);
  return {
    update(next: (e: KeyboardEvent) => void) {
      current = next;
    },
    destroy: () => node.removeEventListener('keydown', listener),
  };
}

/**
 * Focus the input for a field the engine named (its boundary name, e.g. `sleepHours`). Inputs
 * say which fields they hold with `data-field` (space-separated when one input holds two). For a
 * group (a 0–10 scale, a checklist) the chosen option, else its first control, takes the focus.
 * Returns whether something was focused.
 */
export function focusField(root: ParentNode, field: string | null | undefined): boolean {
  if (!field || !/^[A-Za-z]+$/.test(field)) return false;
  const el = root.querySelector<HTMLElement>(`[data-field~="${field}"]`);
  if (!el) return false;
  const target = el.matches('input, select, textarea, button')
    ? el
    : (el.querySelector<HTMLElement>('input:checked') ??
      el.querySelector<HTMLElement>('input, select, textarea, button'));
  if (!target) return false;
  target.focus();
  return document.activeElement === target;
}
