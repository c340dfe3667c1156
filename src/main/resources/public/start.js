/*
 * nendo — the start view (/ with no query or filter): what the archive holds, by organization.
 * From GET /api/documents: each organization's plan documents (newest first), and the measures
 * read from JSON Lines records, which belong to no plan document, counted by year with a link to
 * each year's measures. An archive of records alone (a million measures, no plan) is listed too.
 * An archive of many organizations (every municipality: about 1,700) is listed as a table of one
 * row per organization, with a box that narrows it by name; /api/documents then sends no years.
 */
(() => {
  'use strict';

  const N = window.nendo;
  const { h, fmtNum, hasValue } = N;

  /** Above this many organizations, one row each (the server's limit for listing years is the same). */
  const MANY_ORGS = 20;

  function renderDocItem(d) {
    const counts = [];
    if (hasValue(d.departments)) counts.push(`${fmtNum(d.departments)}部`);
    if (hasValue(d.measures)) counts.push(`主要事業 ${fmtNum(d.measures)}件`);
    return h('li', { class: 'doc-item', 'data-id': d.id },
      h('span', { class: 'doc-year' }, N.yearLabel(d.year, d.era)),
      h('span', { class: 'doc-main' },
        N.navLink(N.docHref(d.id), hasValue(d.title) ? d.title : String(d.id), { class: 'doc-link' }),
        d.sample ? N.sampleBadge() : null),
      h('span', { class: 'doc-counts muted' }, counts.join('・')));
  }

  /** The span of years the records cover, and one link per year to that year's measures with their count. */
  function renderRecords(org, r) {
    const span = r.fromYear === r.toYear ? `${r.fromYear}年度` : `${r.fromYear}〜${r.toYear}年度`;
    const years = (Array.isArray(r.years) ? r.years : []).map((y) => h('li', {},
      N.navLink(N.searchHref({ org: [org], year: [String(y.year)] }), String(y.year),
        { class: 'record-year-link', title: `${y.era}の事業`, 'data-focus': 'summary' }),
      h('span', { class: 'muted' }, `${fmtNum(y.measures)}件`)));
    return h('div', { class: 'record-collection' },
      h('p', { class: 'record-summary' },
        h('span', { class: 'record-label' }, '記録（JSON Lines）の事業'),
        ` ${span}・年度をクリックするとその年度の事業の一覧`),
      h('ul', { class: 'record-years', 'aria-label': `${org}の記録の年度` }, years));
  }

  function orgHeadCounts(docs, records) {
    const parts = [];
    if (docs.length) parts.push(`${fmtNum(docs.length)}件の資料`);
    if (records) parts.push(`記録の事業 ${fmtNum(records.measures)}件`);
    return parts.join('・');
  }

  async function render(params, signal, current) {
    document.title = N.SITE_TITLE;
    const list = document.getElementById('document-list');
    if (!list.hasChildNodes()) list.replaceChildren(N.loadingNode());
    const data = await N.fetchJson(`${N.API}/documents`, signal);
    if (!current()) return;
    const docs = Array.isArray(data.documents) ? data.documents : [];
    const records = Array.isArray(data.records) ? data.records : [];
    if (!docs.length && !records.length) {
      list.replaceChildren(h('p', { class: 'muted' }, '収録されている資料はまだありません。'));
      return;
    }
    const groups = new Map();
    const group = (org) => {
      if (!groups.has(org)) groups.set(org, { docs: [], records: null });
      return groups.get(org);
    };
    for (const d of docs) group(hasValue(d.org) ? String(d.org) : '（団体名なし）').docs.push(d);
    for (const r of records) group(String(r.org)).records = r;
    // Real data first: an organization whose documents are all sample data goes last.
    const sampleOnly = (g) => (g.docs.length > 0 && !g.records && g.docs.every((d) => d.sample) ? 1 : 0);
    const orgs = [...groups.keys()].sort((a, b) =>
      sampleOnly(groups.get(a)) - sampleOnly(groups.get(b)) || a.localeCompare(b, 'ja'));
    if (orgs.length > MANY_ORGS) {
      list.replaceChildren(...renderOrgTable(orgs, groups));
      return;
    }
    const frag = document.createDocumentFragment();
    for (const org of orgs) {
      const g = groups.get(org);
      const sorted = g.docs.slice().sort((a, b) => (Number(b.year) || 0) - (Number(a.year) || 0));
      frag.append(h('section', { class: 'org-group', 'data-org': org },
        h('div', { class: 'org-group-head' },
          h('h4', { class: 'org-name' }, org),
          h('span', { class: 'muted' }, orgHeadCounts(sorted, g.records)),
          N.navLink(N.searchHref({ org: [org] }), 'この団体の事業をすべて見る', { class: 'org-browse', 'data-focus': 'summary' })),
        sorted.length ? h('ul', { class: 'doc-list' }, sorted.map(renderDocItem)) : null,
        g.records ? renderRecords(org, g.records) : null));
    }
    list.replaceChildren(frag);
  }

  /** The fiscal years an organization's documents and records cover, as 2019〜2023年度. */
  function yearSpan(g) {
    const years = g.docs.map((d) => Number(d.year)).filter(Number.isFinite);
    if (g.records) years.push(Number(g.records.fromYear), Number(g.records.toYear));
    if (!years.length) return '';
    const from = Math.min(...years);
    const to = Math.max(...years);
    return from === to ? `${from}年度` : `${from}〜${to}年度`;
  }

  /** One row per organization, linking to its measures, and a box that narrows the rows by name. */
  function renderOrgTable(orgs, groups) {
    const rows = orgs.map((org) => {
      const g = groups.get(org);
      return h('tr', { 'data-org': org },
        h('th', { scope: 'row' },
          N.navLink(N.searchHref({ org: [org] }), org, { class: 'org-link', 'data-focus': 'summary' })),
        h('td', { class: 'num' }, g.docs.length ? `${fmtNum(g.docs.length)}件` : '—'),
        h('td', { class: 'num' }, g.records ? `${fmtNum(g.records.measures)}件` : '—'),
        h('td', {}, yearSpan(g)));
    });
    const total = `${fmtNum(orgs.length)}団体`;
    const count = h('p', { class: 'org-count muted', id: 'org-count', 'aria-live': 'polite' }, total);
    const input = h('input', {
      type: 'search', id: 'org-filter', class: 'org-filter', autocomplete: 'off', 'aria-describedby': 'org-count',
    });
    input.addEventListener('input', () => {
      const typed = input.value.trim().normalize('NFKC');
      let shown = 0;
      for (const tr of rows) {
        const match = !typed || tr.dataset.org.normalize('NFKC').includes(typed);
        tr.hidden = !match;
        if (match) shown++;
      }
      count.textContent = typed ? `${fmtNum(shown)}団体（全${total}）` : total;
    });
    return [
      h('div', { class: 'org-filter-row' },
        h('label', { for: 'org-filter' }, '団体名で絞り込む'), input, count),
      h('div', { class: 'table-scroll' },
        h('table', { class: 'data-table org-table' },
          h('caption', { class: 'visually-hidden' }, '団体ごとの資料と記録'),
          h('thead', {}, h('tr', {},
            h('th', { scope: 'col' }, '団体'), h('th', { scope: 'col' }, '資料'),
            h('th', { scope: 'col' }, '記録の事業'), h('th', { scope: 'col' }, '年度'))),
          h('tbody', {}, rows))),
    ];
  }

  N.views.start = { render };
})();
