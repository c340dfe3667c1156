/*
 * nendo — 年度間の差分 (year vs year): /?view=diff&org=&from=&to=&dept=
 * Which measures of one year continued into another (paired, wording changes marked with
 * <del>/<ins>), which ended and which are new, department by department (GET /api/diff).
 */
(() => {
  'use strict';

  const N = window.nendo;
  const A = N.analysis;
  const { h, hasValue, fmtNum, yearLabel } = N;
  const NAME = 'diff';

  function shell() {
    const built = document.getElementById(`view-${NAME}`).nendoShell;
    if (built) return built;
    const org = A.select('diff-org', 'org');
    const from = A.select('diff-from', 'from');
    const to = A.select('diff-to', 'to');
    const dept = A.select('diff-dept', 'dept');
    const ui = A.shell(NAME, {
      title: '年度間の差分',
      enTitle: 'Year vs year',
      lead: '2つの年度の主要事業を部ごとに並べ、続いている事業（文言の変更を強調）、終わった事業、新しい事業を示します。',
      fields: [
        A.field(org, '団体', 'Municipality'),
        A.field(from, '比較元の年度', 'From'),
        A.field(to, '比較先の年度', 'To'),
        A.field(dept, '部（任意）', 'Department'),
      ],
      onSubmit: (p) => N.go(A.viewQuery(NAME, p), { focus: 'none' }),
    });
    ui.fields = { org, from, to, dept };
    // Keep the years only where the organization newly chosen has them (empty picks its defaults),
    // so that 表示 never asks for a year it lacks (after an unknown organization in a shared URL too).
    org.addEventListener('change', () => A.yearsOf(org.value).then((years) => {
      const has = (v) => years.some((y) => String(y) === v);
      return fillSelects(ui, { org: org.value, from: has(from.value) ? from.value : '', to: has(to.value) ? to.value : '', dept: '' });
    }).catch(() => {}));
    return ui;
  }

  async function fillSelects(ui, st) {
    const f = ui.fields;
    const [orgs, years, depts] = await Promise.all([A.organizations(), A.yearsOf(st.org), A.departments(st.org)]);
    A.setOptions(f.org, A.orgOptions(orgs.filter((o) => o.years.length > 1 || o.name === st.org)), st.org);
    A.setOptions(f.from, A.yearOptions(years), st.from || (years.length > 1 ? String(years[years.length - 2]) : ''));
    A.setOptions(f.to, A.yearOptions(years), st.to || (years.length ? String(years[years.length - 1]) : ''));
    A.setOptions(f.dept, A.deptOptions(depts), st.dept);
  }

  /** Fills in what a bare /?view=diff leaves out: the organization with most years, its last two years. */
  async function withDefaults(st) {
    const orgs = await A.organizations();
    const org = st.org || (A.richestOrganization(orgs) || {}).name || '';
    const years = await A.yearsOf(org);
    const to = st.to || (years.length ? String(years[years.length - 1]) : '');
    const earlier = years.filter((y) => String(y) !== to && (!Number(to) || y < Number(to)));
    const from = st.from || (earlier.length ? String(earlier[earlier.length - 1]) : '');
    return { org, from, to, dept: st.dept };
  }

  async function render(params, signal, isCurrent, opts = {}) {
    const ui = shell();
    const st = { org: A.param(params, 'org'), from: A.param(params, 'from'), to: A.param(params, 'to'), dept: A.param(params, 'dept') };
    if (!st.org || !st.from || !st.to) {
      const full = await withDefaults(st);
      if (!isCurrent()) return;
      if (full.org && full.from && full.to) {
        N.go(A.viewQuery(NAME, full), { ...opts, replace: true });
        return;
      }
    }
    await fillSelects(ui, st);
    if (!isCurrent()) return;
    if (!st.org || !st.from || !st.to) {
      // Nothing to compare yet (an organization with a single year): say so instead of asking the API.
      const years = st.org ? await A.yearsOf(st.org) : [];
      if (!isCurrent()) return;
      let text = '団体と、比較元・比較先の年度を選んでください。';
      if (st.org && years.length === 0) text = `団体「${st.org}」の文書はありません。`;
      else if (st.org && years.length === 1) text = `${st.org} の文書は ${years[0]} 年度の 1 年度分だけのため、差分はありません。2 年度以上ある団体を選んでください。`;
      A.showResults(ui.results, h('p', { class: 'muted diff-need-years' }, text));
      return;
    }

    A.showLoading(ui.results);
    const apiParams = { org: st.org, from: st.from, to: st.to, dept: st.dept };
    const data = await N.fetchJson(`${N.API}/diff?${A.apiQuery(apiParams)}`, signal);
    if (!isCurrent()) return;
    show(ui, data, apiParams);
  }

  function show(ui, data, apiParams) {
    const fromLabel = yearLabel(data.from, data.fromEra);
    const toLabel = yearLabel(data.to, data.toEra);
    const s = data.summary || {};
    const depts = Array.isArray(data.departments) ? data.departments : [];
    const summary = `${data.org}　${fromLabel} → ${toLabel}：継続 ${fmtNum(s.continued || 0)}件・終了 ${fmtNum(s.ended || 0)}件・新規 ${fmtNum(s.new || 0)}件`;
    document.title = `年度間の差分 ${data.org} ${data.from}→${data.to} - ${N.SITE_TITLE}`;

    A.showResults(ui.results,
      h('div', { class: 'analysis-summary' },
        h('p', { class: 'summary', id: 'diff-summary', tabindex: '-1' },
          `${data.org}　${fromLabel} → ${toLabel}`)),
      h('ul', { class: 'stat-list diff-stats', 'aria-label': '件数のまとめ' },
        stat('継続', s.continued, 'continued'),
        stat('終了', s.ended, 'ended'),
        stat('新規', s.new, 'new')),
      depts.length
        ? h('nav', { class: 'toc', 'aria-labelledby': 'diff-toc-heading' },
          h('h3', { id: 'diff-toc-heading' }, '部の一覧', A.en('Departments')),
          h('ol', { class: 'toc-list' }, depts.map((d, i) => h('li', null,
            h('a', { href: `#diff-dept-${i + 1}` }, String(d.name)),
            relationText(d) ? h('span', { class: 'muted' }, ` ${relationText(d)}`) : null))))
        : h('p', { class: 'muted' }, '比較できる部がありません。'),
      depts.map((d, i) => department(d, i, fromLabel, toLabel)),
      A.downloads('/diff', apiParams));
    N.announce(summary);
  }

  function stat(label, n, cls) {
    return h('li', { class: `stat stat-${cls}` },
      h('span', { class: 'stat-label' }, label),
      h('span', { class: 'stat-value' }, fmtNum(n || 0), h('span', { class: 'stat-unit' }, '件')));
  }

  /** 改称：企画部 → 政策企画部 / 分割：生活環境部 → 環境部・地域協働部 / 新設 / 廃止 (nothing when the same). */
  function relationText(d) {
    const from = (d.fromNames || []).join('・');
    const to = (d.toNames || []).join('・');
    switch (d.relation) {
      case 'renamed': return `改称：${from} → ${to}`;
      case 'split': return `分割：${from} → ${to}`;
      case 'merged': return `統合：${from} → ${to}`;
      case 'added': return '新設';
      case 'removed': return '廃止';
      default: return '';
    }
  }

  function department(d, i, fromLabel, toLabel) {
    const id = `diff-dept-${i + 1}`;
    const continued = Array.isArray(d.continued) ? d.continued : [];
    const ended = Array.isArray(d.ended) ? d.ended : [];
    const added = Array.isArray(d.new) ? d.new : [];
    const rel = relationText(d);
    const rows = [
      ...continued.map((pair) => h('tr', { class: 'diff-row diff-continued' },
        h('td', { class: 'diff-side diff-from' }, side(pair.from, d.name, pair.changes, 'from')),
        h('td', { class: 'diff-mid' },
          h('span', { class: 'diff-kind' }, '継続'),
          h('span', { class: 'similarity', title: '文の類似度' }, `類似度 ${A.percent(pair.similarity, 0)}`)),
        h('td', { class: 'diff-side diff-to' }, side(pair.to, d.name, pair.changes, 'to')))),
      ...ended.map((m) => h('tr', { class: 'diff-row diff-ended' },
        h('td', { class: 'diff-side diff-from' }, side(m, d.name)),
        h('td', { class: 'diff-mid' }, h('span', { class: 'diff-kind' }, '終了')),
        h('td', { class: 'diff-side diff-to diff-empty' }, h('span', { class: 'visually-hidden' }, 'なし')))),
      ...added.map((m) => h('tr', { class: 'diff-row diff-new' },
        h('td', { class: 'diff-side diff-from diff-empty' }, h('span', { class: 'visually-hidden' }, 'なし')),
        h('td', { class: 'diff-mid' }, h('span', { class: 'diff-kind' }, '新規')),
        h('td', { class: 'diff-side diff-to' }, side(m, d.name)))),
    ];
    return h('section', {
      class: 'diff-dept', id, 'aria-labelledby': `${id}-name`, 'data-relation': d.relation || 'same', 'data-name': d.name,
    },
      h('h3', { class: 'dept-name', id: `${id}-name` },
        String(d.name), rel ? h('span', { class: `relation relation-${d.relation}` }, rel) : null),
      h('p', { class: 'diff-counts muted' },
        `継続 ${fmtNum(continued.length)}件・終了 ${fmtNum(ended.length)}件・新規 ${fmtNum(added.length)}件`),
      rows.length
        ? h('table', { class: 'diff-table' },
          h('caption', { class: 'visually-hidden' }, `${d.name}の主要事業（左：${fromLabel}、右：${toLabel}）`),
          h('thead', null, h('tr', null,
            h('th', { scope: 'col', class: 'diff-from' }, fromLabel),
            h('th', { scope: 'col', class: 'diff-mid' }, h('span', { class: 'visually-hidden' }, '対応')),
            h('th', { scope: 'col', class: 'diff-to' }, toLabel))),
          h('tbody', null, rows))
        : h('p', { class: 'muted' }, '主要事業の登録はありません。'));
  }

  /**
   * One side of a row: the measure's text, with the wording changes marked when given (removed
   * words in <del> on the from side, added words in <ins> on the to side), and a link to it.
   */
  function side(m, deptName, changes, which) {
    if (!m) return null;
    let text;
    if (Array.isArray(changes) && changes.length) {
      const skip = which === 'from' ? 'added' : 'removed';
      const mark = which === 'from' ? 'removed' : 'added';
      text = changes.filter((c) => c && c.op !== skip && hasValue(c.text)).map((c) => (c.op === mark
        ? h(which === 'from' ? 'del' : 'ins', null, String(c.text))
        : String(c.text)));
    } else {
      text = hasValue(m.text) ? String(m.text) : '';
    }
    const printed = hasValue(m.department) && m.department !== deptName ? String(m.department) : null;
    return [
      h('p', { class: 'diff-text' }, text),
      h('p', { class: 'diff-meta' },
        printed ? h('span', { class: 'diff-printed' }, printed) : null,
        hasValue(m.id) ? N.navLink(N.measureHref(m.id), '事業を表示', { class: 'diff-measure-link' }) : null),
    ];
  }

  N.views[NAME] = {
    render,
    fail: (err) => A.failed(shell().results, err),
  };
})();
