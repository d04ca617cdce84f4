// The language chosen before (src/web/i18n), applied before the first paint so English never flashes right-to-left.
// A file of its own, not inline: the Content-Security-Policy (src/http/app.ts) allows no inline script.
try {
  if (localStorage.getItem('salesgym.locale') === 'en') Object.assign(document.documentElement, { lang: 'en', dir: 'ltr' });
} catch (e) {}
