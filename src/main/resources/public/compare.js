/*
 * nendo — 年度比較 (theme over time): /?view=compare&q=&org=&dept=&year_from=&year_to=
 * How many measures matched the keywords, per department and fiscal year (GET /api/compare):
 * a line chart (count, or share of the year's measures) and a heatmap table. A point or a cell
 * opens exactly those measures in the search view (…&kind=measure).
 */
(() => {
  'use strict';

  const N = window.nendo;
  const A = N.analysis;
  const { h, hasValue, fmtNum, yearLabel } = N;
  const NAME = 'compare';
  const EXAMPLES = ['コロナ', '防災', 'DX', '子育て'];

  let mode = 'count'; // chart values: 'count' | 'share' (kept while the page lives)

  function shell() {
    const built = document.getElementById(`view-${NAME}`).nendoShell;
    if (built) return built;
    const q = h('input', {
      id: 'compare-q', name: 'q', type: 'search', autocomplete: 'off', required: true,
      placeholder: '例：コロナ　防災　DX', enterkeyhint: 'search',
    });
    const org = A.select('compare-org', 'org');
    const dept = A.select('compare-dept', 'dept');
    const from = A.select('compare-from', 'year_from');
    const to = A.select('compare-to', 'year_to');
    const ui = A.shell(NAME, {
      title: '年度比較',
      enTitle: 'Theme over time',
      lead: 'キーワードを含む主要事業が、どの部で、どの年度にいくつあったかを比べます。グラフの点や表の数字を選ぶと、その事業の一覧を表示します。',
      fields: [
        A.field(q, 'キーワード', 'Keywords', 'field-wide'),
        A.field(org, '団体', 'Municipality'),
        A.field(dept, '部', 'Department'),
        A.rangeField('年度の範囲', 'Years', from, 'から', to, 'まで'),
      ],
      onSubmit: (p) => N.go(A.viewQuery(NAME, p), { focus: 'none' }),
    });
    ui.fields = { q, org, dept, from, to };
    org.addEventListener('change', () => fillSelects(ui, { ...current(ui), dept: '' }).catch(() => {}));
    return ui;
  }

  function current(ui) {
    const f = ui.fields;
    return { q: f.q.value, org: f.org.value, dept: f.dept.value, yearFrom: f.from.value, yearTo: f.to.value };
  }

  async function fillSelects(ui, st) {
    const f = ui.fields;
    const [orgs, years, depts] = await Promise.all([A.organizations(), A.yearsOf(st.org), A.departments(st.org)]);
    A.setOptions(f.org, A.orgOptions(orgs, 'すべての団体'), st.org);
    A.setOptions(f.dept, A.deptOptions(depts), st.dept);
    A.setOptions(f.from, A.yearOptions(years, '最初の年度'), st.yearFrom);
    A.setOptions(f.to, A.yearOptions(years, '最後の年度'), st.yearTo);
  }

  async function render(params, signal, isCurrent) {
    const ui = shell();
    const st = {
      q: A.param(params, 'q'),
      org: A.param(params, 'org'),
      dept: A.param(params, 'dept'),
      yearFrom: A.param(params, 'year_from'),
      yearTo: A.param(params, 'year_to'),
    };
    ui.fields.q.value = st.q;
    await fillSelects(ui, st);
    if (!isCurrent()) return;

    if (!st.q) {
      document.title = `年度比較 - ${N.SITE_TITLE}`;
      A.showResults(ui.results, h('div', { class: 'analysis-intro' },
        h('p', null, 'キーワードを入れて「表示」を押してください。例：'),
        h('ul', { class: 'example-list' }, EXAMPLES.map((w) => h('li', null,
          N.navLink(N.urlFor(A.viewQuery(NAME, { q: w })), w, { class: 'example-link', 'data-focus': 'none' }))))));
      return;
    }

    A.showLoading(ui.results);
    const apiParams = { q: st.q, org: st.org, dept: st.dept, year_from: st.yearFrom, year_to: st.yearTo };
    const data = await N.fetchJson(`${N.API}/compare?${A.apiQuery(apiParams)}`, signal);
    if (!isCurrent()) return;
    show(ui, st, apiParams, data);
  }

  /**
   * The search-view URL of a cell: exactly the measures counted there. The words are the query
   * without the years it names (R3 R4 コロナ): with them the search would hold both years.
   */
  function cellQuery(st, row, year) {
    return N.searchQuery({
      ...N.emptySearch(), q: st.words, org: hasValue(row.org) ? [String(row.org)] : [], dept: [String(row.name)],
      year: [String(year)], kind: ['measure'],
    });
  }

  function show(ui, typed, apiParams, data) {
    const st = { ...typed, words: typeof data.queryWithoutYears === 'string' ? data.queryWithoutYears : typed.q };
    const years = Array.isArray(data.years) ? data.years : [];
    const rows = (Array.isArray(data.departments) ? data.departments : []).filter((r) => Number(r.matches) > 0);
    const total = Number(data.totalMatches) || 0;
    const scope = [
      hasValue(data.org) ? data.org : 'すべての団体',
      hasValue(data.dept) ? data.dept : null,
      years.length ? `${yearLabel(years[0].year, years[0].era)}〜${yearLabel(years[years.length - 1].year, years[years.length - 1].era)}` : null,
    ].filter(Boolean).join('・');
    const summary = `「${st.q}」を含む主要事業 ${fmtNum(total)}件`;
    document.title = `年度比較「${st.q}」 - ${N.SITE_TITLE}`;

    const nodes = [
      h('div', { class: 'analysis-summary' },
        h('p', { class: 'summary', id: 'compare-summary', tabindex: '-1' }, summary),
        h('p', { class: 'summary-range' }, scope)),
      A.notices(data.notices, data.expansions),
    ];
    let draw = null;
    if (total === 0 || !rows.length) {
      nodes.push(h('p', { class: 'no-hits' }, '該当する主要事業はありませんでした。別のキーワードや範囲でお試しください。'));
    } else {
      const chart = chartOf(st, years, rows);
      draw = chart.draw;
      nodes.push(h('section', { class: 'analysis-block', 'aria-labelledby': 'compare-chart-heading' },
        h('div', { class: 'block-head' },
          h('h3', { id: 'compare-chart-heading' }, '部ごとの推移', A.en('By department')),
          modeToggle(chart)),
        chart.box));
      nodes.push(h('section', { class: 'analysis-block', 'aria-labelledby': 'compare-table-heading' },
        h('h3', { id: 'compare-table-heading' }, '部・年度ごとの件数', A.en('Counts')),
        A.tableBox(tableOf(st, data, years, rows), '部・年度ごとの件数の表')));
    }
    nodes.push(A.downloads('/compare', apiParams));
    A.showResults(ui.results, ...nodes);
    if (draw) ui.chart = draw();
    N.announce(summary);
  }

  function seriesValues(years, row) {
    const cells = Array.isArray(row.cells) ? row.cells : [];
    return years.map((y, i) => {
      const cell = cells[i] || {};
      // A year without the department (the table's 「この年度にはなし」) is a gap, not a zero.
      if (cell.printedName == null) return null;
      const matches = Number(cell.matches) || 0;
      if (mode === 'count') return matches;
      const measures = Number(y.measures) || 0;
      return measures ? Math.round((matches / measures) * 1000) / 10 : 0;
    });
  }

  function chartOf(st, years, rows) {
    const labels = years.map((y) => A.shortYear(y.year));
    const several = new Set(rows.map((r) => r.org)).size > 1;
    const prepared = N.charts.lineChart({
      labels,
      series: rows.map((r) => ({ label: several ? `${r.name}（${r.org}）` : String(r.name), data: seriesValues(years, r) })),
      ariaLabel: `「${st.q}」を含む主要事業の数の推移（部ごと）`,
      yTitle: yTitle(),
      integer: mode === 'count',
      tick: (v) => (mode === 'count' ? fmtNum(v) : `${v}%`),
      tooltip: (label, v) => (mode === 'count' ? `${label}: ${fmtNum(v)}件` : `${label}: ${v}%`),
      onPoint: (i, j) => {
        const row = rows[i];
        const year = years[j];
        if (row && year) N.go(cellQuery(st, row, year.year), { focus: 'summary', scroll: true });
      },
    });
    return {
      box: prepared.box,
      draw: prepared.draw,
      update: (chart) => {
        if (!chart) return;
        chart.data.datasets.forEach((ds, i) => { ds.data = seriesValues(years, rows[i]); });
        chart.options.scales.y.title.text = yTitle();
        chart.options.scales.y.ticks.precision = mode === 'count' ? 0 : undefined;
        chart.update();
      },
    };
  }

  function yTitle() {
    return mode === 'count' ? '該当する事業数（件）' : 'その年度の事業に占める割合（%）';
  }

  function modeToggle(chart) {
    const option = (value, text) => {
      const input = h('input', { type: 'radio', name: 'compare-mode', value, id: `compare-mode-${value}` });
      input.checked = mode === value;
      input.addEventListener('change', () => {
        if (!input.checked) return;
        mode = value;
        const ui = shell();
        chart.update(ui.chart);
      });
      return h('span', { class: 'toggle-option' }, input, h('label', { for: input.id }, text));
    };
    return h('fieldset', { class: 'mode-toggle' },
      h('legend', { class: 'visually-hidden' }, 'グラフの値'),
      option('count', '件数'),
      option('share', '割合（%）'));
  }

  function heatClass(value, max) {
    if (!value || !max) return 'heat heat-0';
    return `heat heat-${Math.max(1, Math.ceil((value / max) * 5))}`;
  }

  function tableOf(st, data, years, rows) {
    const max = Math.max(0, ...rows.flatMap((r) => (r.cells || []).map((c) => Number(c.matches) || 0)));
    const several = new Set(rows.map((r) => r.org)).size > 1;
    const head = h('tr', null,
      h('th', { scope: 'col' }, '部'),
      years.map((y) => h('th', { scope: 'col', class: 'num', title: yearLabel(y.year, y.era) }, A.shortYear(y.year))),
      h('th', { scope: 'col', class: 'num' }, '合計'));
    const body = rows.map((r) => h('tr', null,
      h('th', { scope: 'row', class: 'row-head' },
        String(r.name),
        several ? h('span', { class: 'row-org' }, String(r.org)) : null,
        Array.isArray(r.names) && r.names.some((n) => n !== r.name)
          ? h('span', { class: 'row-names' }, `旧 ${r.names.filter((n) => n !== r.name).join('・')}`) : null),
      years.map((y, i) => cellOf(st, r, y, (r.cells || [])[i] || {}, max, several)),
      h('td', { class: 'num row-total' }, fmtNum(Number(r.matches) || 0))));
    const foot = [
      h('tr', null, h('th', { scope: 'row' }, '該当する事業'),
        years.map((y) => h('td', { class: 'num' }, Number(y.matches)
          ? N.navLink(N.urlFor(N.searchQuery({
            ...N.emptySearch(), q: st.words, org: hasValue(data.org) ? [String(data.org)] : [],
            dept: hasValue(data.dept) ? [String(data.dept)] : [], year: [String(y.year)], kind: ['measure'],
          })), fmtNum(y.matches), { 'data-focus': 'summary', 'aria-label': `${yearLabel(y.year, y.era)} ${fmtNum(y.matches)}件` })
          : '0')),
        h('td', { class: 'num' }, fmtNum(Number(data.totalMatches) || 0))),
      h('tr', null, h('th', { scope: 'row' }, 'その年度の事業数'),
        years.map((y) => h('td', { class: 'num' }, fmtNum(y.measures))),
        h('td', { class: 'num' }, fmtNum(years.reduce((s, y) => s + (Number(y.measures) || 0), 0)))),
      h('tr', null, h('th', { scope: 'row' }, '割合'),
        years.map((y) => h('td', { class: 'num' }, A.percent(y.share))),
        h('td', { class: 'num' }, A.percent((Number(data.totalMatches) || 0)
          / Math.max(1, years.reduce((s, y) => s + (Number(y.measures) || 0), 0))))),
    ];
    return h('table', { class: 'data-table heatmap', id: 'compare-table' },
      h('caption', { class: 'visually-hidden' }, `「${st.q}」を含む主要事業の数（行：部、列：年度）`),
      h('thead', null, head), h('tbody', null, body), h('tfoot', null, foot));
  }

  /** several: the table holds more than one organization, so a cell's name says which one. */
  function cellOf(st, row, year, cell, max, several) {
    const matches = Number(cell.matches) || 0;
    const attrs = { class: `num ${heatClass(matches, max)}`, 'data-year': String(year.year), 'data-dept': String(row.name) };
    if (cell.measures == null) {
      return h('td', { ...attrs, class: 'num heat heat-none', title: `${yearLabel(year.year, year.era)}にはこの部はありません` },
        h('span', { 'aria-hidden': 'true' }, '—'), h('span', { class: 'visually-hidden' }, 'この年度にはなし'));
    }
    const printed = hasValue(cell.printedName) && cell.printedName !== row.name ? String(cell.printedName) : null;
    const where = [several && hasValue(row.org) ? String(row.org) : null, printed || row.name].filter(Boolean).join(' ');
    const label = `${where} ${yearLabel(year.year, year.era)}：${fmtNum(matches)}件（事業 ${fmtNum(cell.measures)}件中）`;
    return h('td', { ...attrs, title: label },
      matches > 0
        ? N.navLink(N.urlFor(cellQuery(st, row, year.year)), fmtNum(matches),
          { class: 'cell-link', 'data-focus': 'summary', 'aria-label': label })
        : h('span', { class: 'cell-zero' }, '0'));
  }

  N.views[NAME] = {
    render,
    fail: (err) => A.failed(shell().results, err),
  };
})();
