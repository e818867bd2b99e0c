/**
 * The portal's pages as plain server-rendered HTML (docs/portal.md): no script at all, so the
 * panel's content-security policy holds and a page works in any browser. Every value from the
 * database or the workflow goes through `text()`.
 */

export function text(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const STYLE = `body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#1c1c28;line-height:1.45}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ddd;padding-bottom:.25rem}
form{margin:.75rem 0;padding:.75rem;border:1px solid #e2e2ea;border-radius:6px;background:#fafafc}
label{display:block;margin:.4rem 0}input[type=text],input[type=url],input[type=number],textarea,select{width:100%;box-sizing:border-box;padding:.35rem}
button{padding:.4rem 1rem;margin-top:.5rem}.notice{background:#e8f6ec;border:1px solid #9ccfa9;padding:.5rem}.error{background:#fdecec;border:1px solid #e59a9a;padding:.5rem}
.muted{color:#666}code{word-break:break-all}`;

/** The stylesheet is served from the portal itself (style-src 'self'), not inlined. */
export const PORTAL_STYLESHEET = STYLE;

export function page(title: string, body: string, stylesheet: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="referrer" content="no-referrer"><title>${text(title)}</title><link rel="stylesheet" href="${text(stylesheet)}"></head><body>${body}</body></html>`;
}

/** What a wrong, expired or withdrawn link shows: no booking, no name, no reason beyond the kind. */
export function refusalPage(status: number, stylesheet: string): string {
  const message =
    status === 410
      ? 'This link has expired or was withdrawn. Ask your contact at the agency for a new one.'
      : status === 429
        ? 'Too many requests. Please wait a minute and try again.'
        : 'This link is not valid.';
  return page('CreatorOps', `<h1>CreatorOps</h1><p>${text(message)}</p>`, stylesheet);
}

export interface FormOptions {
  action: string;
  csrf: string;
  requestId: string;
  multipart?: boolean;
  submit: string;
}

/** A form that carries the CSRF token bound to the link session and an id that makes a resubmission the same decision. */
export function form(options: FormOptions, fields: string): string {
  const encoding = options.multipart ? ' enctype="multipart/form-data"' : '';
  return `<form method="post" action="${text(options.action)}"${encoding}><input type="hidden" name="csrf" value="${text(options.csrf)}"><input type="hidden" name="requestId" value="${text(options.requestId)}">${fields}<button type="submit">${text(options.submit)}</button></form>`;
}

export function list(items: readonly string[] | undefined): string {
  if (!items?.length) return '';
  return `<ul>${items.map((item) => `<li>${text(item)}</li>`).join('')}</ul>`;
}
