// The one script every page ships: applies the saved or system theme before first paint (so the
// wrong theme never flashes) and wires the toggle. Inlined in <head>; kept as a string here so the
// Content-Security-Policy can hash exactly what is inlined.
export const THEME_STORAGE_KEY = 'substation-theme';

export const themeScript = `(() => {
  const key = '${THEME_STORAGE_KEY}';
  const root = document.documentElement;
  const media = matchMedia('(prefers-color-scheme: dark)');
  const saved = () => { try { return localStorage.getItem(key); } catch { return null; } };
  const sync = () => {
    for (const b of document.querySelectorAll('[data-theme-toggle]')) b.setAttribute('aria-pressed', String(root.dataset.theme === 'dark'));
  };
  const apply = (theme) => { root.dataset.theme = theme; sync(); };
  apply(saved() === 'dark' || saved() === 'light' ? saved() : media.matches ? 'dark' : 'light');
  media.addEventListener('change', (e) => { if (!saved()) apply(e.matches ? 'dark' : 'light'); });
  document.addEventListener('DOMContentLoaded', sync);
  document.addEventListener('click', (e) => {
    if (!(e.target instanceof Element) || !e.target.closest('[data-theme-toggle]')) return;
    const next = root.dataset.theme === 'dark' ? 'light' : 'dark';
    try { localStorage.setItem(key, next); } catch {}
    apply(next);
  });
})();`;
