/**
 * The consent pages: plain server-rendered HTML, no script, every control labelled, so the demo
 * can be walked with a keyboard or a screen reader and driven by tests with a form POST.
 */

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export type ConsentPage = {
  platformName: string;
  heading: string;
  intro: string;
  legend: string;
  inputType: 'checkbox' | 'radio';
  options: { value: string; label: string; hint?: string }[];
  hidden: Record<string, string | undefined>;
  /** Form action, relative to the page's own URL. */
  action: string;
  error?: string;
};

const STYLE = `body{font-family:system-ui,sans-serif;margin:0;background:#f0f2f5;color:#1c1e21}
main{max-width:32rem;margin:3rem auto;background:#fff;border-radius:8px;padding:2rem;box-shadow:0 1px 3px #0003}
fieldset{border:1px solid #ccd0d5;border-radius:6px;margin:1.5rem 0;padding:1rem}
.option{display:flex;gap:.5rem;align-items:flex-start;margin:.5rem 0}
.hint{display:block;color:#606770;font-size:.875rem}
.actions{display:flex;gap:1rem}
button{font:inherit;padding:.5rem 1.25rem;border-radius:6px;border:1px solid #ccd0d5;background:#fff;cursor:pointer}
button[value=allow]{background:#1b74e4;border-color:#1b74e4;color:#fff}
button:focus-visible,input:focus-visible{outline:3px solid #1b74e4;outline-offset:2px}
[role=alert]{background:#ffebe9;border:1px solid #d1242f;border-radius:6px;padding:.75rem}
.sandbox{font-size:.875rem;color:#606770}`;

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

export function renderConsentPage(p: ConsentPage): string {
  const options = p.options
    .map((o, i) => {
      const id = `account-${i}`;
      const checked = p.inputType === 'checkbox' || i === 0 ? ' checked' : '';
      const hintId = o.hint ? `${id}-hint` : '';
      return `<div class="option"><input type="${p.inputType}" id="${id}" name="account" value="${escapeHtml(o.value)}"${checked}${hintId ? ` aria-describedby="${hintId}"` : ''}>
<label for="${id}">${escapeHtml(o.label)}${o.hint ? `<span class="hint" id="${hintId}">${escapeHtml(o.hint)}</span>` : ''}</label></div>`;
    })
    .join('\n');
  const hidden = Object.entries(p.hidden)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v ?? '')}">`)
    .join('\n');
  const error = p.error ? `<p role="alert">${escapeHtml(p.error)}</p>` : '';
  return layout(
    `${p.heading} | ${p.platformName}`,
    `<p class="sandbox">${escapeHtml(p.platformName)} sandbox: stands in for the real consent screen.</p>
<h1>${escapeHtml(p.heading)}</h1>
<p>${escapeHtml(p.intro)}</p>
${error}
<form method="post" action="${escapeHtml(p.action)}">
<fieldset>
<legend>${escapeHtml(p.legend)}</legend>
${options}
</fieldset>
${hidden}
<div class="actions">
<button type="submit" name="decision" value="allow">Allow</button>
<button type="submit" name="decision" value="cancel">Cancel</button>
</div>
</form>`,
  );
}

export function renderErrorPage(platformName: string, heading: string, message: string): string {
  return layout(
    `${heading} | ${platformName}`,
    `<h1>${escapeHtml(heading)}</h1>
<p role="alert">${escapeHtml(message)}</p>`,
  );
}

/** Appends query parameters to the client's redirect_uri, keeping its own. */
export function redirectWith(redirectUri: string, params: Record<string, string | undefined>): string {
  const url = new URL(redirectUri);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v);
  return url.toString();
}

export function isHttpUrl(value: string | undefined): value is string {
  if (!value) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
