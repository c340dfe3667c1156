/*
 * nendo — 職員数・予算 (staff and budget): /?view=figures&org=&dept=
 * Each department's staff (人) and budget (千円) over the years as the documents print them
 * (GET /api/figures), followed under the current name; a year without a figure is a gap.
 */
(() => {
  'use strict';

  const N = window.nendo;
  const A = N.analysis;
  const { h, hasValue, fmtNum, yearLabel } = N;
  const NAME = 'figures';
  const METRICS = [
    { key: 'staff', title: '職員数', en: 'Staff', unit: '人', yTitle: '職員数（人）' },
    { key: 'budget', title: '予算', en: 'Budget', unit: '千円', yTitle: '予算（千円）' },
  ];

  function shell() {
    const built = document.getElementById(`view-${NAME}`).nendoShell;
    if (built) return built;
    const org = A.select('figures-org', 'org');
    const dept = A.select('figures-dept', 'dept');
    const ui = A.shell(NAME, {
      title: '職員数・予算',
      enTitle: 'Staff and budget',
      lead: '各部の「経営資源」に載っている職員数と予算規模の推移です。部の名前が変わっても、現在の名前でまとめて示します。数字の載っていない年度は空けてあります。',
      fields: [
        A.field(org, '団体', 'Municipality'),
        A.field(dept, '部（任意）', 'Department'),
      ],
      onSubmit: (p) => N.go(A.viewQuery(NAME, p), { focus: 'none' }),
    });
    ui.fields = { org, dept };
    org.addEventListener('change', () => fillSelects(ui, { org: org.value, dept: '' }).catch(() => {}));
    return ui;
  }

  async function fillSelects(ui, st) {
    const [orgs, depts] = await Promise.all([A.organizations(), A.departments(st.org)]);
    A.setOptions(ui.fields.org, A.orgOptions(orgs), st.org);
    A.setOptions(ui.fields.dept, A.deptOptions(depts), st.dept);
  }

  async function render(params, signal, isCurrent, opts = {}) {
    const ui = shell();
    const st = { org: A.param(params, 'org'), dept: A.param(params, 'dept') };
    if (!st.org) {
      const best = A.richestOrganization(await A.organizations());
      if (!isCurrent()) return;
      if (best) {
        N.go(A.viewQuery(NAME, { org: best.name, dept: st.dept }), { ...opts, replace: true });
        return;
      }
    }
    await fillSelects(ui, st);
    if (!isCurrent()) return;

    A.showLoading(ui.results);
    const apiParams = { org: st.org, dept: st.dept };
    const data = await N.fetchJson(`${N.API}/figures?${A.apiQuery(apiParams)}`, signal);
    if (!isCurrent()) return;
    show(ui, data, apiParams);
  }

  function show(ui, data, apiParams) {
    const depts = Array.isArray(data.departments) ? data.departments : [];
    const eras = new Map();
    for (const d of depts) for (const y of d.years || []) eras.set(Number(y.year), y.era);
    const years = [...eras.keys()].sort((a, b) => a - b);
    const figure = (d, year) => (d.years || []).find((y) => Number(y.year) === year) || null;
    const summary = `${data.org}の職員数・予算（${fmtNum(depts.length)}部、${years.length ? `${years[0]}〜${years[years.length - 1]}年度` : '年度なし'}）`;
    document.title = `職員数・予算 ${data.org} - ${N.SITE_TITLE}`;

    const blocks = [];
    const draws = [];
    for (const m of METRICS) {
      const value = (d, year) => {
        const f = figure(d, year);
        return f && f[m.key] != null && Number.isFinite(Number(f[m.key])) ? Number(f[m.key]) : null;
      };
      const chart = N.charts.lineChart({
        labels: years.map((y) => A.shortYear(y)),
        series: depts.map((d) => ({ label: String(d.name), data: years.map((y) => value(d, y)) })),
        ariaLabel: `${data.org}の部ごとの${m.yTitle}の推移`,
        yTitle: m.yTitle,
        integer: true,
        tooltip: (label, v, i, j) => {
          const f = figure(depts[i], years[j]);
          const printed = f && hasValue(f.printedName) && f.printedName !== label ? `（${years[j]} ${f.printedName}）` : '';
          return `${label}${printed}: ${fmtNum(v)}${m.unit}`;
        },
      });
      draws.push(chart.draw);
      blocks.push(h('section', { class: 'analysis-block', 'aria-labelledby': `figures-${m.key}-heading`, id: `figures-${m.key}` },
        h('h3', { id: `figures-${m.key}-heading` }, `${m.title}（${m.unit}）`, A.en(m.en)),
        chart.box,
        A.tableBox(table(data, depts, years, eras, m, value, figure), `${m.title}の表`)));
    }

    A.showResults(ui.results,
      h('div', { class: 'analysis-summary' },
        h('p', { class: 'summary', id: 'figures-summary', tabindex: '-1' }, summary)),
      depts.length ? blocks : h('p', { class: 'muted' }, 'この団体の文書には職員数・予算の記載がありません。'),
      A.downloads('/figures', apiParams));
    if (depts.length) ui.charts = draws.map((draw) => draw());
    N.announce(summary);
  }

  function table(data, depts, years, eras, m, value, figure) {
    return h('table', { class: 'data-table figures-table', id: `figures-${m.key}-table` },
      h('caption', { class: 'visually-hidden' }, `${data.org}の部ごとの${m.yTitle}`),
      h('thead', null, h('tr', null,
        h('th', { scope: 'col' }, '部'),
        years.map((y) => h('th', { scope: 'col', class: 'num', title: yearLabel(y, eras.get(y)) }, A.shortYear(y))))),
      h('tbody', null, depts.map((d) => h('tr', null,
        h('th', { scope: 'row', class: 'row-head' }, String(d.name)),
        years.map((y) => {
          const f = figure(d, y);
          const v = value(d, y);
          const printed = f && hasValue(f.printedName) && f.printedName !== d.name ? String(f.printedName) : null;
          if (!f) {
            return h('td', { class: 'num cell-absent', title: `${y}年度にはこの部はありません` },
              h('span', { 'aria-hidden': 'true' }, '—'), h('span', { class: 'visually-hidden' }, 'この年度にはなし'));
          }
          return h('td', { class: 'num' },
            v == null ? h('span', { class: 'muted', title: '文書に記載なし' }, '記載なし') : `${fmtNum(v)}`,
            printed ? h('span', { class: 'printed-name' }, `${y} ${printed}`) : null);
        })))));
  }

  N.views[NAME] = {
    render,
    fail: (err) => A.failed(shell().results, err),
  };
})();
