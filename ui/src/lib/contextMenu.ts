// The page's context menu is Keel's own or none. WebKit's built-in one offers "Open Link",
// "Back", "Reload" and the like, none of which belong in a journal; only editable text keeps
// it, for Cut, Copy and Paste, and never on a link.

/** Input types that hold typed text (a missing or unknown type is text too). */
const TEXT_INPUTS = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number']);

/** Whether a context menu opened on `target` may be the built-in one. */
export function allowsNativeMenu(target: EventTarget | null): boolean {
  const el = target instanceof Element ? target : target instanceof Node ? target.parentElement : null;
  if (!el || el.closest('a')) return false;
  if (el instanceof HTMLTextAreaElement) return true;
  if (el instanceof HTMLInputElement) return TEXT_INPUTS.has(el.type);
  // The nearest contenteditable decides: "false" turns editing off inside an editable region.
  const host = el.closest('[contenteditable]');
  return host !== null && host.getAttribute('contenteditable')?.toLowerCase() !== 'false';
}

/** Cancel the built-in menu wherever it is not allowed; returns a function that stops this.
 * Listens in the capture phase, so a handler that stops the event cannot let the menu through. */
export function installContextMenuGuard(doc: Document = document): () => void {
  const onContextMenu = (e: Event) => {
    if (!allowsNativeMenu(e.target)) e.preventDefault();
  };
  doc.addEventListener('contextmenu', onContextMenu, { capture: true });
  return () => doc.removeEventListener('contextmenu', onContextMenu, { capture: true });
}
