/*
 * nendo — shared pieces of the analysis views (年度比較, 年度間の差分, 特徴語, 職員数・予算):
 * cached look-ups for the selects (団体・年度・部), the view shell (heading, form, results),
 * form fields and the URL of a view. Each view lives in its own file and registers itself in
 * `nendo.views`; app.js reads `?view=<name>` and calls its render(params, signal, current, opts).
 */
(() => {
  'use strict';

  const N = window.nendo;
  const { h, API, fetchJson, hasValue, yearLabel } = N;

  // ------------------------------------------------------------------ look-ups (cached per page)

  const cache = new Map();

  /** One request per path for the life of the page; a failure is forgotten so that it can be retried. */
  function cached(path) {
    if (!cache.has(path)) {
      cache.set(path, fetchJson(path).catch((err) => {
        cache.delete(path);
        throw err;
      }));
    }
    return cache.get(path);
  }

  /** Organizations with the fiscal years of their documents: real data first, then by name. */
  async function organizations() {
    const data = await cached(`${API}/documents`);
    const byName = new Map();
    for (const d of Array.isArray(data.documents) ? data.documents : []) {
      if (!hasValue(d.org)) continue;
      const name = String(d.org);
      if (!byName.has(name)) byName.set(name, { name, years: new Set(), sample: true });
      const o = byName.get(name);
      if (Number.isInteger(Number(d.year))) o.years.add(Number(d.year));
      o.sample = o.sample && !!d.sample;
    }
    // Organizations of JSON Lines records: their years, or their span when the archive holds too
    // many organizations for /api/documents to list every year.
    for (const r of Array.isArray(data.records) ? data.records : []) {
      if (!hasValue(r.org)) continue;
      const name = String(r.org);
      if (!byName.has(name)) byName.set(name, { name, years: new Set(), sample: false });
      const o = byName.get(name);
      o.sample = false;
      const listed = Array.isArray(r.years) ? r.years.map((y) => Number(y.year)) : [];
      if (!listed.length) for (let y = Number(r.fromYear); y <= Number(r.toYear); y++) listed.push(y);
      for (const y of listed) if (Number.isInteger(y)) o.years.add(y);
    }
    return [...byName.values()]
      .map((o) => ({ name: o.name, sample: o.sample, years: [...o.years].sort((a, b) => a - b) }))
      .sort((a, b) => Number(a.sample) - Number(b.sample) || a.name.localeCompare(b.name, 'ja'));
  }

  /** The organization with the most years (the one a year-over-year view has most to show for). */
  function richestOrganization(orgs) {
    return orgs.reduce((best, o) => (!best || o.years.length > best.years.length ? o : best), null);
  }

  /** Every fiscal year in the archive, ascending. */
  async function allYears() {
    const data = await cached(`${API}/years`);
    return (Array.isArray(data.years) ? data.years : [])
      .map((y) => Number(y.year)).filter(Number.isInteger).sort((a, b) => a - b);
  }

  /** Fiscal years of one organization, or of the whole archive when org is empty. */
  async function yearsOf(org) {
    if (!org) return allYears();
    const found = (await organizations()).find((o) => o.name === org);
    return found ? found.years : [];
  }

  /**
   * Departments (current names) of an organization, or of the archive, with their former names.
   * None when they cannot be had (an unknown organization in a shared URL, the server out of
   * reach): the department is optional, and the organization and year selects must still be
   * filled so that the form can lead to a valid request; the view's own request reports the error.
   */
  async function departments(org) {
    try {
      const data = await cached(`${API}/departments${org ? `?org=${encodeURIComponent(org)}` : ''}`);
      return Array.isArray(data.departments) ? data.departments : [];
    } catch (err) {
      if (err && err.name === 'AbortError') throw err;
      return [];
    }
  }

  // ------------------------------------------------------------------ labels

  /** "2020（R2）": the short form used on chart axes and table columns. */
  function shortYear(year) {
    const y = Number(year);
    if (!Number.isInteger(y)) return String(year);
    if (y >= 2019) return `${y}（R${y - 2018}）`;
    if (y >= 1989) return `${y}（H${y - 1988}）`;
    return String(y);
  }

  function en(text) {
    return h('span', { class: 'en', lang: 'en' }, text);
  }

  function percent(share, digits = 1) {
    const n = Number(share);
    return Number.isFinite(n) ? `${(n * 100).toFixed(digits)}%` : '';
  }

  /** "政策企画部（旧 企画部）": a department option or row with the names it had before. */
  function deptWithFormerNames(name, names) {
    const former = (Array.isArray(names) ? names : [])
      .map((n) => (n && typeof n === 'object' ? n.name : n))
      .filter((n) => hasValue(n) && n !== name);
    return former.length ? `${name}（旧 ${[...new Set(former)].join('・')}）` : String(name);
  }

  // ------------------------------------------------------------------ URL of a view

  /** Query string of a view: `view=<name>` then the non-empty params in the given order. */
  function viewQuery(name, params) {
    const p = new URLSearchParams({ view: name });
    for (const [k, v] of Object.entries(params)) {
      if (hasValue(v)) p.set(k, String(v).trim());
    }
    return p.toString();
  }

  /** The same params as an API query string (no `view`). */
  function apiQuery(params) {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) {
      if (hasValue(v)) p.set(k, String(v).trim());
    }
    return p.toString();
  }

  function param(params, name) {
    return (params.get(name) || '').trim();
  }

  // ------------------------------------------------------------------ form fields

  function select(id, name) {
    return h('select', { id, name });
  }

  /**
   * Replaces a select's options; keeps `value` selected, adding it as an option when the list
   * does not have it (a shared URL may name a former department name or a year outside the list).
   */
  function setOptions(sel, options, value) {
    const v = value == null ? '' : String(value);
    const list = options.slice();
    // A year is labelled as the list labels years (2024（令和6年度）), not left bare.
    if (v && !list.some((o) => o.value === v)) list.push({ value: v, text: /^\d{4}$/.test(v) ? yearLabel(v) : v });
    sel.replaceChildren(...list.map((o) => {
      const opt = h('option', { value: o.value }, o.text);
      if (o.value === v) opt.selected = true;
      return opt;
    }));
    sel.value = list.some((o) => o.value === v) ? v : (list[0] ? list[0].value : '');
  }

  function yearOptions(years, emptyText) {
    const opts = years.map((y) => ({ value: String(y), text: yearLabel(y) }));
    return emptyText == null ? opts : [{ value: '', text: emptyText }, ...opts];
  }

  function orgOptions(orgs, emptyText) {
    const opts = orgs.map((o) => ({ value: o.name, text: o.sample ? `${o.name}（サンプル）` : o.name }));
    return emptyText == null ? opts : [{ value: '', text: emptyText }, ...opts];
  }

  function deptOptions(depts, emptyText = 'すべての部') {
    return [{ value: '', text: emptyText },
      ...depts.filter((d) => hasValue(d.name)).map((d) => ({ value: String(d.name), text: deptWithFormerNames(d.name, d.names) }))];
  }

  function field(control, label, enLabel, cls = '') {
    return h('div', { class: `field ${cls}`.trim() },
      h('label', { for: control.id }, label, enLabel ? en(enLabel) : null),
      control);
  }

  /**
   * Two selects under one legend (年度の範囲: から / まで). Each select's name also says what it
   * chooses (年度（から）): a screen reader reading a select alone would hear only から. The name
   * holds the visible word, so speaking that word still finds the select.
   */
  function rangeField(legend, enLabel, from, fromLabel, to, toLabel, what = '年度') {
    const label = (sel, word) => {
      sel.setAttribute('aria-label', `${what}（${word}）`);
      return h('label', { for: sel.id, class: 'range-word' }, word);
    };
    return h('fieldset', { class: 'field field-range' },
      h('legend', null, legend, en(enLabel)),
      h('div', { class: 'range-row' }, from, label(from, fromLabel), to, label(to, toLabel)));
  }

  /**
   * Builds a view's heading, lead, form and results area once; later renders reuse them so that
   * a re-render keeps the form (and focus) in place. onSubmit gets the form's params in order.
   */
  function shell(name, { title, enTitle, lead, fields, submitText = '表示', onSubmit }) {
    const root = document.getElementById(`view-${name}`);
    if (root.nendoShell) return root.nendoShell;
    const form = h('form', { class: 'analysis-form', id: `${name}-form`, 'aria-labelledby': `${name}-heading` },
      ...fields,
      h('div', { class: 'field field-submit' }, h('button', { type: 'submit', class: 'analysis-submit' }, submitText)));
    const results = h('div', { class: 'analysis-results', id: `${name}-results` });
    root.replaceChildren(
      h('h2', { id: `${name}-heading`, class: 'view-heading', tabindex: '-1' }, title, en(enTitle)),
      h('p', { class: 'lead' }, lead),
      form,
      results);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const params = {};
      for (const el of form.elements) {
        if (el.name && !el.disabled && (el.type !== 'radio' || el.checked)) params[el.name] = el.value;
      }
      onSubmit(params);
    });
    root.nendoShell = { root, form, results };
    return root.nendoShell;
  }

  /** Puts the results in place, destroying the charts of the previous ones. */
  function showResults(results, ...nodes) {
    if (N.charts) N.charts.destroyIn(results);
    results.removeAttribute('aria-busy');
    results.replaceChildren(...nodes.flat(Infinity).filter((n) => n != null && n !== false));
  }

  /** Results of an earlier request stay until the new ones come (kept if this request fails). */
  function showLoading(results) {
    results.setAttribute('aria-busy', 'true');
    for (const old of results.querySelectorAll(':scope > .analysis-status')) old.remove();
    results.prepend(h('div', { class: 'analysis-status' }, N.loadingNode()));
  }

  /**
   * Says why nothing new is shown. Only a request the server refused can be helped by other
   * conditions; when the server is out of reach or failed, trying later is the advice. Results
   * shown before stay below, marked as such.
   */
  function failed(results, err) {
    const status = err && Number.isInteger(err.status) ? err.status : -1;
    const text = status === 0
      ? '結果を表示できませんでした。サーバーに接続できません。時間をおいてもう一度お試しいただくか、ネットワーク接続をご確認ください。'
      : status >= 400 && status < 500
        ? '結果を表示できませんでした。条件を変えてもう一度お試しください。'
        : '結果を表示できませんでした。時間をおいてもう一度お試しください。';
    for (const old of results.querySelectorAll(':scope > .analysis-status')) old.remove();
    results.removeAttribute('aria-busy');
    const earlier = results.querySelector(':scope > .analysis-summary') != null;
    const note = h('div', { class: 'analysis-status' },
      h('p', { class: 'muted analysis-failed' }, text),
      earlier ? h('p', { class: 'muted analysis-earlier' }, '以下は前に表示した結果です（いまの条件の結果ではありません）。') : null);
    if (earlier) results.prepend(note);
    else showResults(results, note);
  }

  /** 「CSVでダウンロード」「JSONでダウンロード」 of an analysis endpoint with the same params. */
  function downloads(path, params) {
    return h('p', { class: 'downloads' }, N.downloadLinks(`${API}${path}`, apiQuery(params)));
  }

  /**
   * How the server read the query (notices) and which synonyms it added (expansions); an
   * expansion the notices already mention (「DX」は … も検索しました) is not repeated.
   */
  function notices(list, expansions) {
    const texts = (Array.isArray(list) ? list : []).filter(hasValue).map(String);
    const items = texts.map((n) => h('li', null, n));
    for (const x of Array.isArray(expansions) ? expansions : []) {
      if (!x || !hasValue(x.word) || !Array.isArray(x.alternatives) || !x.alternatives.length) continue;
      if (texts.some((t) => t.includes(`「${x.word}」`))) continue;
      items.push(h('li', { class: 'expansion' },
        `「${x.word}」は ${x.alternatives.map((a) => `「${a}」`).join('')} も含めて数えています。`));
    }
    return items.length ? h('ul', { class: 'notices' }, items) : null;
  }

  /** A table in a scrolling box with a caption (tables are the accessible form of the charts). */
  function tableBox(table, label) {
    return h('div', { class: 'table-scroll', role: 'region', 'aria-label': label, tabindex: '0' }, table);
  }

  N.analysis = {
    organizations, richestOrganization, allYears, yearsOf, departments,
    shortYear, en, percent, deptWithFormerNames,
    viewQuery, apiQuery, param,
    select, setOptions, yearOptions, orgOptions, deptOptions, field, rangeField, shell,
    showResults, showLoading, failed, downloads, notices, tableBox,
  };
})();
