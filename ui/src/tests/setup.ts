import '@testing-library/jest-dom/vitest';

// jsdom has <dialog> (hidden unless [open]) but not showModal/close: these do what a browser
// does with `open` and the close event, for every test with a DOM.
if (typeof HTMLDialogElement !== 'undefined') {
  const dialog = HTMLDialogElement.prototype as Partial<HTMLDialogElement>;
  dialog.showModal ??= function (this: HTMLDialogElement) {
    this.open = true;
  };
  dialog.close ??= function (this: HTMLDialogElement) {
    if (!this.open) return;
    this.open = false;
    this.dispatchEvent(new Event('close'));
  };
}
