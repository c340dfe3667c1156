/*
 * nendo — 他の年度の関連する事業, appended to the measure view (/?measure=<id>) from
 * GET /api/measures/{id}/related: other years' measures most like this one, the same
 * organization first. A failure here stays in this section; the measure itself is already shown.
 */
(() => {
  'use strict';

  const N = window.nendo;
  const { h, hasValue, yearLabel, deptLabel } = N;
  /** The API's most related measures per request (RelatedMeasures.MAX_LIMIT). */
  const DOWNLOAD_LIMIT = 50;

  function item(r, org) {
    const other = hasValue(r.org) && r.sameOrganization === false;
    return h('li', { class: `related-item${other ? ' is-other-org' : ''}`, 'data-id': r.id },
      h('p', { class: 'hit-meta' },
        h('span', { class: 'hit-year' }, yearLabel(r.year, r.era)),
        other ? h('span', { class: 'hit-org' }, String(r.org)) : null,
        other ? h('span', { class: 'tag tag-other-org', title: `${org || 'この事業の団体'}とは別の団体の事業` }, '他の団体') : null,
        hasValue(r.department) ? h('span', { class: 'hit-dept' }, deptLabel(r.department, r.departmentCanonical)) : null,
        h('span', { class: 'similarity', title: '文の類似度' }, `類似度 ${Math.round((Number(r.score) || 0) * 100)}%`),
        r.sample ? N.sampleBadge() : null),
      N.navLink(N.measureHref(r.id), hasValue(r.text) ? String(r.text) : String(r.id), { class: 'measure-link related-link' }));
  }

  async function renderRelated(m, container, signal, isCurrent) {
    const list = h('div', { class: 'related-body' }, N.loadingNode());
    container.append(h('section', { class: 'related', 'aria-labelledby': 'related-heading', 'aria-busy': 'true' },
      h('h3', { id: 'related-heading' }, '他の年度の関連する事業', h('span', { class: 'en', lang: 'en' }, 'Related measures in other years')),
      list));
    const section = list.parentElement;
    let data;
    try {
      data = await N.fetchJson(`${N.API}/measures/${encodeURIComponent(m.id)}/related?limit=10`, signal);
    } catch (err) {
      if ((err && err.name === 'AbortError') || !isCurrent()) return;
      section.removeAttribute('aria-busy');
      list.replaceChildren(h('p', { class: 'muted' }, `関連する事業を取得できませんでした。${err && err.message ? err.message : ''}`));
      return;
    }
    if (!isCurrent()) return;
    const related = Array.isArray(data.related) ? data.related : [];
    section.removeAttribute('aria-busy');
    list.replaceChildren(...(related.length
      ? [h('ol', { class: 'related-list' }, related.map((r) => item(r, m.org))),
        // The download takes as many as the API gives, not only the ten listed here.
        h('p', { class: 'downloads related-downloads' }, N.downloadLinks(
          `${N.API}/measures/${encodeURIComponent(m.id)}/related`, `limit=${DOWNLOAD_LIMIT}`,
          `関連する事業（最大 ${DOWNLOAD_LIMIT} 件）をダウンロード：`))]
      : [h('p', { class: 'muted related-none' }, '他の年度に、よく似た事業は見つかりませんでした。')]));
  }

  N.renderRelated = renderRelated;
})();
