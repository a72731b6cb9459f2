// The review page's behaviour: log in, list the records waiting for a
// decision, approve or reject them.  Every text from a record is put in
// with textContent, never as HTML.
'use strict';

const API = 'api/';
const IMAGE_LABELS = [
  ['id_photo', '身份证照片'],
  ['face', '现场人脸照片'],
  ['card_front', '身份证正面'],
  ['card_back', '身份证反面'],
];
let csrfToken = null;

function $(id) {
  return document.getElementById(id);
}

class ApiError extends Error {
  constructor(status, code, message, retryAfter) {
    super(message);
    this.status = status;
    this.code = code;
    this.retryAfter = retryAfter;
  }
}

async function call(method, path, body) {
  const headers = {};
  if (body !== undefined)
    headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken !== null)
    headers['X-Caiji-CSRF'] = csrfToken;
  const response = await fetch(API + path, {
    method,
    headers,
    body: body !== undefined ? JSON.stringify(body) : undefined,
    credentials: 'same-origin',
  });
  let answer = {};
  try {
    answer = await response.json();
  } catch (e) {
    answer = {};
  }
  if (!response.ok)
    throw new ApiError(response.status, answer.code, answer.message || '', response.headers.get('Retry-After'));
  return answer;
}

// Chinese wording for the hub's error codes; the hub's own message (in
// the server's language) is the fallback.
function explain(error) {
  if (!(error instanceof ApiError))
    return '无法连接中心服务器，请检查网络后重试。';
  switch (error.code) {
  case 'unauthorized':
    return '登录已过期，请重新登录。';
  case 'too_many_attempts': {
    const minutes = Math.max(1, Math.ceil(Number(error.retryAfter || 600) / 60));
    return `登录失败次数过多，已暂时锁定，请 ${minutes} 分钟后再试。`;
  }
  case 'forbidden':
    return '请求未通过安全校验，请刷新页面后重试。';
  case 'not_found':
    return '该记录已被审核或不存在，请刷新列表。';
  case 'bad_request':
    return '提交的内容不符合要求：' + error.message;
  case 'unavailable':
    return '中心服务器暂时不可用，请稍后重试。';
  default:
    return error.message || '操作失败，请重试。';
  }
}

function showLogin(message) {
  csrfToken = null;
  $('who').hidden = true;
  $('review').hidden = true;
  $('login').hidden = false;
  $('login-error').textContent = message || '';
  $('login-password').value = '';
  $('login-name').focus();
}

function showReview(session) {
  csrfToken = session.csrf;
  $('reviewer-name').textContent = '审核人：' + session.reviewer;
  $('login').hidden = true;
  $('who').hidden = false;
  $('review').hidden = false;
  loadRecords();
}

function addFact(list, term, value) {
  const dt = document.createElement('dt');
  const dd = document.createElement('dd');
  dt.textContent = term;
  dd.textContent = value === null || value === undefined || value === '' ? '—' : String(value);
  list.append(dt, dd);
}

function formatScore(value) {
  return typeof value === 'number' ? value.toFixed(2) : '—';
}

// What the reviewer should look at, worked out from the record and the roster.
function problemsOf(item) {
  const record = item.record || {};
  const roster = item.roster || {};
  const problems = [];
  if (roster.name === null)
    problems.push('名单中没有该学号。');
  if (typeof record.face_score === 'number' && typeof record.face_threshold === 'number' &&
      record.face_score < record.face_threshold)
    problems.push(`人脸比对分数 ${formatScore(record.face_score)} 低于阈值 ${formatScore(record.face_threshold)}。`);
  if (record.card_name && roster.name && record.card_name !== roster.name)
    problems.push(`证件识别姓名「${record.card_name}」与名单姓名「${roster.name}」不一致。`);
  if (record.card_id_number && roster.id_number && record.card_id_number !== roster.id_number)
    problems.push('证件识别号码与名单证件号不一致。');
  if (record.correction_note)
    problems.push('考生申请更正信息：' + record.correction_note);
  for (const change of record.history || []) {
    if (change.status === 'pending_review' && change.reason)
      problems.push('提交审核原因：' + change.reason);
  }
  return problems;
}

function addPhotos(container, item) {
  for (const [kind, label] of IMAGE_LABELS) {
    const figure = document.createElement('figure');
    const caption = document.createElement('figcaption');
    caption.textContent = label;
    if (item.images.includes(kind)) {
      const img = document.createElement('img');
      img.src = `${API}records/${encodeURIComponent(item.uuid)}/images/${kind}`;
      img.alt = label;
      img.className = 'photo-' + kind;
      figure.append(img);
    } else {
      caption.textContent = label + '（缺失）';
    }
    figure.append(caption);
    container.append(figure);
  }
}

function renderRecord(item) {
  const card = $('record-template').content.firstElementChild.cloneNode(true);
  const record = item.record || {};
  const roster = item.roster || {};
  card.dataset.uuid = item.uuid;
  card.querySelector('.student-name').textContent = roster.name || record.card_name || '（姓名未知）';
  card.querySelector('.student-no').textContent = '学号 ' + item.student_no;
  const facts = card.querySelector('.facts');
  addFact(facts, '证件号', roster.id_number || record.id_number);
  addFact(facts, '所属高校', roster.university);
  addFact(facts, '专业 / 年级', [roster.major, roster.grade].filter(Boolean).join(' / '));
  addFact(facts, '证件识别姓名', record.card_name);
  addFact(facts, '证件识别号码', record.card_id_number);
  addFact(facts, '人脸比对分数', `${formatScore(record.face_score)}（阈值 ${formatScore(record.face_threshold)}）`);
  addFact(facts, '采集终端', item.device);
  addFact(facts, '提交时间', item.received_at);
  addPhotos(card.querySelector('.photos'), item);
  const problems = card.querySelector('.problems');
  for (const text of problemsOf(item)) {
    const li = document.createElement('li');
    li.textContent = text;
    problems.append(li);
  }
  card.querySelector('.approve').addEventListener('click', () => decide(card, 'approved', ''));
  card.querySelector('.reject').addEventListener('click', () => {
    const reason = card.querySelector('.reason').value.trim();
    if (reason === '') {
      card.querySelector('.card-status').textContent = '驳回时必须填写原因。';
      card.querySelector('.reason').focus();
      return;
    }
    decide(card, 'rejected', reason);
  });
  return card;
}

async function decide(card, decision, reason) {
  const buttons = card.querySelectorAll('button');
  const status = card.querySelector('.card-status');
  buttons.forEach((b) => { b.disabled = true; });
  status.textContent = '正在提交…';
  try {
    await call('POST', `records/${encodeURIComponent(card.dataset.uuid)}/decision`, { decision, reason });
    card.classList.add(decision);
    card.querySelector('.reason').disabled = true;
    status.textContent = decision === 'approved' ? '已通过' : '已驳回：' + reason;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      showLogin(explain(error));
      return;
    }
    buttons.forEach((b) => { b.disabled = false; });
    status.textContent = explain(error);
  }
}

async function loadRecords() {
  $('review-message').textContent = '';
  try {
    const answer = await call('GET', 'records');
    const list = $('records');
    list.replaceChildren(...answer.records.map(renderRecord));
    $('count').textContent = `（${answer.records.length} 条）`;
    $('empty').hidden = answer.records.length > 0;
    list.dataset.loaded = 'true';
  } catch (error) {
    if (error instanceof ApiError && error.status === 401)
      showLogin(explain(error));
    else
      $('review-message').textContent = explain(error);
  }
}

async function logIn(event) {
  event.preventDefault();
  const name = $('login-name').value.trim();
  const password = $('login-password').value;
  if (name === '' || password === '') {
    $('login-error').textContent = '请输入用户名和密码。';
    return;
  }
  $('login-submit').disabled = true;
  $('login-error').textContent = '';
  try {
    showReview(await call('POST', 'login', { name, password }));
  } catch (error) {
    $('login-error').textContent =
      error instanceof ApiError && error.code === 'unauthorized' ? '用户名或密码错误。' : explain(error);
    $('login-password').value = '';
  } finally {
    $('login-submit').disabled = false;
  }
}

async function logOut() {
  try {
    await call('POST', 'logout');
  } catch (error) {
    // The session is gone either way once the page forgets the token.
  }
  showLogin('已退出登录。');
}

async function start() {
  $('login-form').addEventListener('submit', logIn);
  $('logout').addEventListener('click', logOut);
  $('refresh').addEventListener('click', loadRecords);
  try {
    showReview(await call('GET', 'session'));
  } catch (error) {
    showLogin('');
  }
}

document.addEventListener('DOMContentLoaded', start);
