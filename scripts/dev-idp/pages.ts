/**
 * The development provider's screens: plain HTML, no scripts, every one carrying the banner that
 * says this is not a real eID. Text contrast is at least 4.5:1 (WCAG 2.1 AA).
 */
import type { DemoAccount } from "./accounts";

export const BANNER = "Development sign-in — not a real eID. For testing only.";

const TEXT = {
  loginTitle: "Choose a demo account",
  loginIntro: (client: string) => `${client} asks you to sign in. Pick the demo person you want to be; no password is needed.`,
  citizens: "Citizens",
  staff: "Regulator and operator",
  other: "Other cases",
  signInAs: "Sign in as",
  cancel: "Cancel and go back",
  cancelHint: "Returns to the portal without signing in.",
  errorTitle: "Sign-in could not continue",
  logoutTitle: "Sign out of the development provider?",
  logoutYes: "Yes, sign me out",
  logoutNo: "No, stay signed in",
  loggedOutTitle: "You are signed out",
  loggedOutBody: "You have signed out of the development sign-in.",
} as const;

export function escapeHtml(value: unknown): string {
  return String(value)
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

const STYLE = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Liberation Sans",Arial,sans-serif;line-height:1.5;color:#14232b;background:#f2f7f7}
.banner{margin:0;padding:.9rem 1rem;background:#7c2d12;color:#fff;font-weight:700;font-size:1.1rem;text-align:center;border-bottom:4px solid #fbbf24}
main{max-width:40rem;margin:0 auto;padding:1.5rem 1rem 3rem}
h1{font-size:1.75rem;line-height:1.25;margin:.5rem 0 .75rem;color:#0b5761}
h2{font-size:1.15rem;margin:1.75rem 0 .5rem}
p{margin:.5rem 0}
ul{list-style:none;margin:0;padding:0}
li{margin:.5rem 0}
button{font:inherit;cursor:pointer}
.account{display:block;width:100%;min-height:2.75rem;padding:.75rem 1rem;text-align:left;background:#fff;color:#14232b;border:2px solid #0b5761;border-radius:.5rem}
.account:hover{background:#e3f0f1}
.account strong{display:block;color:#0b5761;font-size:1.05rem}
.account span{display:block;color:#44545c}
.secondary{min-height:2.75rem;padding:.5rem 1.25rem;background:#fff;color:#0b5761;border:2px solid #0b5761;border-radius:.5rem;font-weight:600}
.primary{min-height:2.75rem;padding:.5rem 1.25rem;background:#0b5761;color:#fff;border:2px solid #0b5761;border-radius:.5rem;font-weight:600}
.hint{color:#44545c}
:focus-visible{outline:3px solid #b45309;outline-offset:3px}
pre{white-space:pre-wrap;word-break:break-word;background:#fff;padding:.75rem;border:1px solid #c9d8da;border-radius:.5rem}
`;

/** One page: lang, title, the banner (in a header landmark) and a main landmark. */
export function layout(title: string, main: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} — Donum development sign-in</title>
<style>${STYLE}</style>
</head>
<body>
<header><p class="banner" role="note">${escapeHtml(BANNER)}</p></header>
<main>
${main}
</main>
</body>
</html>`;
}

function accountButton(account: DemoAccount): string {
  return `<li><button type="submit" name="account" value="${escapeHtml(account.key)}" class="account">
<strong>${TEXT.signInAs} ${escapeHtml(account.name)}</strong>
<span>${escapeHtml(account.description)}</span>
</button></li>`;
}

/** The login screen: one form, one button per demo account, and a cancel form. */
export function loginPage(opts: { uid: string; clientName: string; accounts: readonly DemoAccount[] }): string {
  const uid = encodeURIComponent(opts.uid);
  const group = (heading: string, id: string, accounts: readonly DemoAccount[]) =>
    accounts.length === 0
      ? ""
      : `<section aria-labelledby="${id}"><h2 id="${id}">${heading}</h2><ul>${accounts.map(accountButton).join("\n")}</ul></section>`;
  const citizens = opts.accounts.filter((a) => a.kind === "citizen");
  const staff = opts.accounts.filter((a) => a.kind === "regulator" || a.kind === "operator");
  const other = opts.accounts.filter((a) => a.kind === "incomplete");
  return layout(
    TEXT.loginTitle,
    `<h1>${TEXT.loginTitle}</h1>
<p>${escapeHtml(TEXT.loginIntro(opts.clientName))}</p>
<form method="post" action="/interaction/${uid}/login" aria-label="${TEXT.loginTitle}">
${group(TEXT.citizens, "citizens", citizens)}
${group(TEXT.staff, "staff", staff)}
${group(TEXT.other, "other", other)}
</form>
<form method="post" action="/interaction/${uid}/abort" aria-describedby="cancel-hint">
<p id="cancel-hint" class="hint">${TEXT.cancelHint}</p>
<button type="submit" class="secondary">${TEXT.cancel}</button>
</form>`,
  );
}

export function errorPage(out: Record<string, unknown>): string {
  const rows = Object.entries(out)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `<p><strong>${escapeHtml(k)}</strong>: ${escapeHtml(v)}</p>`)
    .join("\n");
  return layout(TEXT.errorTitle, `<h1>${TEXT.errorTitle}</h1>\n<div role="alert">${rows}</div>`);
}

/** `form` is oidc-provider's hidden logout form (id "op.logoutForm"), which the buttons submit. */
export function logoutPage(form: string): string {
  return layout(
    TEXT.logoutTitle,
    `<h1>${TEXT.logoutTitle}</h1>
${form}
<p><button autofocus type="submit" form="op.logoutForm" value="yes" name="logout" class="primary">${TEXT.logoutYes}</button></p>
<p><button type="submit" form="op.logoutForm" class="secondary">${TEXT.logoutNo}</button></p>`,
  );
}

export function loggedOutPage(): string {
  return layout(TEXT.loggedOutTitle, `<h1>${TEXT.loggedOutTitle}</h1>\n<p>${TEXT.loggedOutBody}</p>`);
}
