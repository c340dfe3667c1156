/*
 * nendo — completions for the search box (GET /api/suggest), as an ARIA 1.2 combobox with a
 * listbox. A <datalist> cannot do this: browsers show only the options that contain the typed
 * text, so ぼう never showed its completion 防災. Keys: ↓/↑ move, Enter picks, Escape closes;
 * a click picks. The focus stays in the box; the active option is aria-activedescendant.
 * While an IME composes, nothing is fetched: the word is asked for once composition ends.
 */
(() => {
  'use strict';

  const N = window.nendo;
  const { h, API, fetchJson } = N;
  const DELAY_MS = 150;

  let input;
  let list;
  let items = [];      // [{ value, text }] of the options shown
  let active = -1;     // index of the option aria-activedescendant points at
  let timer = null;
  let abort = null;

  /** The box's text split into the words before the last one and the last one (being typed). */
  function lastWord() {
    const words = input.value.split(/[\s\u3000]+/);
    return { head: words.slice(0, -1).join(' '), last: words[words.length - 1] || '' };
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(fetchSuggestions, DELAY_MS);
  }

  async function fetchSuggestions() {
    const typed = input.value;
    const { head, last } = lastWord();
    if (abort) abort.abort();
    if (!last || last.length > 50) { close(); return; }
    abort = new AbortController();
    try {
      const data = await fetchJson(`${API}/suggest?q=${encodeURIComponent(last)}`, abort.signal);
      // Typing went on meanwhile, or the box lost focus: these completions are for another word.
      if (input.value !== typed || document.activeElement !== input) return;
      const found = Array.isArray(data.suggestions) ? data.suggestions : [];
      show(found.filter((s) => s && N.hasValue(s.text)).map((s) => ({
        value: head ? `${head} ${s.text}` : String(s.text),
        text: String(s.text),
        reading: N.hasValue(s.reading) ? String(s.reading) : '',
      })));
    } catch (e) {
      // Suggestions are a convenience: a failure must not disturb typing or show an error.
    }
  }

  function show(found) {
    items = found;
    active = -1;
    list.replaceChildren(...items.map((s, i) => h('li', {
      id: `suggestion-${i}`, role: 'option', class: 'suggestion', 'aria-selected': 'false', 'data-value': s.value,
    }, s.text, s.reading && s.reading !== s.text
      ? h('span', { class: 'suggestion-reading', 'aria-hidden': 'true' }, s.reading) : null)));
    const open = items.length > 0;
    list.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
    input.removeAttribute('aria-activedescendant');
    // A screen reader hears that completions appeared and how to reach them; the list itself is silent.
    if (open) N.announce(`入力候補 ${items.length} 件（↓ で選べます）`);
  }

  function close() {
    clearTimeout(timer);
    if (abort) abort.abort();
    show([]);
  }

  function isOpen() {
    return !list.hidden && items.length > 0;
  }

  function setActive(i) {
    active = i;
    list.querySelectorAll('[role="option"]').forEach((li, k) => li.setAttribute('aria-selected', String(k === i)));
    if (i < 0) {
      input.removeAttribute('aria-activedescendant');
      return;
    }
    const li = document.getElementById(`suggestion-${i}`);
    input.setAttribute('aria-activedescendant', li.id);
    li.scrollIntoView({ block: 'nearest' });
  }

  function pick(i) {
    input.value = items[i].value;
    close();
    input.focus();
  }

  function onKeyDown(e) {
    // Keys that confirm or cancel an IME conversion belong to the IME.
    if (e.isComposing || e.keyCode === 229) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!isOpen()) {
        if (e.key === 'ArrowDown' && lastWord().last) { e.preventDefault(); fetchSuggestions(); }
        return;
      }
      e.preventDefault();
      const n = items.length;
      setActive(e.key === 'ArrowDown' ? (active + 1) % n : (active <= 0 ? n - 1 : active - 1));
    } else if (e.key === 'Enter' && isOpen() && active >= 0) {
      e.preventDefault(); // picks the word; a second Enter searches
      pick(active);
    } else if (e.key === 'Escape' && isOpen()) {
      e.preventDefault();
      close();
    }
  }

  function onInput(e) {
    if (e.isComposing) return; // compositionend asks once the word is converted
    schedule();
  }

  function init() {
    input = document.getElementById('q');
    list = document.getElementById('suggestions');
    if (!input || !list) return;
    input.addEventListener('input', onInput);
    input.addEventListener('compositionend', schedule);
    input.addEventListener('keydown', onKeyDown);
    input.addEventListener('blur', close);
    input.form.addEventListener('submit', close);
    // mousedown would move the focus out of the box (and close the list) before the click.
    list.addEventListener('mousedown', (e) => e.preventDefault());
    list.addEventListener('click', (e) => {
      const li = e.target instanceof Element ? e.target.closest('[role="option"]') : null;
      if (li) pick(Number(li.id.replace('suggestion-', '')));
    });
  }

  if (document.readyState === 'complete') init();
  else document.addEventListener('DOMContentLoaded', init);
})();
