// The stylesheet and script of the HTML report, inlined into every page (no network, no fonts).
// The script never puts posting data into markup: it builds elements and text nodes only.
// Neither may contain "</style" or "</script" (a unit test checks).
#include "report/html_report.h"

namespace jobmatch {

const char* const kHtmlReportCss = R"CSS(
:root { --fg: #1d2330; --muted: #5d6675; --line: #e3e6eb; --bg: #f5f6f8; --card: #fff;
  --accent: #2458d6; --miss: #b83227; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--fg); background: var(--bg);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "DejaVu Sans", sans-serif; }
header.top { display: flex; align-items: baseline; gap: 16px; padding: 12px 24px; background: #1f2a44; color: #fff; }
header.top h1 { margin: 0; font-size: 18px; }
header.top p { margin: 0; opacity: .85; }
main { padding: 16px 24px 8px; }
h2 { margin: 0 0 8px; font-size: 15px; }
.cards { display: flex; flex-wrap: wrap; gap: 10px; margin-bottom: 14px; }
.card { min-width: 104px; padding: 6px 14px; background: var(--card); border: 1px solid var(--line); border-radius: 8px; }
.card b { display: block; font-size: 20px; font-variant-numeric: tabular-nums; }
.card span { color: var(--muted); font-size: 12px; }
section.postings, .overview > .col > *, .overview > figure { background: var(--card); border: 1px solid var(--line);
  border-radius: 8px; padding: 12px 16px; }
.controls { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; margin-bottom: 8px; }
.controls .note { margin: 0 0 0 8px; }
#filter { flex: 0 1 340px; padding: 5px 10px; border: 1px solid #c9ced6; border-radius: 6px; font: inherit; }
select, button { font: inherit; }
#lang { padding: 4px 6px; border: 1px solid #c9ced6; border-radius: 6px; background: #fff; }
#binchip { padding: 2px 10px; border: 1px solid #9fb4ea; border-radius: 12px; background: #e8eefc; color: #1f3c88; cursor: pointer; }
#count { margin-left: auto; color: var(--muted); }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
th, td { padding: 5px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top;
  overflow: hidden; text-overflow: ellipsis; }
th { position: sticky; top: 0; z-index: 1; background: #fafbfc; font-weight: 600; white-space: nowrap; }
th button { all: unset; cursor: pointer; }
th button:focus-visible { outline: 2px solid var(--accent); }
th[aria-sort=ascending] button::after { content: " \25B2"; font-size: 10px; color: var(--accent); }
th[aria-sort=descending] button::after { content: " \25BC"; font-size: 10px; color: var(--accent); }
th.rank { width: 44px; } th.score { width: 118px; } th.lang { width: 58px; } th.concepts { width: 27%; }
th.must { width: 15%; } th.id { width: 17%; }
tbody tr { cursor: pointer; }
tbody tr:hover { background: #f2f5fd; }
tbody tr.open { background: #e3ebff; box-shadow: inset 3px 0 var(--accent); }
td.rank { color: var(--muted); font-variant-numeric: tabular-nums; }
td.score { white-space: nowrap; font-variant-numeric: tabular-nums; }
td.score .sbar { display: inline-block; width: 50px; height: 7px; margin-right: 8px; border-radius: 4px; vertical-align: middle;
  background: linear-gradient(to right, var(--accent) calc(var(--s) * 1%), #e4e8ef 0); }
td.title a { color: inherit; text-decoration: none; font-weight: 600; }
td.title a:focus-visible { outline: 2px solid var(--accent); }
td.title, td.id, td.concepts, td.must { unicode-bidi: isolate; }
td.id { color: var(--muted); font-size: 12px; white-space: nowrap; direction: ltr; }
.chip { display: inline-block; margin: 1px 4px 1px 0; padding: 0 7px; border-radius: 10px; background: #e8eefc;
  color: #1f3c88; font-size: 12px; white-space: nowrap; }
.chip { max-width: 16em; overflow: hidden; text-overflow: ellipsis; vertical-align: top; }
.chip.miss { background: #fde9e7; color: var(--miss); }
.more { color: var(--muted); font-size: 12px; }
tr.failed td { color: var(--miss); }
#postings.limited tr.beyond { display: none; }
tbody tr { scroll-margin-top: 40px; }
.showall { margin: 10px 0 0; text-align: center; }
#showall { padding: 4px 14px; border: 1px solid #9fb4ea; border-radius: 6px; background: #f2f5fd; color: #1f3c88; cursor: pointer; }
tr.failed td.title a { font-weight: 400; }
.overview { display: grid; grid-template-columns: minmax(0, 500px) minmax(0, 1fr); gap: 16px; align-items: start; margin-top: 16px; }
.overview > .col { display: grid; gap: 16px; }
figure { margin: 0; }
figcaption { margin-bottom: 6px; font-weight: 600; }
figcaption small, h2 small { color: var(--muted); font-weight: 400; }
svg.chart { display: block; max-width: 100%; height: auto; }
svg text { font: 11px system-ui, -apple-system, "Segoe UI", Roboto, Arial, "DejaVu Sans", sans-serif; }
svg .tick, svg .label { fill: var(--muted); }
svg .grid { stroke: #e6e9ee; } svg .axis { stroke: #9aa3af; }
svg .count, svg .col, svg .rowlabel { fill: var(--fg); }
svg .sep { stroke: #fff; stroke-width: 1; }
#histogram .bin, #heatmap .row, #heatmap .cells { cursor: pointer; }
#histogram .bin:hover rect + rect, #histogram .bin.active rect + rect { stroke: #1d2330; stroke-width: 1.5; }
#heatmap .row:hover .rowlabel { font-weight: 700; }
#heatmap .row.open .rowlabel { fill: var(--accent); font-weight: 700; }
.least .note { margin-bottom: 6px; }
ol.cover { margin: 0; padding: 0; list-style: none; }
.cover li { display: grid; grid-template-columns: minmax(0, 1fr) 90px 92px; gap: 0 10px; align-items: center;
  padding: 4px 0; border-bottom: 1px solid var(--line); }
.cover .name { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.cover .sec { grid-column: 1; grid-row: 2; color: var(--muted); font-size: 12px; }
.cover .cbar { grid-column: 2; grid-row: 1 / span 2; height: 8px; border-radius: 4px;
  background: linear-gradient(to right, #e58a4a calc(var(--s) * 1%), #eceff3 0); }
.cover .pct { grid-column: 3; grid-row: 1 / span 2; text-align: right; font-variant-numeric: tabular-nums; }
.cover .pct small { color: var(--muted); }
.mustflag { padding: 0 5px; border-radius: 8px; background: #fde9e7; color: var(--miss); font-size: 11px; font-style: normal; }
details summary { margin-top: 8px; cursor: pointer; color: var(--accent); }
.note { margin: 0 0 8px; color: var(--muted); font-size: 12px; }
footer { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 16px; padding: 10px 24px 24px;
  color: var(--muted); font-size: 12px; }
#tip { position: fixed; z-index: 20; max-width: 420px; padding: 4px 8px; border-radius: 4px; background: #1d2330;
  color: #fff; font-size: 12px; pointer-events: none; }
#panel { position: fixed; top: 0; right: 0; bottom: 0; z-index: 10; width: min(800px, 64vw); overflow-y: auto;
  padding: 0 22px 32px; background: #fff; box-shadow: -8px 0 28px rgba(20, 30, 60, .2); }
#panel[hidden] { display: none; }
#panel .phead { position: sticky; top: 0; z-index: 2; padding: 14px 0 10px; background: #fff; border-bottom: 1px solid var(--line); }
#panel .close { position: absolute; top: 12px; right: 0; padding: 2px 10px; border: 1px solid #c9ced6; border-radius: 6px;
  background: #fff; cursor: pointer; }
#panel h2 { margin: 0 48px 2px 0; font-size: 18px; unicode-bidi: isolate; }
.pscore { float: left; margin: 0 14px 0 0; padding: 2px 10px; border-radius: 8px; background: var(--accent); color: #fff;
  font-size: 22px; font-weight: 700; font-variant-numeric: tabular-nums; }
.pmeta, .pid { color: var(--muted); font-size: 12px; }
.pid { word-break: break-all; unicode-bidi: isolate; }
.warn { color: #8a5a00; font-size: 12px; }
#panel h3 { margin: 18px 0 8px; font-size: 14px; }
#panel h3 small { color: var(--muted); font-weight: 400; }
.mustmiss { margin-top: 10px; padding: 6px 10px; border-radius: 6px; background: #fdf1ef; color: var(--miss); font-size: 13px; }
.secs { display: grid; grid-template-columns: max-content minmax(0, 1fr) 40px; gap: 4px 10px; align-items: center; font-size: 13px; }
.secs .bar { height: 10px; border-radius: 5px; background: linear-gradient(to right, var(--c) calc(var(--s) * 1%), #eceff3 0); }
.secs .v { text-align: right; font-variant-numeric: tabular-nums; }
.secs .lab small { color: var(--muted); }
.text { padding: 12px 14px; border: 1px solid var(--line); border-radius: 6px; background: #fcfcfd; font-size: 13.5px;
  line-height: 1.65; white-space: pre-wrap; overflow-wrap: anywhere; unicode-bidi: isolate; }
mark { padding: 0 1px; border-radius: 3px; color: inherit; background: var(--mk, #fff1a8); box-shadow: inset 0 -2px var(--ml, #c9a800); }
mark.neg { background: #eceff3; box-shadow: none; text-decoration: line-through; text-decoration-color: #9aa3af; }
mark.flash { outline: 2px solid var(--accent); outline-offset: 1px; }
.tag { margin: 0 3px 0 1px; color: var(--tc, #5d6675); font-size: 10px; font-weight: 600; line-height: 0;
  vertical-align: super; white-space: nowrap; }
.clist { margin: 0; padding: 0; list-style: none; }
.clist > li { padding: 6px 0; border-bottom: 1px solid var(--line); }
.clist .dot { display: inline-block; width: 10px; height: 10px; margin-right: 6px; border-radius: 3px; background: var(--mk); box-shadow: inset 0 0 0 1.5px var(--ml); }
.clist code { color: var(--muted); font-size: 11.5px; }
.clist .facts { color: var(--muted); font-size: 12px; }
.clist ul { margin: 3px 0 0 16px; padding: 0; list-style: none; font-size: 12.5px; }
.clist button.jump { all: unset; cursor: pointer; color: var(--fg); }
.clist button.jump:hover, .clist button.jump:focus-visible { color: var(--accent); text-decoration: underline; }
.clist .ln { display: inline-block; min-width: 64px; color: var(--muted); font-variant-numeric: tabular-nums; }
.missing p { margin: 4px 0; font-size: 13px; }
.missing b { font-weight: 600; }
.err { color: var(--miss); }
@media (max-width: 1100px) { .overview { grid-template-columns: minmax(0, 1fr); } #panel { width: 100vw; } }
@media print { #panel, .controls { display: none; } th { position: static; } }
)CSS";

const char* const kHtmlReportJs = R"JS(
(function () {
  'use strict';
  var $ = function (sel, root) { return (root || document).querySelector(sel); };
  var meta = JSON.parse($('#jm-meta').textContent);
  var tbody = $('#postings tbody');
  var rows = Array.prototype.slice.call(tbody.rows);
  var byId = new Map(rows.map(function (r) { return [r.id, r]; }));
  var collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  var info = rows.map(function (r) {
    return { row: r, anchor: r.id, i: +r.dataset.i, rank: +r.dataset.rank, score: +r.dataset.score,
      failed: r.classList.contains('failed'), lang: r.dataset.lang, title: r.cells[2].textContent,
      id: r.cells[6].textContent, hay: r.textContent.toLowerCase() };
  });
  var infoById = new Map(info.map(function (x) { return [x.anchor, x]; }));
  var hues = [212, 152, 28, 280, 350, 190, 95, 320, 48, 250, 0, 130];

  // Elements from data: createElement and text nodes only, never markup.
  function h(tag, attrs) {
    var el = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) {
      var v = attrs[k];
      if (v === null || v === undefined || v === false) return;
      if (k === 'style') Object.keys(v).forEach(function (p) { el.style.setProperty(p, v[p]); });
      else el.setAttribute(k, v === true ? '' : String(v));
    });
    for (var a = 2; a < arguments.length; a++) add(el, arguments[a]);
    return el;
  }
  function add(el, kid) {
    if (kid === null || kid === undefined || kid === false) return;
    if (Array.isArray(kid)) { kid.forEach(function (k) { add(el, k); }); return; }
    el.appendChild(kid instanceof Node ? kid : document.createTextNode(String(kid)));
  }
  function fix(v, d) { return (+v).toFixed(d); }
  function concept(c) { return meta.concepts[c] || ['?', '?']; }
  function short(s, n) { var a = Array.from(s); return a.length <= n ? s : a.slice(0, n - 1).join('').trimEnd() + '\u2026'; }
  function sectionStyle(s) {
    var hue = hues[s % hues.length];
    return { '--mk': 'hsl(' + hue + ' 85% 88%)', '--ml': 'hsl(' + hue + ' 60% 48%)',
      '--tc': 'hsl(' + hue + ' 55% 32%)', '--c': 'hsl(' + hue + ' 60% 48%)' };
  }

  // Sorting.
  var sortKey = 'rank', sortDir = 1;
  var firstDir = { rank: 1, score: -1, title: 1, lang: 1, id: 1 };
  var compare = {
    rank: function (a, b) { return a.rank - b.rank; },
    score: function (a, b) { return a.score - b.score; },
    title: function (a, b) { return collator.compare(a.title, b.title); },
    lang: function (a, b) { return collator.compare(a.lang, b.lang); },
    id: function (a, b) { return collator.compare(a.id, b.id); }
  };
  function sortBy(key, dir) {
    sortKey = key; sortDir = dir;
    var f = compare[key];
    info.sort(function (a, b) {
      if (key === 'score' && a.failed !== b.failed) return a.failed ? 1 : -1;
      return f(a, b) * dir || a.rank - b.rank;
    });
    var frag = document.createDocumentFragment();
    info.forEach(function (x) { frag.appendChild(x.row); });
    tbody.appendChild(frag);
    applyLimit();
    document.querySelectorAll('#postings th[data-key]').forEach(function (th) {
      th.setAttribute('aria-sort', th.dataset.key === key ? (dir > 0 ? 'ascending' : 'descending') : 'none');
    });
  }
  $('#postings thead').addEventListener('click', function (e) {
    var th = e.target.closest('th[data-key]');
    if (!th) return;
    var key = th.dataset.key;
    sortBy(key, key === sortKey ? -sortDir : firstDir[key]);
  });

  // Filtering: words (all must occur), language, score bin.
  var filterBox = $('#filter'), langSel = $('#lang'), binChip = $('#binchip'), countEl = $('#count');
  var bin = -1;
  function binOf(score) { return Math.min(9, Math.floor(score / 10)); }
  // With many rows, only the first meta.shown_rows that pass the filter are laid out until
  // "Show all" is pressed.
  var table = $('#postings'), showAll = $('#showall'), shown = info.length;
  function applyLimit() {
    var n = 0, limited = table.classList.contains('limited');
    info.forEach(function (x) {
      var beyond = limited && !x.row.hidden && ++n > meta.shown_rows;
      if (x.row.classList.contains('beyond') !== beyond) x.row.classList.toggle('beyond', beyond);
    });
    var cut = limited && shown > meta.shown_rows;
    if (showAll) { showAll.hidden = !cut; showAll.textContent = 'Show all ' + shown + ' postings'; }
    countEl.textContent = (cut ? 'first ' + meta.shown_rows + ' of ' : '') +
      (shown === info.length ? info.length + ' postings' : shown + ' of ' + info.length + ' postings');
  }
  if (showAll) showAll.addEventListener('click', function () { table.classList.remove('limited'); applyLimit(); });
  function applyFilter() {
    var words = filterBox.value.toLowerCase().split(/\s+/).filter(Boolean);
    var lang = langSel.value;
    shown = 0;
    info.forEach(function (x) {
      var ok = (!lang || x.lang === lang) && words.every(function (w) { return x.hay.indexOf(w) >= 0; }) &&
        (bin < 0 || (!x.failed && binOf(x.score) === bin));
      if (x.row.hidden === ok) x.row.hidden = !ok;
      if (ok) shown++;
    });
    applyLimit();
    binChip.hidden = bin < 0;
    if (bin >= 0) binChip.textContent = 'score ' + bin * 10 + '\u2013' + (bin === 9 ? 100 : bin * 10 + 10) + '  \u2715';
    document.querySelectorAll('#histogram .bin').forEach(function (g) { g.classList.toggle('active', +g.dataset.bin === bin); });
  }
  filterBox.addEventListener('input', applyFilter);
  langSel.addEventListener('change', applyFilter);
  binChip.addEventListener('click', function () { bin = -1; applyFilter(); });
  var hist = $('#histogram');
  if (hist) hist.addEventListener('click', function (e) {
    var g = e.target.closest('.bin');
    if (!g) return;
    bin = bin === +g.dataset.bin ? -1 : +g.dataset.bin;
    applyFilter();
    $('#postings').scrollIntoView({ block: 'start', behavior: 'smooth' });
  });

  // Heatmap: a row opens its posting; with many rows, a click's height says which.
  var hm = $('#heatmap'), tip = null;
  function heatRow(e) {
    var g = e.target.closest('[data-target]');
    if (g) return g.dataset.target;
    var vb = hm.viewBox.baseVal, r = hm.getBoundingClientRect();
    var x = (e.clientX - r.left) * vb.width / r.width, y = (e.clientY - r.top) * vb.height / r.height;
    var left = +hm.dataset.left, k = Math.floor((y - +hm.dataset.top) / +hm.dataset.rowHeight);
    if (x < left || x > left + +hm.dataset.plotWidth || k < 0 || k >= meta.ranked.length) return null;
    return 'p' + meta.ranked[k];
  }
  if (hm) {
    hm.addEventListener('click', function (e) { var a = heatRow(e); if (a) go(a); });
    hm.addEventListener('mousemove', function (e) {
      var a = +hm.dataset.rows > 0 && !e.target.closest('[data-target]') ? heatRow(e) : null, x = a && infoById.get(a);
      if (!x) { if (tip) tip.hidden = true; return; }
      if (!tip) { tip = h('div', { id: 'tip' }); document.body.appendChild(tip); }
      tip.hidden = false;
      tip.textContent = x.rank + '. ' + x.title + ' (' + fix(x.score, 1) + ')';
      tip.style.left = (e.clientX + 14) + 'px';
      tip.style.top = (e.clientY + 10) + 'px';
    });
    hm.addEventListener('mouseleave', function () { if (tip) tip.hidden = true; });
  }

  // Explanations: packed in chunks (zlib, base64), unpacked by the browser when first needed.
  var chunks = new Map();
  function loadChunk(k) {
    if (!chunks.has(k)) chunks.set(k, Promise.resolve().then(function () {
      if (typeof DecompressionStream === 'undefined')
        throw new Error('This browser cannot unpack the explanations (it lacks DecompressionStream; ' +
          'use a current Chrome, Edge, Firefox or Safari).');
      var b64 = document.getElementById('jm-c' + k).textContent;
      var bin = atob(b64), bytes = new Uint8Array(bin.length);
      for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate'));
      return new Response(stream).text();
    }).then(JSON.parse));
    return chunks.get(k);
  }
  function detail(i) {
    var s = meta.chunks, lo = 0, hi = s.length - 1;
    while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (s[mid] <= i) lo = mid; else hi = mid - 1; }
    return loadChunk(lo).then(function (list) { return list[i - s[lo]]; });
  }

  var panel = $('#panel'), openRow = null, token = 0;
  function go(anchor) {
    if (location.hash === '#' + anchor) openPosting(anchor);
    else location.hash = anchor;
  }
  function closePanel() {
    token++;
    panel.hidden = true;
    panel.dataset.state = 'closed';
    if (openRow) openRow.classList.remove('open');
    openRow = null;
    document.querySelectorAll('#heatmap .row.open').forEach(function (g) { g.classList.remove('open'); });
    if (location.hash) history.replaceState(null, '', location.pathname + location.search);
  }
  function openPosting(anchor) {
    var row = byId.get(anchor);
    if (!row) return;
    if (openRow) openRow.classList.remove('open');
    openRow = row;
    row.classList.add('open');
    document.querySelectorAll('#heatmap .row').forEach(function (g) { g.classList.toggle('open', g.dataset.target === anchor); });
    if (!row.hidden) row.scrollIntoView({ block: 'nearest' });
    panel.hidden = false;
    panel.dataset.posting = anchor;
    panel.dataset.state = 'loading';
    var my = ++token;
    panel.replaceChildren(h('div', { class: 'phead' }, closeButton(), h('h2', null, infoById.get(anchor).title), h('p', { class: 'pmeta' }, 'Loading\u2026')));
    detail(+row.dataset.i - 1).then(function (d) {
      if (my !== token) return;
      renderPanel(row, d);
      panel.scrollTop = 0;
      panel.dataset.state = 'ready';
    }, function (err) {
      if (my !== token) return;
      panel.appendChild(h('p', { class: 'err' }, String(err && err.message || err)));
      panel.dataset.state = 'error';
    });
  }
  function closeButton() {
    var b = h('button', { class: 'close', type: 'button', title: 'Close (Esc)', 'aria-label': 'Close' }, '\u2715');
    b.addEventListener('click', closePanel);
    return b;
  }

  function renderPanel(row, d) {
    var head = h('div', { class: 'phead' }, closeButton());
    if (d.error) {
      head.appendChild(h('h2', null, 'Not scored: ' + d.error.kind));
      head.appendChild(h('div', { class: 'pid' }, d.id));
      panel.replaceChildren(head, h('p', { class: 'err' }, d.error.message));
      return;
    }
    head.appendChild(h('span', { class: 'pscore', title: 'score out of 100' }, fix(d.score, 1)));
    head.appendChild(h('h2', null, d.title || '(no title)'));
    head.appendChild(h('div', { class: 'pid' }, '#' + row.dataset.rank + ' of ' + info.length + ' \u00b7 ' + d.id));
    var tv = d.title_value < 0 ? 'title not counted' : 'title value ' + fix(d.title_value, 2) +
      (d.title_concepts.length ? ' (' + d.title_concepts.map(function (c) { return concept(c)[1]; }).join(', ') + ')' : '') +
      (d.stated_role ? ', as the text states it: \u201c' + d.stated_role + '\u201d' : '');
    head.appendChild(h('div', { class: 'pmeta' }, 'language ' + d.lang + ' \u00b7 encoding ' + d.encoding + ' \u00b7 ' + tv));
    (d.warnings || []).forEach(function (w) { head.appendChild(h('div', { class: 'warn' }, 'warning: ' + w)); });
    var parts = [head];
    if (d.missing_must.length)
      parts.push(h('div', { class: 'mustmiss' }, 'Missing must-have' + (d.missing_must.length > 1 ? 's' : '') +
        ' (score \u00d7' + meta.profile.penalty + ' each): ',
        d.missing_must.map(function (c) { return h('span', { class: 'chip miss', title: concept(c)[0] }, concept(c)[1]); })));

    // Section breakdown.
    var secs = h('div', { class: 'secs' });
    meta.sections.forEach(function (s, k) {
      var v = d.coverage[k] || 0;
      secs.appendChild(h('span', { class: 'lab', title: 'weight ' + s.weight + ', full at ' + s.need + ' concept points' },
        s.label, ' ', h('small', null, '\u00b7 ' + s.weight)));
      secs.appendChild(h('span', { class: 'bar', style: Object.assign(sectionStyle(k), { '--s': String(Math.round(v * 100)) }) }));
      secs.appendChild(h('span', { class: 'v' }, fix(v, 2)));
    });
    parts.push(h('h3', null, 'Sections ', h('small', null, 'coverage \u00b7 weight')), secs);

    // The text with every piece of evidence.
    var marks = [];
    var text = h('div', { class: 'text', id: 'ptext' });
    add(text, highlight(d, marks));
    parts.push(h('h3', null, 'Posting text ', h('small', null, marks.length + ' highlighted piece' + (marks.length === 1 ? '' : 's') + ' of evidence')));
    if (d.cut) parts.push(h('p', { class: 'note' }, 'Showing the first ' + Math.round(meta.max_text / 1024) + ' KB of ' +
      Math.round(d.cut / 1024) + ' KB; evidence further on is listed below.'));
    parts.push(text);

    parts.push(h('h3', null, 'Matched concepts ', h('small', null, d.matched.length + ', in profile order; each line: where, zone, cue, factor')));
    parts.push(conceptList(d.matched, true));
    if (d.ignored.length) {
      parts.push(h('h3', null, 'Found but not counted ', h('small', null, 'negated, or only in an ignored title')));
      parts.push(conceptList(d.ignored, false));
    }
    var missing = h('div', { class: 'missing' });
    var miss = new Set(d.missing);
    meta.sections.forEach(function (s) {
      var names = s.concepts.filter(function (pc) { return miss.has(pc[0]); }).map(function (pc) { return concept(pc[0])[1]; });
      if (names.length) missing.appendChild(h('p', null, h('b', null, s.label + ': '), names.join(', ')));
    });
    parts.push(h('h3', null, 'Missing ', h('small', null, d.missing.length + ' concepts of the profile')));
    parts.push(d.missing.length ? missing : h('p', { class: 'note' }, 'nothing'));
    panel.replaceChildren.apply(panel, parts);
  }

  function spanTitle(m, s, counted) {
    var c = concept(m.c);
    return c[1] + ' (' + c[0] + ') \u2014 ' + s[3] + ', ' + s[4] + ', \u00d7' + fix(s[5], 2) +
      (counted ? '' : ', not counted') + ', line ' + s[2];
  }
  // The text as nodes: each stretch covered by evidence is a <mark> (data-concept: the concepts
  // covering it), each piece of evidence ends with a tag naming its concept.
  function highlight(d, marks) {
    var t = d.text, spans = [];
    [[d.matched, true], [d.ignored, false]].forEach(function (p) {
      p[0].forEach(function (m) {
        m.spans.forEach(function (s, k) {
          if (s[0] >= 0 && s[1] > s[0]) spans.push({ b: s[0], e: s[1], m: m, s: s, counted: p[1], key: 'ev-' + m.c + '-' + k });
        });
      });
    });
    spans.sort(function (a, b) { return a.b - b.b || b.e - a.e; });
    var cuts = new Set([0, t.length]);
    spans.forEach(function (x) { cuts.add(x.b); cuts.add(x.e); });
    var pts = Array.from(cuts).sort(function (a, b) { return a - b; });
    var out = [], active = [], next = 0, seen = new Set();
    for (var p = 0; p + 1 < pts.length; p++) {
      var a = pts[p], b = pts[p + 1];
      while (next < spans.length && spans[next].b <= a) active.push(spans[next++]);
      active = active.filter(function (x) { return x.e > a; });
      if (!active.length) { out.push(t.slice(a, b)); continue; }
      var inner = active.reduce(function (x, y) { return y.e - y.b < x.e - x.b ? y : x; });
      var ids = [];
      active.forEach(function (x) { var id = concept(x.m.c)[0]; if (ids.indexOf(id) < 0) ids.push(id); });
      var mk = h('mark', {
        'data-concept': ids.join(' '),
        title: active.map(function (x) { return spanTitle(x.m, x.s, x.counted); }).join('\n'),
        class: active.some(function (x) { return x.counted; }) ? null : 'neg',
        style: sectionStyle(inner.m.section)
      }, t.slice(a, b));
      active.forEach(function (x) { if (!seen.has(x.key)) { seen.add(x.key); if (!mk.id) mk.id = x.key; marks.push(x.key); } });
      out.push(mk);
      active.forEach(function (x) {
        if (x.e === b) out.push(h('span', { class: 'tag', style: sectionStyle(x.m.section), title: spanTitle(x.m, x.s, x.counted) },
          short(concept(x.m.c)[1], 28) + (x.counted ? ' \u00d7' + fix(x.s[5], 2) : ' \u2205')));
      });
    }
    return out;
  }

  function conceptList(list, counted) {
    var ul = h('ul', { class: 'clist' });
    list.forEach(function (m) {
      var c = concept(m.c), s = meta.sections[m.section];
      var facts = (s ? s.label : '') + ' \u00b7 weight ' + m.weight + ' \u00b7 strength ' + fix(m.strength, 2);
      var spans = h('ul');
      m.spans.forEach(function (sp, k) {
        var label = [h('span', { class: 'ln' }, 'line ' + sp[2]), sp[3] + ', ' + sp[4] + ', \u00d7' + fix(sp[5], 2) + ' \u2014 \u201c' + sp[6] + '\u201d'];
        if (sp[0] < 0) { spans.appendChild(h('li', null, label, ' (beyond the text shown)')); return; }
        var b = h('button', { type: 'button', class: 'jump', title: 'show in the text' }, label);
        b.addEventListener('click', function () {
          var el = document.getElementById('ev-' + m.c + '-' + k);
          if (!el) return;
          el.scrollIntoView({ block: 'center', behavior: 'smooth' });
          el.classList.add('flash');
          setTimeout(function () { el.classList.remove('flash'); }, 1500);
        });
        spans.appendChild(h('li', null, b));
      });
      ul.appendChild(h('li', { 'data-concept': c[0] }, h('span', { class: 'dot', style: sectionStyle(m.section) }), h('b', null, c[1]), ' ',
        h('code', null, c[0]), m.must ? [' ', h('em', { class: 'mustflag' }, 'must')] : null,
        counted ? null : h('span', { class: 'facts' }, ' \u00b7 not counted'),
        h('div', { class: 'facts' }, facts), spans));
    });
    return ul;
  }

  tbody.addEventListener('click', function (e) {
    var tr = e.target.closest('tr');
    if (!tr || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;  // new tab etc.
    e.preventDefault();
    go(tr.id);
  });
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape' && !panel.hidden) closePanel();
  });
  function fromHash() {
    var m = /^#(p\d+)$/.exec(location.hash);
    if (m && byId.has(m[1])) openPosting(m[1]);
    else if (!panel.hidden) closePanel();
  }
  window.addEventListener('hashchange', fromHash);
  applyLimit();
  fromHash();
  document.documentElement.dataset.ready = '1';
})();
)JS";

}  // namespace jobmatch
