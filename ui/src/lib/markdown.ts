// Session notes are Markdown. Raw HTML is shown as text, images are dropped (nothing remote
// ever loads), links keep only http(s)/mailto targets, and the result goes through DOMPurify.
import { Marked, type Tokens } from 'marked';
import DOMPurify from 'dompurify';

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const SAFE_URL = /^(?:https?:|mailto:)/i;

const marked = new Marked({
  gfm: true,
  breaks: true,
  async: false,
  renderer: {
    html(token: Tokens.HTML | Tokens.Tag) {
      return escapeHtml(token.text);
    },
    image(token: Tokens.Image) {
      // Never load images: show the alt text instead.
      return escapeHtml(token.text);
    },
    link(token: Tokens.Link) {
      const text = this.parser.parseInline(token.tokens);
      const href = token.href.trim();
      if (!SAFE_URL.test(href)) return text;
      // The title names the real address on hover, whatever the link's text says.
      const safe = escapeHtml(href);
      return `<a href="${safe}" title="${safe}" rel="noopener noreferrer nofollow">${text}</a>`;
    },
    checkbox({ checked }: Tokens.Checkbox) {
      return checked ? '☑ ' : '☐ ';
    },
  },
});

/** The sanitiser's settings (exported for tests). */
export const PURIFY = {
  ALLOWED_TAGS: [
    'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'em', 'del', 's', 'code',
    'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
  ],
  ALLOWED_ATTR: ['href', 'title', 'rel', 'start', 'align'],
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
  // DOMPurify applies ALLOWED_URI_REGEXP to every attribute not on this list, which dropped
  // rel="noopener …", <ol start> and cell align. None of them is a URL; href stays checked.
  ADD_URI_SAFE_ATTR: ['rel', 'start', 'align'],
  ALLOW_DATA_ATTR: false,
};

/** Markdown to sanitized HTML, safe for {@html}. */
export function renderMarkdown(src: string): string {
  const html = marked.parse(src ?? '') as string;
  return DOMPurify.sanitize(html, PURIFY) as string;
}
