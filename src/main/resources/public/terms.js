/*
 * nendo — 特徴語 (distinctive terms): /?view=terms&org=&year=&vs=&dept=
 * Nouns and noun compounds more frequent in one year (or department) than in the reference,
 * ranked by log-likelihood (GET /api/terms). Each term opens a search of the target.
 */
(() => {
  'use strict';

  const N = window.nendo;
  const A = N.analysis;
  const { h, hasValue, fmtNum } = N;
  const NAME = 'terms';

  function shell() {
    const built = document.getElementById(`view-${NAME}`).nendoShell;
    if (built) return built;
    const org = A.select('terms-org', 'org');
    const year = A.select('terms-year', 'year');
    const vs = A.select('terms-vs', 'vs');
    const dept = A.select('terms-dept', 'dept');
    const ui = A.shell(NAME, {
      title: '特徴語',
      enTitle: 'Distinctive terms',
      lead: 'ある年度（または部）の主要事業に、比較対象よりも目立って多く現れる語を、対数尤度比の大きい順に示します。語を選ぶと、その語で事業を検索します。',
      fields: [
        A.field(org, '団体', 'Municipality'),
        A.field(year, '年度', 'Year'),
        A.field(vs, '比較対象', 'Compared with'),
        A.field(dept, '部（任意）', 'Department'),
      ],
      onSubmit: (p) => N.go(A.viewQuery(NAME, p), { focus: 'none' }),
    });
    ui.fields = { org, year, vs, dept };
    const refill = (changes) => fillSelects(ui, { ...current(ui), ...changes }).catch(() => {});
    // Another organization has other years: keep the year and the reference year where it has them,
    // else take its latest year, so that 表示 never asks for a year the organization lacks.
    org.addEventListener('change', () => A.yearsOf(org.value).then((years) => {
      const has = (v) => years.some((y) => String(y) === v);
      const y = has(year.value) ? year.value : (years.length ? String(years[years.length - 1]) : '');
      return refill({ year: y, vs: has(vs.value) && vs.value !== y ? vs.value : '', dept: '' });
    }).catch(() => {}));
    dept.addEventListener('change', () => refill({}));
    return ui;
  }

  function current(ui) {
    const f = ui.fields;
    return { org: f.org.value, year: f.year.value, vs: f.vs.value, dept: f.dept.value };
  }

  async function fillSelects(ui, st) {
    const f = ui.fields;
    const [orgs, years, depts] = await Promise.all([A.organizations(), A.yearsOf(st.org), A.departments(st.org)]);
    A.setOptions(f.org, A.orgOptions(orgs), st.org);
    // Without a year, a department is compared with the other departments of all years.
    A.setOptions(f.year, A.yearOptions(years, st.dept ? 'すべての年度' : null), st.year);
    A.setOptions(f.vs, A.yearOptions(years.filter((y) => String(y) !== f.year.value),
      st.dept && !st.vs ? 'その他の部' : 'その他の年度'), st.vs);
    A.setOptions(f.dept, A.deptOptions(depts, '指定しない（団体全体）'), st.dept);
  }

  async function render(params, signal, isCurrent, opts = {}) {
    const ui = shell();
    const st = { org: A.param(params, 'org'), year: A.param(params, 'year'), vs: A.param(params, 'vs'), dept: A.param(params, 'dept') };
    if (!st.org || (!st.year && !st.dept)) {
      const orgs = await A.organizations();
      const org = st.org || (A.richestOrganization(orgs) || {}).name || '';
      const years = await A.yearsOf(org);
      if (!isCurrent()) return;
      if (org && years.length) {
        N.go(A.viewQuery(NAME, { org, year: st.year || years[years.length - 1], vs: st.vs, dept: st.dept }), { ...opts, replace: true });
        return;
      }
    }
    await fillSelects(ui, st);
    if (!isCurrent()) return;
    if (await singleYear(ui, st)) return;

    A.showLoading(ui.results);
    const apiParams = { org: st.org, year: st.year, vs: st.vs, dept: st.dept };
    const data = await N.fetchJson(`${N.API}/terms?${A.apiQuery(apiParams)}`, signal);
    if (!isCurrent()) return;
    show(ui, st, data, apiParams);
  }

  /**
   * An organization with one year has no other year to compare with (the default reference):
   * say so and point to the comparison it does allow (a department against the other departments),
   * as 年度間の差分 does, instead of showing the API's error.
   */
  async function singleYear(ui, st) {
    if (!st.org || st.vs || st.dept) return false;
    const years = await A.yearsOf(st.org);
    if (years.length !== 1 || String(years[0]) !== st.year) return false;
    A.showResults(ui.results, h('p', { class: 'muted terms-need-years' },
      `${st.org} の文書は ${N.yearLabel(years[0])} の 1 年度分だけのため、ほかの年度とは比べられません。`
      + '「部（任意）」で部を選ぶと、その部の特徴語を同じ年度のほかの部と比べて示します。'));
    N.announce(`${st.org} は 1 年度分だけのため、ほかの年度とは比べられません。`);
    return true;
  }

  function side(s) {
    if (!s) return '';
    return `${s.label}（主要事業 ${fmtNum(s.measures)}件・${fmtNum(s.tokens)}語）`;
  }

  function show(ui, st, data, apiParams) {
    const terms = Array.isArray(data.terms) ? data.terms : [];
    const target = data.target || {};
    const reference = data.reference || {};
    const summary = `${data.org}　${target.label || ''} の特徴語 ${fmtNum(terms.length)}語（比較対象：${reference.label || ''}）`;
    document.title = `特徴語 ${data.org} ${target.label || ''} - ${N.SITE_TITLE}`;
    const maxG = Math.max(0, ...terms.map((t) => Number(t.logLikelihood) || 0));

    const searchOf = (term) => N.searchQuery({
      ...N.emptySearch(), q: String(term), org: [String(data.org || st.org)],
      year: hasValue(st.year) ? [st.year] : [], dept: hasValue(st.dept) ? [st.dept] : [],
    });
    const row = (t, i) => {
      const g = Number(t.logLikelihood) || 0;
      const bar = h('span', { class: 'bar-fill' });
      bar.style.width = `${maxG ? Math.max(2, (g / maxG) * 100) : 0}%`;
      return h('tr', null,
        h('td', { class: 'num rank' }, String(i + 1)),
        h('th', { scope: 'row', class: 'term' },
          N.navLink(N.urlFor(searchOf(t.term)), String(t.term), { class: 'term-link', 'data-focus': 'summary' })),
        h('td', { class: 'num' }, fmtNum(t.targetCount)),
        h('td', { class: 'num' }, fmtNum(t.referenceCount)),
        h('td', { class: 'num' }, rate(t.targetPer1000)),
        h('td', { class: 'num' }, rate(t.referencePer1000)),
        h('td', { class: 'num g2' },
          h('span', { class: 'bar', 'aria-hidden': 'true' }, bar),
          h('span', { class: 'g2-value' }, Number.isFinite(g) ? g.toFixed(2) : '')));
    };

    A.showResults(ui.results,
      h('div', { class: 'analysis-summary' },
        h('p', { class: 'summary', id: 'terms-summary', tabindex: '-1' }, `${data.org}　${target.label || ''}`),
        h('p', { class: 'summary-range' }, `対象：${side(target)}　比較対象：${side(reference)}`)),
      terms.length
        ? A.tableBox(h('table', { class: 'data-table terms-table', id: 'terms-table' },
          h('caption', { class: 'visually-hidden' }, summary),
          h('thead', null,
            h('tr', null,
              h('th', { scope: 'col', rowspan: '2', class: 'num' }, '順位'),
              h('th', { scope: 'col', rowspan: '2' }, '語'),
              h('th', { scope: 'colgroup', colspan: '2', class: 'num' }, '出現数'),
              h('th', { scope: 'colgroup', colspan: '2', class: 'num' }, '1000語あたり'),
              h('th', { scope: 'col', rowspan: '2', class: 'num', title: '対数尤度比 G²（大きいほど偏りが確か）' }, '対数尤度比')),
            h('tr', null,
              h('th', { scope: 'col', class: 'num' }, '対象'),
              h('th', { scope: 'col', class: 'num' }, '比較対象'),
              h('th', { scope: 'col', class: 'num' }, '対象'),
              h('th', { scope: 'col', class: 'num' }, '比較対象'))),
          h('tbody', null, terms.map(row))), '特徴語の表')
        : h('p', { class: 'no-hits' }, '比較対象より目立って多い語は見つかりませんでした。'),
      A.downloads('/terms', apiParams));
    N.announce(summary);
  }

  function rate(v) {
    const n = Number(v);
    return Number.isFinite(n) ? n.toFixed(2) : '';
  }

  N.views[NAME] = {
    render,
    fail: (err) => A.failed(shell().results, err),
  };
})();
