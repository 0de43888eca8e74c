/*
 * The alumni page's survey view: what a survey's mailed link opens
 * (/api/liaison/app/survey?token=…). Plain ES2017, no library, like app.js beside it; no
 * sign-in: the link is the key. Two calls:
 *   GET /api/liaison/surveys/answer/:token?lang=…  → the questions in a language, one's answer so far
 *   PUT /api/liaison/surveys/answer/:token { answers } → stores (or replaces) one's answer
 */
(function () {
  'use strict';

  var script = document.currentScript || document.querySelector('script[src*="survey.js"]');
  var API = script.src.replace(/\/liaison\/app\/assets\/survey\.js.*$/, '');

  // The token: read from the link once, then kept for this tab only and taken out of the
  // address (history, screenshots, a Referer).
  var TOKEN_KEY = 'liaison.survey.token';
  var fromLink = new URLSearchParams(location.search).get('token');
  if (fromLink) {
    sessionStorage.setItem(TOKEN_KEY, fromLink);
    history.replaceState(null, '', location.pathname + location.hash);
  }
  var token = sessionStorage.getItem(TOKEN_KEY);

  var LANG_KEY = 'liaison.lang';
  /** The page's language: the person's choice on this page, else the survey's (the person's own, sent by the API). */
  var lang = localStorage.getItem(LANG_KEY) || '';

  var TEXT = {
    'zh-Hans': {
      app: '问卷调查', switchTo: 'EN', submit: '提交', update: '保存修改', saved: '已保存。截止前您可以随时回来修改答案。',
      closes: '截止时间', closed: '问卷已截止，答案不能再修改。', notOpen: '问卷尚未开始。', required: '必答',
      noToken: '链接不完整，请从邮件中重新打开。', loading: '加载中…', error: '出错了', fix: '请检查标出的题目。',
      yourAnswer: '您上次保存于', min: '最小', max: '最大',
    },
    en: {
      app: 'Survey', switchTo: '中文', submit: 'Submit', update: 'Save changes', saved: 'Saved. You can come back and change your answers until the survey closes.',
      closes: 'Closes', closed: 'The survey has closed: answers can no longer be changed.', notOpen: 'The survey has not opened yet.', required: 'required',
      noToken: 'The link is incomplete: open it again from the mail.', loading: 'Loading…', error: 'Something went wrong', fix: 'Please check the questions marked.',
      yourAnswer: 'You last saved on', min: 'min', max: 'max',
    },
  };
  var t = function (key) { return TEXT[lang === 'en' ? 'en' : 'zh-Hans'][key]; };

  async function api(method, path, body) {
    var headers = { Accept: 'application/json', 'Accept-Language': lang || 'zh-Hans' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    var res = await fetch(API + path, { method: method, headers: headers, body: body === undefined ? undefined : JSON.stringify(body) });
    var text = await res.text();
    var json = text && /json/.test(res.headers.get('Content-Type') || '') ? JSON.parse(text) : null;
    if (!res.ok) {
      var error = new Error(json && json.error && json.error.message ? json.error.message : t('error') + ' (' + res.status + ')');
      error.status = res.status;
      error.details = json && json.error && json.error.details && json.error.details.errors ? json.error.details.errors : [];
      throw error;
    }
    return json;
  }

  var main = document.getElementById('main');

  /** h('p', { class: 'x' }, 'text', child…): an element; text is always text, never HTML. */
  function h(tag, attrs) {
    var el = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (attrs[k] === true) el.setAttribute(k, '');
      else if (attrs[k] !== false && attrs[k] !== null && attrs[k] !== undefined) el.setAttribute(k, attrs[k]);
    });
    for (var i = 2; i < arguments.length; i++) {
      (Array.isArray(arguments[i]) ? arguments[i] : [arguments[i]]).forEach(function (c) {
        if (c === null || c === undefined || c === false) return;
        el.appendChild(typeof c === 'object' ? c : document.createTextNode(String(c)));
      });
    }
    return el;
  }
  var notice = function (text, kind) { return h('p', { class: 'notice ' + (kind || ''), role: kind === 'error' ? 'alert' : 'status' }, text); };
  var when = function (iso) {
    return iso ? new Date(iso).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', { dateStyle: 'medium', timeStyle: 'short' }) : '';
  };
  function show() {
    main.textContent = '';
    for (var i = 0; i < arguments.length; i++) if (arguments[i]) main.appendChild(arguments[i]);
  }

  /** One question as inputs: radio buttons, check boxes, a text area or a number field. */
  function questionBlock(q, value, locked) {
    var id = 'q-' + q.key;
    var legend = h('legend', null, q.label, q.required ? h('span', { class: 'muted' }, ' (' + t('required') + ')') : null);
    var body;
    if (q.kind === 'single' || q.kind === 'multiple') {
      var chosen = q.kind === 'multiple' ? (Array.isArray(value) ? value : []) : [value];
      body = q.options.map(function (o) {
        return h('label', { class: 'check' },
          h('input', { type: q.kind === 'single' ? 'radio' : 'checkbox', name: id, value: o.key, checked: chosen.indexOf(o.key) >= 0, disabled: locked }),
          h('span', null, o.label));
      });
    } else if (q.kind === 'number') {
      var range = [q.min !== undefined ? t('min') + ' ' + q.min : null, q.max !== undefined ? t('max') + ' ' + q.max : null].filter(Boolean).join(' · ');
      body = h('label', { class: 'field' }, range ? h('span', null, range) : null,
        h('input', { type: 'number', inputmode: 'decimal', step: 'any', name: id, min: q.min, max: q.max, value: value === undefined || value === null ? '' : value, disabled: locked }));
    } else {
      body = h('label', { class: 'field' }, h('textarea', { name: id, rows: 4, maxlength: 5000, disabled: locked }, value || ''));
    }
    return h('fieldset', { class: 'card question', 'data-question': q.key }, legend, body, h('div', { class: 'status' }));
  }

  /** What the form holds, as the API takes it: option keys, texts, numbers; blanks left out. */
  function answersOf(form, questions) {
    var answers = {};
    questions.forEach(function (q) {
      var inputs = form.querySelectorAll('[name="q-' + q.key + '"]');
      if (q.kind === 'single') {
        var on = Array.prototype.filter.call(inputs, function (i) { return i.checked; })[0];
        if (on) answers[q.key] = on.value;
      } else if (q.kind === 'multiple') {
        var keys = Array.prototype.filter.call(inputs, function (i) { return i.checked; }).map(function (i) { return i.value; });
        if (keys.length) answers[q.key] = keys;
      } else if (q.kind === 'number') {
        var n = inputs[0].value.trim();
        if (n !== '') answers[q.key] = Number(n);
      } else {
        var text = inputs[0].value.trim();
        if (text) answers[q.key] = text;
      }
    });
    return answers;
  }

  async function draw() {
    document.getElementById('lang').textContent = t('switchTo');
    if (!token) return show(h('h1', null, t('app')), notice(t('noToken'), 'error'));
    show(notice(t('loading')));
    var data;
    try {
      data = (await api('GET', '/liaison/surveys/answer/' + encodeURIComponent(token) + (lang ? '?lang=' + encodeURIComponent(lang) : ''))).data;
    } catch (err) {
      return show(h('h1', null, t('app')), notice(err.message, 'error'));
    }
    if (!lang) lang = data.language;
    document.documentElement.lang = lang;
    document.title = data.survey.title;
    document.getElementById('title').textContent = t('app');
    document.getElementById('lang').textContent = t('switchTo');
    var locked = data.survey.closed || !data.survey.open;
    var previous = data.answer ? data.answer.answers : {};
    var status = h('div', { class: 'status' });
    var submit = h('button', { type: 'submit', class: 'primary', disabled: locked }, data.answer ? t('update') : t('submit'));
    var form = h('form', { name: 'survey', novalidate: true },
      data.questions.map(function (q) { return questionBlock(q, previous[q.key], locked); }), status, locked ? null : submit);
    form.addEventListener('submit', async function (e) {
      e.preventDefault();
      status.textContent = '';
      Array.prototype.forEach.call(form.querySelectorAll('.question .status'), function (s) { s.textContent = ''; });
      submit.disabled = true;
      try {
        var saved = (await api('PUT', '/liaison/surveys/answer/' + encodeURIComponent(token), { answers: answersOf(form, data.questions) })).data;
        submit.textContent = t('update');
        status.appendChild(notice(t('saved') + ' (' + when(saved.updatedAt) + ')', 'ok'));
      } catch (err) {
        // A refused answer names its question (answers.<key>): the message goes beside it.
        var placed = 0;
        (err.details || []).forEach(function (d) {
          var key = d.path && d.path[0] === 'answers' ? d.path[1] : (/^answers\.(.+)$/.exec((d.path || []).join('.')) || [])[1];
          var block = key && form.querySelector('[data-question="' + key.replace(/"/g, '') + '"] .status');
          if (block) { block.appendChild(notice(d.message, 'error')); placed++; }
        });
        status.appendChild(notice(placed ? t('fix') : err.message, 'error'));
      } finally {
        submit.disabled = false;
      }
    });
    show(
      h('h1', null, data.survey.title),
      data.survey.intro ? h('p', { class: 'intro' }, data.survey.intro) : null,
      data.survey.closesAt ? h('p', { class: 'muted' }, t('closes') + ': ' + when(data.survey.closesAt)) : null,
      data.survey.closed ? notice(t('closed'), 'error') : !data.survey.open ? notice(t('notOpen')) : null,
      data.answer ? h('p', { class: 'muted' }, t('yourAnswer') + ' ' + when(data.answer.updatedAt)) : null,
      form
    );
  }

  document.getElementById('lang').addEventListener('click', function () {
    lang = lang === 'en' ? 'zh-Hans' : 'en';
    localStorage.setItem(LANG_KEY, lang);
    draw();
  });
  draw();
})();
