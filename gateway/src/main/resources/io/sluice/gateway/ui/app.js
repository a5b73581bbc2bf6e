'use strict';
// Sluice web UI: query history, statement detail, warehouses. Plain DOM code, no build step.
// Every value from the server is written with textContent, never as HTML.

const TOKEN_KEY = 'sluice.token';
const PAGE = 50;
const $ = (id) => document.getElementById(id);

const state = { timer: null, historyRequest: 0, historyRows: [], nextToken: null, pages: 1 };

function token() { return sessionStorage.getItem(TOKEN_KEY); }

class ApiError extends Error {
  constructor(status, body) {
    super((body && body.message) || ('HTTP ' + status));
    this.status = status;
  }
}

async function api(path, options = {}) {
  const response = await fetch(path, {
    ...options,
    headers: { 'Authorization': 'Bearer ' + token(), 'Content-Type': 'application/json' },
  });
  const body = await response.json().catch(() => ({}));
  if (response.status === 401) { signOut(); throw new ApiError(401, body); }
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'class') node.className = value;
    else if (name === 'text') node.textContent = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value);
  }
  for (const child of children) if (child != null) node.append(child);
  return node;
}

const SVG = 'http://www.w3.org/2000/svg';
function svg(tag, attributes = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text != null) node.textContent = text;
  return node;
}

function duration(ms) {
  if (ms == null) return '';
  if (ms < 1000) return ms + ' ms';
  if (ms < 60000) return (ms / 1000).toFixed(ms < 10000 ? 2 : 1) + ' s';
  const minutes = Math.floor(ms / 60000);
  return minutes + ' min ' + Math.round((ms % 60000) / 1000) + ' s';
}
function time(ms) { return ms ? new Date(ms).toLocaleString() : ''; }
function count(n) { return n == null ? '' : Number(n).toLocaleString(); }
function statusPill(status) { return el('span', { class: 'status ' + status, text: status }); }
function elapsed(row) {
  return row.query_end_time_ms ? row.duration : Math.max(0, Date.now() - row.query_start_time_ms);
}

// ---- routing --------------------------------------------------------------------------------

function show(view) {
  for (const id of ['sign-in-view', 'history-view', 'statement-view', 'warehouses-view']) {
    $(id).hidden = id !== view;
  }
  $('bar').hidden = view === 'sign-in-view';
  for (const link of document.querySelectorAll('[data-nav]')) {
    link.classList.toggle('active', view.startsWith(link.dataset.nav));
  }
}

function poll(work, everyMs) {
  clearInterval(state.timer);
  work();
  state.timer = setInterval(work, everyMs);
}

function route() {
  clearInterval(state.timer);
  if (!token()) { show('sign-in-view'); $('token').focus(); return; }
  const hash = location.hash || '#/history';
  const statement = hash.match(/^#\/statement\/([\w-]+)$/);
  if (statement) { show('statement-view'); poll(() => loadStatement(statement[1]), 1000); }
  else if (hash === '#/warehouses') { show('warehouses-view'); poll(loadWarehouses, 2000); }
  else { show('history-view'); state.pages = 1; poll(refreshHistory, 2000); }
}

// ---- sign in --------------------------------------------------------------------------------

async function signIn(event) {
  event.preventDefault();
  const value = $('token').value.trim();
  $('sign-in-error').hidden = true;
  try {
    const response = await fetch('/api/2.0/sql/history/queries?max_results=1',
      { headers: { 'Authorization': 'Bearer ' + value } });
    if (response.status === 401) throw new Error('That token is not valid.');
    if (!response.ok) throw new Error('The gateway answered ' + response.status + '.');
    sessionStorage.setItem(TOKEN_KEY, value);
    $('token').value = '';
    location.hash = '#/history';
    route();
  } catch (error) {
    $('sign-in-error').textContent = error.message;
    $('sign-in-error').hidden = false;
  }
}

function signOut() {
  sessionStorage.removeItem(TOKEN_KEY);
  clearInterval(state.timer);
  show('sign-in-view');
}

// ---- history --------------------------------------------------------------------------------

function historyQuery(pageToken, size) {
  const query = new URLSearchParams({ max_results: String(size), include_metrics: 'true' });
  const text = $('search').value.trim();
  if (text) query.set('filter_by.statement_text', text);
  if ($('status-filter').value) query.set('filter_by.statuses', $('status-filter').value);
  if ($('user-filter').value.trim()) query.set('filter_by.user_ids', $('user-filter').value.trim());
  if ($('range-filter').value) {
    query.set('filter_by.query_start_time_range.start_time_ms',
      String(Date.now() - Number($('range-filter').value)));
  }
  if (pageToken) query.set('page_token', pageToken);
  return '/api/2.0/sql/history/queries?' + query;
}

async function refreshHistory() {
  // Answers can arrive out of order (a poll started before the filter changed): keep the newest.
  const request = ++state.historyRequest;
  try {
    const body = await api(historyQuery(null, Math.min(1000, PAGE * state.pages)));
    if (request !== state.historyRequest) return;
    state.historyRows = body.res || [];
    state.nextToken = body.next_page_token || null;
    renderHistory();
    loadChart();
  } catch (error) { if (error.status !== 401) console.warn(error); }
}

async function loadMore() {
  if (!state.nextToken) return;
  const request = ++state.historyRequest;
  const body = await api(historyQuery(state.nextToken, PAGE));
  if (request !== state.historyRequest) return;
  state.pages += 1;
  state.historyRows = state.historyRows.concat(body.res || []);
  state.nextToken = body.next_page_token || null;
  renderHistory();
}

// Rows are kept by statement id and updated in place, so a poll never replaces the row (or the
// button) under the pointer.
const historyRowsById = new Map();

function historyRow(row) {
  let tr = historyRowsById.get(row.query_id);
  if (!tr) {
    const cancelButton = el('button', { class: 'danger small', type: 'button', text: 'Cancel',
      onclick: (event) => { event.stopPropagation(); cancel(row.query_id); } });
    tr = el('tr', { 'data-id': row.query_id,
        onclick: () => { location.hash = '#/statement/' + row.query_id; } },
      el('td', {}), el('td', { class: 'sql' }), el('td'), el('td'),
      el('td', { class: 'num' }), el('td', { class: 'num' }), el('td', {}, cancelButton));
    historyRowsById.set(row.query_id, tr);
  }
  const cells = tr.children;
  if (tr.dataset.status !== row.status) {
    tr.dataset.status = row.status;
    cells[0].replaceChildren(statusPill(row.status));
  }
  setText(cells[1], row.query_text);
  cells[1].title = row.query_text;
  setText(cells[2], row.user_name);
  setText(cells[3], time(row.query_start_time_ms));
  setText(cells[4], duration(elapsed(row)));
  setText(cells[5], count(row.rows_produced));
  cells[6].firstChild.hidden = row.status !== 'RUNNING';
  return tr;
}

function setText(node, text) {
  if (node.textContent !== text) node.textContent = text;
}

function renderHistory() {
  const body = $('history-rows');
  const rows = state.historyRows.map(historyRow);
  const wanted = new Set(rows);
  for (const [id, tr] of historyRowsById) {
    if (!wanted.has(tr)) { tr.remove(); historyRowsById.delete(id); }
  }
  const inOrder = rows.length === body.children.length && rows.every((tr, index) => body.children[index] === tr);
  if (!inOrder) body.replaceChildren(...rows);
  $('history-empty').hidden = rows.length > 0;
  $('more').hidden = !state.nextToken;
}

async function cancel(id) {
  try {
    await api('/api/2.0/sql/statements/' + encodeURIComponent(id) + '/cancel',
      { method: 'POST', body: '{}' });
    notice('Cancel requested.');
  } catch (error) { notice('Cannot cancel: ' + error.message, true); }
  route();
}

function notice(text, isError) {
  const box = $('notice');
  box.textContent = text;
  box.className = 'notice' + (isError ? ' bad' : '');
  box.hidden = false;
  clearTimeout(notice.timer);
  notice.timer = setTimeout(() => { box.hidden = true; }, 4000);
}

// Throughput (bars per bucket, failed in red) and average duration (line) for the chosen range.
async function loadChart() {
  const range = Number($('range-filter').value || 86400000);
  const end = Date.now();
  const bucket = Math.max(60000, Math.ceil(range / 60 / 60000) * 60000);
  const start = end - 60 * bucket;
  let body;
  try {
    body = await api('/api/2.0/sluice/history/throughput?start_time_ms=' + start +
      '&end_time_ms=' + end + '&bucket_ms=' + bucket);
  } catch (error) { return; }
  const width = 1000, height = 150, left = 36, right = 72, top = 10, bottom = 22;
  const buckets = new Map(body.buckets.map((b) => [b.start_time_ms, b]));
  const all = [];
  for (let at = start; at < end; at += bucket) all.push(buckets.get(at) || { start_time_ms: at, statements: 0, failed: 0, average_duration_ms: 0 });
  const maxCount = Math.max(1, ...all.map((b) => b.statements));
  const maxLatency = Math.max(1, ...all.map((b) => b.average_duration_ms));
  const plotWidth = width - left - right, plotHeight = height - top - bottom;
  const barWidth = plotWidth / all.length;
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, preserveAspectRatio: 'none', role: 'img',
    'aria-label': 'Statements and average duration over time' });
  chart.append(svg('line', { class: 'grid', x1: left, x2: width - right, y1: top + plotHeight, y2: top + plotHeight }));
  chart.append(svg('text', { class: 'axis', x: 4, y: top + 8 }, String(maxCount)));
  chart.append(svg('text', { class: 'axis', x: width - right + 4, y: top + 8 }, duration(maxLatency)));
  const points = [];
  all.forEach((b, index) => {
    const x = left + index * barWidth;
    const h = (b.statements / maxCount) * plotHeight;
    const failedHeight = (b.failed / maxCount) * plotHeight;
    if (b.statements === 0) return;
    const bar = svg('rect', { class: 'bar', x: x + 1, y: top + plotHeight - h, width: Math.max(1, barWidth - 2), height: h, fill: '#0f4c5c', opacity: 0.85 });
    bar.append(svg('title', {}, `${time(b.start_time_ms)}: ${b.statements} statements, ${b.failed} failed, average ${duration(b.average_duration_ms)}`));
    chart.append(bar);
    if (failedHeight > 0) chart.append(svg('rect', { x: x + 1, y: top + plotHeight - failedHeight, width: Math.max(1, barWidth - 2), height: failedHeight, fill: '#c2413b' }));
    if (b.statements > 0) points.push(`${x + barWidth / 2},${top + plotHeight - (b.average_duration_ms / maxLatency) * plotHeight}`);
  });
  if (points.length > 1) chart.append(svg('polyline', { points: points.join(' '), fill: 'none', stroke: '#d9b44a', 'stroke-width': 2 }));
  chart.append(svg('text', { class: 'axis', x: left, y: height - 6 }, new Date(start).toLocaleTimeString()));
  chart.append(svg('text', { class: 'axis', x: width - right, y: height - 6, 'text-anchor': 'end' }, 'now'));
  $('chart').replaceChildren(chart);
}

// ---- statement ------------------------------------------------------------------------------

async function loadStatement(id) {
  let body;
  try {
    body = await api('/api/2.0/sql/history/queries?include_metrics=true&filter_by.statement_ids=' + encodeURIComponent(id));
  } catch (error) { return; }
  const row = (body.res || [])[0];
  $('statement-id').textContent = id;
  if (!row) {
    $('statement-status').replaceChildren();
    $('statement-facts').replaceChildren(el('p', { class: 'muted', text: 'No such statement, or it is not yours.' }));
    return;
  }
  $('statement-status').replaceChildren(statusPill(row.status));
  $('statement-status').dataset.status = row.status;
  $('statement-cancel').hidden = row.status !== 'RUNNING';
  $('statement-cancel').onclick = () => cancel(row.query_id);
  const metrics = row.metrics || {};
  const facts = [
    ['User', row.user_name], ['Warehouse', row.warehouse_id], ['Engine', row.engine_id || '–'],
    ['Client', [row.client_driver_name, row.client_driver_version].filter(Boolean).join(' ') || row.channel_used],
    ['Application', row.client_application || '–'], ['Interface', row.channel_used],
    ['Started', time(row.query_start_time_ms)], ['Ended', time(row.query_end_time_ms) || '–'],
    ['Duration', duration(elapsed(row))], ['Rows', count(row.rows_produced)],
    ['Bytes', count(metrics.network_sent_bytes)], ['From cache', metrics.result_from_cache ? 'yes' : 'no'],
  ];
  if (row.sql_state) facts.push(['SQLSTATE', row.sql_state]);
  $('statement-facts').replaceChildren(...facts.map(([name, value]) =>
    el('div', {}, el('dt', { text: name }), el('dd', { text: value == null ? '' : String(value) }))));
  $('statement-error').hidden = !row.error_message;
  $('statement-error').textContent = row.error_message || '';
  $('statement-sql').textContent = row.query_text;
  const showRewritten = 'rewritten_query_text' in row;
  $('rewritten').hidden = !showRewritten;
  $('statement-rewritten').textContent = showRewritten ? row.rewritten_query_text : '';
  renderTimeline(row, metrics);
}

function renderTimeline(row, metrics) {
  const phases = [
    ['queued', 'Queued', metrics.queued_time_ms || 0],
    ['planning', 'Planning and authorizing', metrics.compilation_time_ms || 0],
    ['executing', 'Executing', row.status === 'RUNNING' ? Math.max(metrics.execution_time_ms || 0, elapsed(row) - (metrics.queued_time_ms || 0) - (metrics.compilation_time_ms || 0)) : metrics.execution_time_ms || 0],
    ['fetching', 'Fetching', metrics.result_fetch_time_ms || 0],
  ];
  const total = Math.max(1, phases.reduce((sum, phase) => sum + phase[2], 0));
  const width = 1000, barTop = 8, barHeight = 30;
  const chart = svg('svg', { viewBox: `0 0 ${width} 92`, preserveAspectRatio: 'none', role: 'img', 'aria-label': 'Phase timeline' });
  let x = 0;
  phases.forEach(([key, label, ms], index) => {
    const w = (ms / total) * width;
    if (w > 0) {
      const rect = svg('rect', { class: 'phase-' + key, x, y: barTop, width: Math.max(w, 2), height: barHeight, rx: 3 });
      rect.append(svg('title', {}, `${label}: ${duration(ms)}`));
      chart.append(rect);
    }
    const legendX = index * (width / 4);
    chart.append(svg('rect', { class: 'phase-' + key, x: legendX, y: 56, width: 10, height: 10, rx: 2 }));
    chart.append(svg('text', { class: 'label', x: legendX + 16, y: 65 }, label));
    chart.append(svg('text', { class: 'muted-label', x: legendX + 16, y: 82 }, duration(ms)));
    x += w;
  });
  $('timeline').replaceChildren(chart);
}

// ---- warehouses -----------------------------------------------------------------------------

async function loadWarehouses() {
  let body;
  try { body = await api('/api/2.0/sluice/warehouse-activity'); } catch (error) { return; }
  $('warehouses').replaceChildren(...body.warehouses.map((warehouse) =>
    el('section', { class: 'card', 'data-warehouse': warehouse.id },
      el('div', { class: 'section-head' }, el('h2', { text: warehouse.name + ' ' }), el('code', { text: warehouse.id })),
      el('div', { class: 'warehouse' },
        el('div', {}, el('div', { class: 'muted', text: 'State' }),
          el('div', { class: 'big state ' + warehouse.state, text: warehouse.state })),
        el('div', {}, el('div', { class: 'muted', text: 'Engines' }),
          el('div', { class: 'big', text: String(warehouse.engines.length) }),
          el('ul', {}, ...warehouse.engines.map((engine) =>
            el('li', { text: `${engine.id} · ${engine.state} · pid ${engine.pid}` })))),
        el('div', {}, el('div', { class: 'muted', text: 'Running' }),
          el('div', { class: 'big', 'data-count': 'running', text: String(warehouse.running_statements) })),
        el('div', {}, el('div', { class: 'muted', text: 'Queued' }),
          el('div', { class: 'big', 'data-count': 'queued', text: String(warehouse.queued_statements) }))))));
}

// ---- start ----------------------------------------------------------------------------------

document.addEventListener('DOMContentLoaded', () => {
  $('sign-in-form').addEventListener('submit', signIn);
  $('sign-out').addEventListener('click', signOut);
  $('more').addEventListener('click', loadMore);
  let debounce;
  const refilter = () => { clearTimeout(debounce); debounce = setTimeout(() => { state.pages = 1; refreshHistory(); }, 200); };
  for (const id of ['search', 'user-filter']) $(id).addEventListener('input', refilter);
  for (const id of ['status-filter', 'range-filter']) $(id).addEventListener('change', refilter);
  $('filters').addEventListener('submit', (event) => event.preventDefault());
  window.addEventListener('hashchange', route);
  route();
});
