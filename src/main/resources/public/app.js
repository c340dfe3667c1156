/*
 * nendo — 各部の運営方針と目標 アーカイブ
 * Single-page UI (vanilla JS, ES2020, no dependencies).
 *
 * URL state (shareable):
 *   /                                  start view (documents and records by organization; start.js)
 *   /?q=防災&year=2019&dept=総務部&org=三鷹市&page=2&sort=year_desc   search / browse
 *        (year, dept, org are repeatable; year_from, year_to, size are passed through)
 *        (kind=measure|mission narrows to one kind of entry, shown as a removable chip)
 *   /?measure=<id>                     measure view
 *   /?doc=<id>                         document view
 *   /?view=compare|diff|terms|figures&…  analysis views, registered by compare.js, diff.js, terms.js
 *                                      and figures.js in `nendo.views` (see analysis.js)
 *
 * Security: only `hit.snippet` (already HTML-escaped by the server, matches in <mark>)
 * is inserted with innerHTML. Everything else goes through textContent / text nodes.
 *
 * The helpers below are shared with the other scripts through `window.nendo` (see the end).
 */
(() => {
  'use strict';

  const API = '/api';
  const DEFAULT_SIZE = 20;
  const FACET_LIMIT = 12;
  const SORTS = ['relevance', 'year_desc', 'year_asc'];
  const SITE_TITLE = 'nendo — 各部の運営方針と目標 アーカイブ';
  const FACETS = [
    { key: 'year', param: 'year', container: 'facet-year', label: '年度' },
    { key: 'department', param: 'dept', container: 'facet-department', label: '部' },
    { key: 'org', param: 'org', container: 'facet-org', label: '団体' },
  ];
  const KIND_LABELS = {
    measure: '主要事業',
    mission: '部の使命・目標',
    intro: '前文',
    contact: '問い合わせ先',
    department: '部',
  };

  const els = {};
  /** Views other scripts register: name → { render(params, signal, current, opts), fail?() }. */
  const views = {};
  const expandedFacets = new Set();
  const numberFormat = new Intl.NumberFormat('ja-JP');

  let seq = 0;              // render generation; stale responses are dropped
  let inflight = null;      // AbortController of the current request
  let renderedSearch = null; // location.search of the last render (to ignore hash-only popstate)
  let lastSearchQs = null;  // last successful search, for "検索結果に戻る"
  let lastFacets = null;    // { st, facets, fromQuery } of the last facet render (for 「すべて表示」)

  // ------------------------------------------------------------------ helpers

  /** Create an element. Strings/numbers among children become text nodes (never HTML). */
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    if (attrs) {
      for (const [k, v] of Object.entries(attrs)) {
        if (v == null || v === false) continue;
        if (k === 'class') el.className = v;
        else if (k === 'text') el.textContent = String(v);
        else el.setAttribute(k, v === true ? '' : String(v));
      }
    }
    for (const c of children.flat(Infinity)) {
      if (c == null || c === false || c === '') continue;
      el.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return el;
  }

  function fmtNum(n) {
    if (typeof n === 'number' && Number.isFinite(n)) return numberFormat.format(n);
    if (typeof n === 'string' && /^-?\d+(\.\d+)?$/.test(n.trim())) return numberFormat.format(Number(n));
    return n == null ? '' : String(n);
  }

  function hasValue(v) {
    return v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === '');
  }

  /** Japanese era name of a fiscal year: 2019 → 令和元年度, 2018 → 平成30年度. */
  function wareki(year) {
    const y = Number(year);
    if (!Number.isInteger(y)) return '';
    let era;
    let n;
    if (y >= 2019) { era = '令和'; n = y - 2018; }
    else if (y >= 1989) { era = '平成'; n = y - 1988; }
    else if (y >= 1926) { era = '昭和'; n = y - 1925; }
    else return '';
    return `${era}${n === 1 ? '元' : n}年度`;
  }

  /** "2019（令和元年度）" — uses the server's era when given, else computes it. */
  function yearLabel(year, era) {
    if (!hasValue(year)) return hasValue(era) ? String(era) : '';
    const e = hasValue(era) ? String(era) : wareki(year);
    if (e) return `${year}（${e}）`;
    // A value that is no year (year=abc from a hand-edited URL) is shown as it is, not as 「abc年度」.
    return /^\d{4}$/.test(String(year)) ? `${year}年度` : String(year);
  }

  function sampleBadge() {
    return h('span', {
      class: 'badge badge-sample',
      title: 'サンプルデータ（動作確認用）',
    }, 'サンプル');
  }

  function kindTag(kind) {
    if (!hasValue(kind) || kind === 'measure') return null;
    return h('span', { class: 'tag tag-kind' }, KIND_LABELS[kind] || String(kind));
  }

  function positiveInt(s) {
    if (s == null || !/^\d+$/.test(String(s).trim())) return 0;
    const n = parseInt(s, 10);
    return n > 0 ? n : 0;
  }

  function isHttpUrl(s) {
    try {
      const u = new URL(String(s));
      return u.protocol === 'http:' || u.protocol === 'https:';
    } catch (_) {
      return false;
    }
  }

  // ------------------------------------------------------------------ URL state

  function readState(search = location.search) {
    const p = new URLSearchParams(search);
    const measure = (p.get('measure') || '').trim();
    if (measure) return { view: 'measure', id: measure };
    const doc = (p.get('doc') || '').trim();
    if (doc) return { view: 'doc', id: doc };
    const named = (p.get('view') || '').trim();
    if (Object.prototype.hasOwnProperty.call(views, named)) return { view: named, params: p };

    const list = (name) => [...new Set(p.getAll(name).map((s) => s.trim()).filter(Boolean))];
    const st = {
      q: (p.get('q') || '').trim(),
      year: list('year'),
      dept: list('dept'),
      org: list('org'),
      kind: list('kind'),
      yearFrom: (p.get('year_from') || '').trim(),
      yearTo: (p.get('year_to') || '').trim(),
      page: positiveInt(p.get('page')) || 1,
      size: positiveInt(p.get('size')),
      sort: (p.get('sort') || '').trim(),
    };
    st.view = st.q || hasFilters(st) ? 'search' : 'start';
    return st;
  }

  function emptySearch() {
    return { view: 'search', q: '', year: [], dept: [], org: [], kind: [], yearFrom: '', yearTo: '', page: 1, size: 0, sort: '' };
  }

  function hasFilters(st) {
    return st.year.length > 0 || st.dept.length > 0 || st.org.length > 0 || st.kind.length > 0
      || !!st.yearFrom || !!st.yearTo;
  }

  /** Query string of a search state. forApi: always send q, page, size. */
  function searchQuery(st, forApi = false) {
    const p = new URLSearchParams();
    if (st.q || forApi) p.set('q', st.q || '');
    st.year.forEach((v) => p.append('year', v));
    if (st.yearFrom) p.set('year_from', st.yearFrom);
    if (st.yearTo) p.set('year_to', st.yearTo);
    st.dept.forEach((v) => p.append('dept', v));
    st.org.forEach((v) => p.append('org', v));
    st.kind.forEach((v) => p.append('kind', v));
    if (forApi || st.page > 1) p.set('page', String(st.page || 1));
    if (forApi || st.size) p.set('size', String(st.size || DEFAULT_SIZE));
    if (st.sort && (forApi || st.sort !== 'relevance')) p.set('sort', st.sort);
    return p.toString();
  }

  function urlFor(qs) {
    return location.pathname + (qs ? `?${qs}` : '');
  }

  function measureHref(id) {
    return urlFor(new URLSearchParams({ measure: id }).toString());
  }

  function docHref(id) {
    return urlFor(new URLSearchParams({ doc: id }).toString());
  }

  function searchHref(partial) {
    return urlFor(searchQuery({ ...emptySearch(), ...partial }));
  }

  function navLink(href, text, attrs = {}) {
    return h('a', { href, 'data-nav': '', ...attrs }, text);
  }

  /**
   * Push (or replace) a new URL and render it.
   * opts.focus: 'heading' | 'summary' | 'none' | { facet, value }
   */
  function go(qs, opts = {}) {
    const url = urlFor(qs);
    const same = location.search === (qs ? `?${qs}` : '') && !location.hash;
    if (opts.replace || same) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
    if (opts.scroll) window.scrollTo(0, 0);
    render(opts);
  }

  // ------------------------------------------------------------------ fetching

  class ApiError extends Error {
    constructor(message, status) {
      super(message);
      this.name = 'ApiError';
      this.status = status;
    }
  }

  async function fetchJson(path, signal) {
    let res;
    let text;
    try {
      res = await fetch(path, { headers: { Accept: 'application/json' }, signal });
      text = await res.text();
    } catch (err) {
      if (err && err.name === 'AbortError') throw err;
      throw new ApiError('サーバーに接続できませんでした。ネットワーク接続を確認して、もう一度お試しください。', 0);
    }
    let body = null;
    if (text) {
      try { body = JSON.parse(text); } catch (_) { body = null; }
    }
    if (!res.ok) {
      const msg = body && typeof body.message === 'string' && body.message.trim()
        ? body.message
        : `サーバーでエラーが発生しました（HTTP ${res.status}）。`;
      throw new ApiError(msg, res.status);
    }
    if (body === null || typeof body !== 'object') {
      throw new ApiError('サーバーの応答を読み取れませんでした。', res.status);
    }
    return body;
  }

  // ------------------------------------------------------------------ error / status

  function showError(message) {
    els.error.textContent = message;
    els.error.hidden = false;
  }

  function hideError() {
    els.error.hidden = true;
    els.error.textContent = '';
  }

  function announce(text) {
    els.status.textContent = text;
  }

  // ------------------------------------------------------------------ render dispatch

  function showView(view) {
    for (const el of els.main.querySelectorAll(':scope > .view')) el.hidden = el.id !== `view-${view}`;
    document.body.dataset.view = view;
    // The header navigation marks the section the page is in (search covers start and search).
    const section = view === 'start' || view === 'search' ? 'search' : view;
    for (const a of document.querySelectorAll('#site-nav a[data-view]')) {
      if (a.dataset.view === section) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    }
  }

  function syncForm(st) {
    if (st.view === 'search' || st.view === 'start') {
      els.q.value = st.q || '';
      els.sort.value = SORTS.includes(st.sort) ? st.sort : 'relevance';
    }
  }

  function setBusy(busy) {
    els.main.setAttribute('aria-busy', busy ? 'true' : 'false');
    document.body.classList.toggle('is-loading', busy);
  }

  async function render(opts = {}) {
    const st = readState();
    renderedSearch = location.search;
    const token = ++seq;
    if (inflight) inflight.abort();
    inflight = new AbortController();
    const { signal } = inflight;
    const current = () => token === seq;

    hideError();
    syncForm(st);
    showView(st.view);
    setBusy(true);
    try {
      if (st.view === 'measure') await renderMeasure(st, signal, current);
      else if (st.view === 'doc') await renderDoc(st, signal, current);
      else if (st.view === 'search') await renderSearch(st, signal, current);
      else await views[st.view].render(st.params, signal, current, opts);
      if (current()) applyFocus(st, opts.focus);
    } catch (err) {
      if ((err && err.name === 'AbortError') || !current()) return;
      const message = err instanceof ApiError ? err.message : `予期しないエラーが発生しました：${err && err.message ? err.message : err}`;
      showError(message);
      renderFailure(st, err);
      if (!(err instanceof ApiError)) console.error(err); // eslint-disable-line no-console
    } finally {
      if (current()) setBusy(false);
    }
  }

  function applyFocus(st, focus) {
    if (!focus || focus === 'none') return;
    let target = null;
    if (typeof focus === 'object' && focus.facet) {
      target = [...document.querySelectorAll('#facets input[type="checkbox"]')]
        .find((i) => i.name === focus.facet && i.value === focus.value) || els.summary;
    } else if (st.view === 'search') {
      target = els.summary;
    } else {
      const view = document.getElementById(`view-${st.view}`);
      target = view && view.querySelector('.view-heading');
    }
    if (target) target.focus({ preventScroll: typeof focus === 'object' });
  }

  function renderFailure(st, err) {
    if (st.view === 'search') {
      els.summary.textContent = '検索できませんでした';
      els.summaryRange.textContent = '';
      els.results.replaceChildren();
      els.results.removeAttribute('aria-busy');
      els.pager.replaceChildren();
      els.pager.hidden = true;
      renderFacets(st, {});
      renderActiveFilters(st);
      document.title = `エラー - ${SITE_TITLE}`;
    } else if (st.view === 'start') {
      els.documentList.replaceChildren(h('p', { class: 'muted' }, '資料一覧を取得できませんでした。'));
    } else if (views[st.view]) {
      if (views[st.view].fail) views[st.view].fail(err);
      document.title = `エラー - ${SITE_TITLE}`;
    } else {
      const view = st.view === 'measure' ? els.viewMeasure : els.viewDoc;
      view.replaceChildren(
        h('h2', { class: 'view-heading', tabindex: '-1' },
          st.view === 'measure' ? '事業を表示できませんでした' : '資料を表示できませんでした'),
        h('p', null, navLink(urlFor(''), 'トップページへ戻る', { 'data-focus': 'heading' })),
      );
      document.title = `エラー - ${SITE_TITLE}`;
    }
  }

  function loadingNode() {
    return h('p', { class: 'loading' }, '読み込み中…');
  }

  // ------------------------------------------------------------------ search view

  async function renderSearch(st, signal, current) {
    // Clear the previous results at once so that stale hits are never mistaken for new ones.
    els.results.setAttribute('aria-busy', 'true');
    els.results.replaceChildren(loadingNode());
    els.summary.textContent = '検索中…';
    els.summaryRange.textContent = '';
    renderNotices([]);
    renderSearchDownloads(st, 0);
    els.pager.replaceChildren();
    els.pager.hidden = true;
    renderActiveFilters(st);

    const data = await fetchJson(`${API}/search?${searchQuery(st, true)}`, signal);
    if (!current()) return;

    lastSearchQs = location.search.replace(/^\?/, '');
    const total = Number(data.total) || 0;
    const size = Number(data.size) || st.size || DEFAULT_SIZE;
    const page = Number(data.page) || st.page;
    const hits = Array.isArray(data.hits) ? data.hits : [];
    const query = typeof data.query === 'string' && data.query.trim() ? data.query : st.q;

    // summary
    let summary = query ? `「${query}」の検索結果 ${fmtNum(total)}件` : `条件に一致する項目 ${fmtNum(total)}件`;
    if (typeof data.tookMs === 'number') summary += ` (${fmtNum(data.tookMs)} ms)`;
    els.summary.textContent = summary;
    const first = (page - 1) * size + 1;
    els.summaryRange.textContent = hits.length
      ? `${fmtNum(first)}〜${fmtNum(first + hits.length - 1)}件目を表示`
      : '';
    document.title = `${query ? `「${query}」` : '一覧'} - ${SITE_TITLE}`;
    renderNotices(Array.isArray(data.notices) ? data.notices : []);
    renderSearchDownloads(st, total);
    const fromQuery = filtersFromQuery(st, data);
    renderActiveFilters(st, fromQuery);

    // hits
    els.results.removeAttribute('aria-busy');
    if (hits.length) {
      els.results.replaceChildren(h('ol', { class: 'hit-list', start: String(first) }, hits.map(renderHit)));
    } else {
      els.results.replaceChildren(renderNoHits(st, total, page, Array.isArray(data.alternatives) ? data.alternatives : [],
        facetsFound(data.facets || {}), fromQuery));
    }

    renderFacets(st, data.facets || {}, fromQuery);
    renderPager(st, total, page, size);
    announce(summary);
  }

  /** How the server read the query (years taken as filters, repaired syntax): plain text only. */
  function renderNotices(notices) {
    const list = document.getElementById('notices');
    if (!list) return;
    list.replaceChildren(...notices.map((n) => h('li', null, String(n))));
    list.hidden = notices.length === 0;
  }

  /** Links to every hit of this search (not just the page) as CSV or JSON. */
  function renderSearchDownloads(st, total) {
    const box = document.getElementById('search-downloads');
    if (!box) return;
    box.hidden = total === 0;
    box.replaceChildren();
    if (total === 0) return;
    const qs = searchQuery({ ...st, page: 1, size: 0 }, false);
    box.append(...downloadLinks(`${API}/search`, qs, `検索結果 ${fmtNum(total)}件をすべてダウンロード：`));
  }

  /** 「CSVでダウンロード」「JSONでダウンロード」 for an API path and its query string. */
  function downloadLinks(path, qs, label = 'ダウンロード：') {
    const href = (format) => `${path}?${qs ? `${qs}&` : ''}format=${format}`;
    return [
      h('span', { class: 'downloads-label' }, label),
      h('a', { href: href('csv'), class: 'download-link download-csv', download: '' }, 'CSVでダウンロード'),
      h('a', { href: href('json'), class: 'download-link download-json', download: '' }, 'JSONでダウンロード'),
    ];
  }

  /** "企画部（現 政策企画部）" when the department was renamed later, else just the name used that year. */
  function deptLabel(name, canonical) {
    if (!hasValue(name)) return '';
    return hasValue(canonical) && canonical !== name ? `${name}（現 ${canonical}）` : String(name);
  }

  /** The first 20 characters of a text, on one line, with … when cut. */
  function textStart(text) {
    const chars = [...String(text).replace(/\s+/g, ' ').trim()];
    return chars.length > 20 ? `${chars.slice(0, 20).join('')}…` : chars.join('');
  }

  function renderHit(hit) {
    const snippet = h('p', { class: 'snippet' });
    if (typeof hit.snippet === 'string' && hit.snippet) {
      snippet.innerHTML = hit.snippet; // server-escaped, matches wrapped in <mark>
    } else {
      snippet.textContent = hasValue(hit.text) ? String(hit.text) : '';
    }
    const where = [hit.org, hit.department].filter(hasValue).join(' ');
    return h('li', { class: 'hit', 'data-id': hit.id },
      h('p', { class: 'hit-meta' },
        h('span', { class: 'hit-year' }, yearLabel(hit.year, hit.era)),
        hasValue(hit.org) ? h('span', { class: 'hit-org' }, hit.org) : null,
        hasValue(hit.department)
          ? h('span', { class: 'hit-dept', title: hasValue(hit.departmentCanonical) ? `正式名: ${hit.departmentCanonical}` : null },
            deptLabel(hit.department, hit.departmentCanonical))
          : null,
        kindTag(hit.kind),
        hit.sample ? sampleBadge() : null),
      snippet,
      h('p', { class: 'hit-links' },
        navLink(measureHref(hit.id), 'この事業を表示', {
          class: 'hit-measure-link',
          // Hits of one department and year differ only by their text: its start names the link.
          'aria-label': `この事業を表示：${textStart(hasValue(hit.text) ? hit.text : snippet.textContent)}`
            + `（${[where, yearLabel(hit.year, hit.era)].filter(Boolean).join(' ')}）`,
        }),
        hasValue(hit.documentId)
          ? navLink(docHref(hit.documentId),
            ['資料：', hasValue(hit.documentTitle) ? hit.documentTitle : hit.documentId],
            { class: 'hit-doc-link' })
          : null));
  }

  /** Whether a facet lists values: the words match entries that a filter excludes. */
  function facetsFound(facets) {
    return FACETS.some((f) => Array.isArray(facets[f.key]) && facets[f.key].length > 0);
  }

  function renderNoHits(st, total, page, alternatives = [], outsideFilters = false, fromQuery = null) {
    if (total > 0 && page > 1) {
      return h('div', { class: 'no-hits' },
        h('p', null, 'このページには結果がありません。'),
        h('p', null, navLink(urlFor(searchQuery({ ...st, page: 1 })), '最初のページへ', { 'data-focus': 'summary' })));
    }
    const tips = [h('li', null, '別の言葉や、より短いキーワードでお試しください（例：「防災訓練」→「防災」）。')];
    // Years and names taken from the query (令和7年度 防災) filter as ticked ones do.
    const fromWords = Boolean(fromQuery && fromQuery.q === st.q && fromQuery.any);
    const filtered = hasFilters(st) || fromWords;
    if (filtered) {
      tips.push(h('li', null,
        navLink(urlFor(searchQuery({ ...emptySearch(), q: fromWords ? fromQuery.rest : st.q, sort: st.sort })),
          '絞り込み条件を解除して検索', { 'data-focus': 'summary' })));
    }
    const nodes = [h('p', null, '該当する項目は見つかりませんでした。')];
    if (outsideFilters && filtered) {
      // The counts are the answer here: show them even where the filters start closed (phones).
      els.facetsToggle.open = true;
      nodes.push(h('p', { class: 'outside-filters' },
        'この言葉は、いまの絞り込みの外にはあります（「絞り込み」の年度・部・団体の件数をご覧ください）。'));
    }
    if (alternatives.length) {
      nodes.push(h('p', { class: 'alternatives' }, 'もしかして：',
        ...alternatives.map((word) => navLink(urlFor(searchQuery({ ...st, q: String(word), page: 1 })), String(word),
          { class: 'alternative-link', 'data-focus': 'summary' }))));
    }
    nodes.push(h('ul', null, tips));
    return h('div', { class: 'no-hits' }, ...nodes);
  }

  /**
   * Years, organizations and departments the server took out of the query text (R3 コロナ, 三鷹市
   * 防災): they filter like ticked values, so the page shows them ticked. rest is the query without
   * them; with them as year=, org= and dept= parameters it is the same search, which is how one of
   * them is taken off (see withoutValue).
   */
  function filtersFromQuery(st, data) {
    const list = (v) => (Array.isArray(v) ? v : []).map(String);
    const years = list(data.queryYears).filter((y) => /^\d{4}$/.test(y) && !st.year.includes(y));
    const org = list(data.queryOrgs).filter((o) => o && !st.org.includes(o));
    const dept = list(data.queryDepartments).filter((d) => d && !st.dept.includes(d));
    const rest = typeof data.queryWithoutYears === 'string' ? data.queryWithoutYears : st.q;
    // Everything the words named, ticked too or not: taking a value off must take it out of the words.
    const named = { year: list(data.queryYears), org: list(data.queryOrgs), dept: list(data.queryDepartments) };
    const any = named.year.length + named.org.length + named.dept.length > 0;
    return { q: st.q, year: years, org, dept, named, rest, any };
  }

  /**
   * The search without this value of a facet (year, org or dept), whether ticked, named in the
   * query, or both (三鷹市 防災 with 三鷹市 ticked: one click takes it off both).
   */
  function withoutValue(st, fromQuery, param, value) {
    if (!fromQuery || fromQuery.q !== st.q || !fromQuery.named[param].includes(value)) {
      return { ...st, [param]: st[param].filter((x) => x !== value) };
    }
    const next = { ...st, q: fromQuery.rest };
    for (const p of ['year', 'org', 'dept']) next[p] = [...new Set([...st[p], ...fromQuery.named[p]])];
    next[param] = next[param].filter((x) => x !== value);
    return next;
  }

  function renderActiveFilters(st, fromQuery = null) {
    const chips = [];
    const chip = (label, value, next) => h('li', null,
      navLink(urlFor(searchQuery({ ...next, page: 1 })),
        [h('span', { class: 'chip-label' }, `${label}：`), value, h('span', { class: 'chip-x', 'aria-hidden': 'true' }, ' ×'),
          h('span', { class: 'visually-hidden' }, ' を解除')],
        { class: 'chip', 'data-focus': 'summary' }));
    for (const f of FACETS) {
      for (const v of st[f.param]) {
        const text = f.param === 'year' ? yearLabel(v) : v;
        chips.push(chip(f.label, text, withoutValue(st, fromQuery, f.param, v)));
      }
    }
    for (const f of FACETS) {
      for (const v of fromQuery ? fromQuery[f.param] : []) {
        chips.push(chip(`${f.label}（検索語から）`, f.param === 'year' ? yearLabel(v) : v, withoutValue(st, fromQuery, f.param, v)));
      }
    }
    if (st.yearFrom) chips.push(chip('年度（から）', st.yearFrom, { ...st, yearFrom: '' }));
    if (st.yearTo) chips.push(chip('年度（まで）', st.yearTo, { ...st, yearTo: '' }));
    for (const v of st.kind) {
      chips.push(chip('種類', KIND_LABELS[v] || v, { ...st, kind: st.kind.filter((x) => x !== v) }));
    }
    if (!chips.length) {
      els.activeFilters.hidden = true;
      els.activeFilters.replaceChildren();
      return;
    }
    const clearAll = { ...emptySearch(), q: fromQuery && fromQuery.any ? fromQuery.rest : st.q, sort: st.sort };
    els.activeFilters.replaceChildren(
      h('span', { class: 'active-filters-label' }, '絞り込み中：'),
      h('ul', { class: 'chip-list' }, chips),
      navLink(urlFor(searchQuery(clearAll)), 'すべて解除', { class: 'clear-filters', 'data-focus': 'summary' }));
    els.activeFilters.hidden = false;
  }

  function facetValueLabel(param, value) {
    return param === 'year' && /^\d{4}$/.test(value) ? yearLabel(value) : value;
  }

  function renderFacets(st, facets, fromQuery = null) {
    lastFacets = { st, facets, fromQuery };
    for (const f of FACETS) {
      const fs = document.getElementById(f.container);
      const legend = fs.querySelector('legend');
      const selected = new Set(st[f.param]);
      // Years and names taken from the query filter as ticked values do.
      if (fromQuery) fromQuery[f.param].forEach((v) => selected.add(v));
      const raw = Array.isArray(facets[f.key]) ? facets[f.key] : [];
      let values = raw
        .filter((v) => v && hasValue(v.value))
        .map((v) => ({ value: String(v.value), count: typeof v.count === 'number' ? v.count : null }));
      const present = new Set(values.map((v) => v.value));
      for (const s of selected) if (!present.has(s)) values.push({ value: s, count: null });
      if (f.key === 'year') {
        values = values.sort((a, b) => (Number(b.value) || 0) - (Number(a.value) || 0));
      }

      const children = [legend];
      if (!values.length) {
        children.push(h('p', { class: 'facet-empty muted' }, '該当なし'));
      } else {
        const expanded = expandedFacets.has(f.key);
        const shown = expanded || values.length <= FACET_LIMIT
          ? values
          : values.filter((v, i) => i < FACET_LIMIT || selected.has(v.value));
        const ul = h('ul', { class: 'facet-list' });
        shown.forEach((v, i) => {
          const id = `${f.container}-${i}`;
          const input = h('input', { type: 'checkbox', id, name: f.param, value: v.value });
          input.checked = selected.has(v.value);
          ul.append(h('li', { class: `facet-item${input.checked ? ' is-selected' : ''}` },
            input,
            h('label', { for: id },
              h('span', { class: 'facet-label' }, facetValueLabel(f.param, v.value)),
              v.count !== null
                ? h('span', { class: 'facet-count' }, fmtNum(v.count), h('span', { class: 'visually-hidden' }, '件'))
                : null)));
        });
        children.push(ul);
        // The server lists the 100 values with most hits; *Values says how many had hits in all.
        const all = Number(facets[`${f.key}Values`]) || 0;
        const cut = all > raw.length;
        if (values.length > FACET_LIMIT) {
          children.push(h('button', {
            type: 'button',
            class: 'facet-more',
            'data-facet-key': f.key,
            'aria-expanded': expanded ? 'true' : 'false',
          }, expanded ? '表示を減らす'
            : cut ? `上位${values.length}件を表示（全${fmtNum(all)}件）` : `すべて表示（${values.length}件）`));
        }
        if (cut && expanded) {
          children.push(h('p', { class: 'facet-note muted' },
            `全${fmtNum(all)}件のうち、該当の多い${fmtNum(raw.length)}件を表示しています。`,
            'ほかは検索語や絞り込みを足すと現れます。'));
        }
      }
      fs.replaceChildren(...children);
    }
  }

  function pageWindow(cur, last) {
    const set = new Set([1, last]);
    for (let p = cur - 2; p <= cur + 2; p++) if (p >= 1 && p <= last) set.add(p);
    const pages = [...set].sort((a, b) => a - b);
    const out = [];
    let prev = 0;
    for (const p of pages) {
      if (p - prev === 2) out.push(prev + 1);
      else if (p - prev > 2) out.push(null);
      out.push(p);
      prev = p;
    }
    return out;
  }

  function renderPager(st, total, page, size) {
    const last = Math.max(1, Math.ceil(total / size));
    els.pager.replaceChildren();
    if (last <= 1 && page <= 1) {
      els.pager.hidden = true;
      return;
    }
    const href = (p) => urlFor(searchQuery({ ...st, page: p }));
    const link = (p, text, cls, extra = {}) => navLink(href(p), text,
      { class: cls, 'data-page': String(p), 'data-focus': 'summary', ...extra });
    const ul = h('ul', { class: 'pager-list' });
    const prevPage = Math.min(page - 1, last);
    ul.append(h('li', null, page > 1
      ? link(prevPage, '‹ 前へ', 'pager-prev', { rel: 'prev' })
      : h('span', { class: 'pager-prev is-disabled', 'aria-disabled': 'true' }, '‹ 前へ')));
    for (const p of pageWindow(Math.min(page, last), last)) {
      if (p === null) {
        ul.append(h('li', { class: 'pager-gap', 'aria-hidden': 'true' }, '…'));
      } else if (p === page) {
        ul.append(h('li', null, h('span', { class: 'pager-page is-current', 'aria-current': 'page' }, String(p))));
      } else {
        ul.append(h('li', null, link(p, String(p), 'pager-page', { 'aria-label': `${p}ページ目` })));
      }
    }
    ul.append(h('li', null, page < last
      ? link(page + 1, '次へ ›', 'pager-next', { rel: 'next' })
      : h('span', { class: 'pager-next is-disabled', 'aria-disabled': 'true' }, '次へ ›')));
    els.pager.append(ul);
    els.pager.hidden = false;
  }

  // ------------------------------------------------------------------ measure view

  function backToSearch() {
    if (!lastSearchQs) return null;
    return navLink(urlFor(lastSearchQs), '‹ 検索結果に戻る', { class: 'back-link', 'data-focus': 'summary' });
  }

  function metaList(rows) {
    const dl = h('dl', { class: 'meta' });
    for (const [label, value] of rows) {
      if (value == null || value === '') continue;
      dl.append(h('div', { class: 'meta-row' }, h('dt', null, label), h('dd', null, value)));
    }
    return dl;
  }

  async function renderMeasure(st, signal, current) {
    els.viewMeasure.replaceChildren(loadingNode());
    const m = await fetchJson(`${API}/measures/${encodeURIComponent(st.id)}`, signal);
    if (!current()) return;

    const where = [m.org, m.department].filter(hasValue).join(' ');
    document.title = `${where || '事業'}（${yearLabel(m.year, m.era)}） - ${SITE_TITLE}`;
    const docLink = hasValue(m.documentId)
      ? navLink(docHref(m.documentId), hasValue(m.documentTitle) ? m.documentTitle : m.documentId, { class: 'measure-doc-link' })
      : (hasValue(m.documentTitle) ? m.documentTitle : null);

    const browse = [];
    if (hasValue(m.department)) {
      browse.push(navLink(searchHref({
        dept: [String(m.department)],
        org: hasValue(m.org) ? [String(m.org)] : [],
        year: hasValue(m.year) ? [String(m.year)] : [],
      }), '同じ部・年度の事業を一覧', { 'data-focus': 'summary' }));
      const followed = hasValue(m.departmentCanonical) ? m.departmentCanonical : m.department;
      browse.push(' ', navLink(searchHref({
        dept: [String(followed)],
        org: hasValue(m.org) ? [String(m.org)] : [],
      }), `${followed}の事業を全年度で一覧`, { class: 'follow-dept-link', 'data-focus': 'summary' }));
    }

    els.viewMeasure.replaceChildren(
      h('nav', { class: 'crumbs', 'aria-label': 'パンくずリスト' },
        backToSearch(),
        navLink(urlFor(''), 'トップ', { 'data-focus': 'heading' })),
      h('header', { class: 'detail-head' },
        h('p', { class: 'detail-kicker' }, KIND_LABELS[m.kind] || '主要事業', m.sample ? sampleBadge() : null),
        h('h2', { class: 'view-heading', tabindex: '-1' }, where || String(m.id)),
        h('p', { class: 'detail-year' }, yearLabel(m.year, m.era))),
      metaList([
        ['年度', yearLabel(m.year, m.era)],
        ['団体', hasValue(m.org) ? m.org : null],
        ['部', hasValue(m.department) ? deptLabel(m.department, m.departmentCanonical) : null],
        ['掲載資料', docLink],
        ['ID', h('code', null, m.id)],
      ]),
      h('div', { class: 'measure-text prose' }, hasValue(m.text) ? m.text : '（本文なし）'),
      h('p', { class: 'detail-actions' },
        hasValue(m.documentId)
          ? navLink(docHref(m.documentId), 'この事業が掲載された資料を表示', { class: 'button-link' })
          : null,
        browse));
    // Other years' measures like this one (related.js); fills itself in, failures stay local.
    if (nendo.renderRelated) await nendo.renderRelated(m, els.viewMeasure, signal, current);
  }

  // ------------------------------------------------------------------ document view

  async function renderDoc(st, signal, current) {
    els.viewDoc.replaceChildren(loadingNode());
    const d = await fetchJson(`${API}/documents/${encodeURIComponent(st.id)}`, signal);
    if (!current()) return;

    const docId = hasValue(d.id) ? String(d.id) : st.id;
    document.title = `${hasValue(d.title) ? d.title : docId}（${[d.org, yearLabel(d.year, d.era)].filter(hasValue).join(' ')}） - ${SITE_TITLE}`;
    const departments = Array.isArray(d.departments) ? d.departments : [];
    const originalHref = `${API}/documents/${encodeURIComponent(docId)}/original`;

    let source = null;
    if (hasValue(d.source)) {
      source = isHttpUrl(d.source)
        ? h('a', { href: String(d.source), rel: 'noopener noreferrer external' }, String(d.source))
        : String(d.source);
    }

    const nodes = [
      h('nav', { class: 'crumbs', 'aria-label': 'パンくずリスト' },
        backToSearch(),
        navLink(urlFor(''), 'トップ', { 'data-focus': 'heading' })),
      h('header', { class: 'detail-head' },
        h('p', { class: 'detail-kicker' },
          hasValue(d.series) ? `「${d.series}」` : '資料', d.sample ? sampleBadge() : null),
        h('h2', { class: 'view-heading', tabindex: '-1' }, hasValue(d.title) ? d.title : docId),
        h('p', { class: 'detail-year' }, [d.org, yearLabel(d.year, d.era)].filter(hasValue).join('　'))),
      metaList([
        ['団体', hasValue(d.org) ? d.org : null],
        ['年度', yearLabel(d.year, d.era)],
        ['シリーズ', hasValue(d.series)
          ? (hasValue(d.seriesCanonical) && d.seriesCanonical !== d.series ? `${d.series}（現 ${d.seriesCanonical}）` : d.series)
          : null],
        ['出典', source],
        ['ID', h('code', null, docId)],
      ]),
      h('p', { class: 'detail-actions' },
        h('a', { href: originalHref, class: 'button-link original-link', type: 'text/plain' }, '原文を表示'),
        navLink(searchHref({
          org: hasValue(d.org) ? [String(d.org)] : [],
          year: hasValue(d.year) ? [String(d.year)] : [],
        }), 'この資料の事業を検索・一覧', { 'data-focus': 'summary' })),
    ];

    if (hasValue(d.intro)) {
      nodes.push(h('section', { class: 'doc-intro' },
        h('h3', null, 'はじめに'),
        h('div', { class: 'prose' }, d.intro)));
    }
    if (hasValue(d.contact)) {
      nodes.push(h('section', { class: 'doc-contact' },
        h('h3', null, '問い合わせ先'),
        h('div', { class: 'prose' }, d.contact)));
    }

    if (departments.length) {
      nodes.push(h('nav', { class: 'toc', 'aria-labelledby': 'toc-heading' },
        h('h3', { id: 'toc-heading' }, '部の一覧', h('span', { class: 'en', lang: 'en' }, ' Departments')),
        h('ol', { class: 'toc-list' }, departments.map((dep, i) => h('li', null,
          h('a', { href: `#dept-${i + 1}` }, hasValue(dep.name) ? dep.name : `部 ${i + 1}`),
          h('span', { class: 'muted' }, ` ${fmtNum((dep.measures || []).length)}件`))))));
      departments.forEach((dep, i) => nodes.push(renderDepartment(dep, i)));
    } else {
      nodes.push(h('p', { class: 'muted' }, 'この資料には部ごとの情報が登録されていません。'));
    }

    els.viewDoc.replaceChildren(...nodes);

    if (location.hash) {
      const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
      if (target) target.scrollIntoView();
    }
  }

  function renderDepartment(dep, i) {
    const measures = Array.isArray(dep.measures) ? dep.measures : [];
    const resources = [];
    if (hasValue(dep.staff)) {
      resources.push(h('span', { class: 'dept-staff' }, `職員数 ${fmtNum(dep.staff)}人`));
    }
    if (hasValue(dep.budget)) {
      resources.push(h('span', { class: 'dept-budget' }, `予算 ${fmtNum(dep.budget)}千円`));
    }
    return h('section', { class: 'department', id: `dept-${i + 1}`, 'aria-labelledby': `dept-${i + 1}-name` },
      h('h3', { class: 'dept-name', id: `dept-${i + 1}-name` },
        hasValue(dep.name) ? deptLabel(dep.name, dep.canonical) : `部 ${i + 1}`),
      hasValue(dep.mission)
        ? h('div', { class: 'dept-mission' }, h('h4', null, '部の使命・目標'), h('div', { class: 'prose' }, dep.mission))
        : null,
      resources.length ? h('p', { class: 'dept-resources' }, resources) : null,
      measures.length
        ? h('ol', { class: 'measure-list' }, measures.map((m) => h('li', { class: 'measure-item', 'data-id': m.id },
          navLink(measureHref(m.id), hasValue(m.text) ? m.text : String(m.id), { class: 'measure-link' }))))
        : h('p', { class: 'muted' }, '主要事業の登録はありません。'));
  }

  // ------------------------------------------------------------------ events

  function onSubmit(e) {
    e.preventDefault();
    const cur = readState();
    const base = cur.view === 'search' ? cur : emptySearch();
    const sort = els.sort.value === 'relevance' ? '' : els.sort.value;
    const st = { ...base, q: els.q.value.trim(), page: 1, sort };
    if (!st.q && !hasFilters(st)) {
      go('', { focus: 'none' });
      return;
    }
    go(searchQuery(st), { focus: 'none', scroll: true });
  }

  function onSortChange() {
    const cur = readState();
    const sort = els.sort.value === 'relevance' ? '' : els.sort.value;
    if (cur.view === 'search') {
      go(searchQuery({ ...cur, page: 1, sort }), { focus: 'none' });
    } else if (els.q.value.trim()) {
      if (typeof els.form.requestSubmit === 'function') els.form.requestSubmit();
      else els.button.click();
    }
  }

  function onFacetChange(e) {
    const input = e.target;
    if (!(input instanceof HTMLInputElement) || input.type !== 'checkbox') return;
    const param = input.name;
    if (!['year', 'dept', 'org'].includes(param)) return;
    const cur = readState();
    const st = cur.view === 'search' ? cur : emptySearch();
    let next;
    if (input.checked) next = { ...st, [param]: [...st[param].filter((v) => v !== input.value), input.value] };
    else next = withoutValue(st, lastFacets && lastFacets.fromQuery, param, input.value);
    next.page = 1;
    if (!next.q && !hasFilters(next)) {
      go('', { focus: 'heading' });
      return;
    }
    go(searchQuery(next), { focus: { facet: param, value: input.value } });
  }

  function onFacetClick(e) {
    const btn = e.target instanceof Element ? e.target.closest('button.facet-more') : null;
    if (!btn) return;
    const key = btn.dataset.facetKey;
    if (expandedFacets.has(key)) expandedFacets.delete(key);
    else expandedFacets.add(key);
    if (lastFacets) renderFacets(lastFacets.st, lastFacets.facets, lastFacets.fromQuery);
    const again = document.querySelector(`#facets button.facet-more[data-facet-key="${key}"]`);
    if (again) again.focus();
  }

  function onDocumentClick(e) {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const a = e.target instanceof Element ? e.target.closest('a[data-nav]') : null;
    if (!a || (a.target && a.target !== '_self') || a.hasAttribute('download')) return;
    const url = new URL(a.href, location.href);
    if (url.origin !== location.origin) return;
    e.preventDefault();
    go(url.search.replace(/^\?/, ''), { focus: a.dataset.focus || 'heading', scroll: true });
  }

  /**
   * On a narrow screen the filters stand above the results: start them closed so that the results
   * come first (a tap on 絞り込み opens them); on a wide screen they are a column beside the results.
   */
  function fitFacetsToScreen() {
    const narrow = window.matchMedia('(max-width: 799.98px)');
    els.facetsToggle.open = !narrow.matches;
    narrow.addEventListener('change', () => { if (!narrow.matches) els.facetsToggle.open = true; });
  }

  function onPopState() {
    if (location.search === renderedSearch) return; // only the #hash changed
    render({ focus: 'none' });
  }

  function init() {
    els.main = document.getElementById('main');
    els.form = document.getElementById('search-form');
    els.q = document.getElementById('q');
    els.button = document.getElementById('search-button');
    els.sort = document.getElementById('sort');
    els.error = document.getElementById('error');
    els.status = document.getElementById('status');
    els.viewStart = document.getElementById('view-start');
    els.viewSearch = document.getElementById('view-search');
    els.viewMeasure = document.getElementById('view-measure');
    els.viewDoc = document.getElementById('view-doc');
    els.documentList = document.getElementById('document-list');
    els.facets = document.getElementById('facets');
    els.facetsToggle = document.getElementById('facets-toggle');
    els.summary = document.getElementById('summary');
    els.summaryRange = document.getElementById('summary-range');
    els.activeFilters = document.getElementById('active-filters');
    els.results = document.getElementById('results');
    els.pager = document.getElementById('pager');

    els.form.addEventListener('submit', onSubmit);
    els.sort.addEventListener('change', onSortChange);
    els.facets.addEventListener('change', onFacetChange);
    els.facets.addEventListener('click', onFacetClick);
    document.addEventListener('click', onDocumentClick);
    window.addEventListener('popstate', onPopState);
    fitFacetsToScreen();

    render({ focus: 'none' });
  }

  // Shared with the view scripts loaded after this one (analysis.js, charts.js, compare.js, …).
  const nendo = Object.assign(window.nendo || (window.nendo = {}), {
    API, SITE_TITLE, KIND_LABELS, views,
    h, fmtNum, hasValue, wareki, yearLabel, deptLabel, sampleBadge, loadingNode, downloadLinks,
    urlFor, navLink, measureHref, docHref, searchHref, searchQuery, emptySearch, go, fetchJson, ApiError, announce,
  });

  // Deferred scripts run before DOMContentLoaded: waiting for it lets the later ones register views.
  if (document.readyState === 'complete') init();
  else document.addEventListener('DOMContentLoaded', init);
})();
