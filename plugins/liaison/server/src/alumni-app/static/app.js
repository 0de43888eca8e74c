/*
 * The alumni page: plain ES2017, no build step, no library. It runs in phone browsers and in
 * WeChat's built-in browser, and shows website developers the alumni API in use: every call
 * below is one `api(...)` line with the method, the path and the body.
 *
 * Views (the part of the address after #): claim, signin, forgot, me, events, registrations;
 * liaisons' views come from static/liaison.js (window.alumniPage, at the end).
 * A mailed link opens /api/liaison/app/activate?token=… or /reset?token=…: the activate and
 * reset views, which post the token with the new password.
 */
(function () {
  'use strict';

  // ---------------------------------------------------------------- where the API is
  // The script is served at <API>/liaison/app/assets/app.js: the API is what comes before,
  // whatever prefix a proxy puts in front.
  var script = document.currentScript || document.querySelector('script[src*="app.js"]');
  var API = script.src.replace(/\/liaison\/app\/assets\/app\.js.*$/, '');

  // ---------------------------------------------------------------- the sign-in (JWT)
  // Kept in sessionStorage, not localStorage: alumni often use a shared or borrowed phone and
  // WeChat's browser, and a token that ends with the tab is not left for the next person. The
  // price is signing in again after closing the page.
  var TOKEN_KEY = 'liaison.jwt';
  var jwt = function () { return sessionStorage.getItem(TOKEN_KEY); };
  var signedIn = function (token) { sessionStorage.setItem(TOKEN_KEY, token); };
  var signOut = function () { sessionStorage.removeItem(TOKEN_KEY); };

  // ---------------------------------------------------------------- language
  // From the browser the first time, then the person's choice, remembered (localStorage: it is
  // not personal data).
  var LANG_KEY = 'liaison.lang';
  var lang = localStorage.getItem(LANG_KEY) ||
    (/^zh/i.test(navigator.language || '') ? 'zh-Hans' : 'en');

  var TEXT = {
    'zh-Hans': {
      app: '校友之家', switchTo: 'EN', claim: '开通账号', signin: '登录', signout: '退出', forgot: '忘记密码',
      me: '我的信息', events: '近期活动', registrations: '我的报名',
      name: '姓名', studentNo: '学号', email: '邮箱', password: '密码', passwordAgain: '再次输入密码',
      claimHelp: '请填写姓名，以及学号或在校友会登记的邮箱。我们会把开通链接发到登记的邮箱。',
      claimSent: '如信息与我们的记录相符，开通链接已发送到您登记的邮箱，24 小时内有效。',
      forgotHelp: '填写账号邮箱，我们会发送重置密码的链接。', forgotSent: '如此邮箱有账号，重置链接已发送，1 小时内有效。',
      send: '发送', activate: '设置密码并开通', activateHelp: '请设置密码：至少 10 个字符，包含字母、数字或符号中的两种。',
      reset: '设置新密码', mismatch: '两次输入的密码不一致', noToken: '链接不完整，请从邮件中重新打开。',
      identifier: '邮箱', phone: '手机', wechat: '微信', city: '城市', employer: '工作单位', jobTitle: '职务',
      language: '通知语言', contactConsent: '同意校友会与我联系', publishConsent: '同意在校友网站公开我的姓名',
      save: '保存', saved: '已保存', cohort: '班级', noEvents: '暂无可报名的活动', signUp: '报名', cancel: '取消报名',
      cancelled: '已取消', registered: '已报名', waiting: '候补第 {n} 位', showCode: '签到时出示此二维码',
      noRegistrations: '您还没有报名活动', venue: '地点', online: '线上', loading: '加载中…', signinFirst: '请先登录',
      guests: '同行人数', myData: '我的数据', exportPdf: '下载我的数据（PDF）', exportJson: '下载我的数据（JSON）',
      deleteAccount: '注销账号', deleteHelp: '注销只删除登录账号，校友会的校友记录保留。', confirmDelete: '确定注销账号？注销后需重新开通才能登录。', deleted: '账号已注销。',
      confirmCancel: '确定取消报名？', badSignIn: '邮箱或密码不正确', haveAccount: '已有账号？登录', noAccount: '还没有账号？开通', error: '出错了',
    },
    en: {
      app: 'Alumni', switchTo: '中文', claim: 'Open an account', signin: 'Sign in', signout: 'Sign out', forgot: 'Forgot password',
      me: 'My record', events: 'Events', registrations: 'My sign-ups',
      name: 'Name', studentNo: 'Student number', email: 'E-mail', password: 'Password', passwordAgain: 'Password again',
      claimHelp: 'Your name, and your student number or the e-mail address the alumni office has. We mail the link to open your account to that address.',
      claimSent: 'If this matches our records, a link to open your account is on its way to the address we have. It works for 24 hours.',
      forgotHelp: 'The e-mail address of your account: we mail you a link to choose a new password.', forgotSent: 'If there is an account with this address, a link is on its way. It works for an hour.',
      send: 'Send', activate: 'Choose password and open', activateHelp: 'Choose a password: at least 10 characters, two kinds of letters, digits or signs.',
      reset: 'Choose new password', mismatch: 'The two passwords differ', noToken: 'The link is incomplete: open it again from the mail.',
      identifier: 'E-mail', phone: 'Phone', wechat: 'WeChat', city: 'City', employer: 'Employer', jobTitle: 'Job title',
      language: 'Language of mails', contactConsent: 'The alumni office may contact me', publishConsent: 'My name may appear on the alumni website',
      save: 'Save', saved: 'Saved', cohort: 'Class', noEvents: 'No events to sign up for at the moment', signUp: 'Sign up', cancel: 'Cancel',
      cancelled: 'Cancelled', registered: 'Signed up', waiting: 'Waiting list, number {n}', showCode: 'Show this code at the door',
      noRegistrations: 'You have not signed up for any event', venue: 'Venue', online: 'Online', loading: 'Loading…', signinFirst: 'Please sign in first',
      guests: 'Guests coming with you', myData: 'My data', exportPdf: 'Download my data (PDF)', exportJson: 'Download my data (JSON)',
      deleteAccount: 'Delete my account', deleteHelp: 'This deletes your sign-in only: the alumni office keeps your alumni record.', confirmDelete: 'Delete your account? You would have to open it again to sign in.', deleted: 'Your account is deleted.',
      confirmCancel: 'Cancel this sign-up?', badSignIn: 'Wrong e-mail address or password', haveAccount: 'Have an account? Sign in', noAccount: 'No account yet? Open one', error: 'Something went wrong',
    },
  };
  var t = function (key, n) { return String(TEXT[lang][key]).replace('{n}', n); };

  // ---------------------------------------------------------------- calling the API
  /**
   * One call: JSON in and out, the JWT when signed in, answers in the page's language. A
   * failed call throws an Error whose message is the API's own (it names the field and why).
   */
  /**
   * The reads of the view being drawn: a view asked for while another still loads aborts the
   * other's reads, so that the one drawn last is the one asked for last (route()).
   */
  var viewLoads = new AbortController();

  async function api(method, path, body) {
    var headers = { 'Accept-Language': lang, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (jwt()) headers.Authorization = 'Bearer ' + jwt();
    var signal = method === 'GET' ? viewLoads.signal : undefined;
    var res = await fetch(API + path, { method: method, headers: headers, body: body === undefined ? undefined : JSON.stringify(body), signal: signal });
    if (res.status === 401) { signOut(); }
    var text = await res.text();
    var json = text && /json/.test(res.headers.get('Content-Type') || '') ? JSON.parse(text) : null;
    if (!res.ok) {
      var message = json && json.error && json.error.message ? json.error.message : t('error') + ' (' + res.status + ')';
      var error = new Error(message);
      error.status = res.status;
      throw error;
    }
    return json;
  }

  // ---------------------------------------------------------------- drawing
  var main = document.getElementById('main');

  /** h('p', { class: 'x' }, 'text', child, [children]…): an element; text is always text, never HTML. */
  function h(tag, attrs) {
    var el = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'on') Object.keys(attrs.on).forEach(function (ev) { el.addEventListener(ev, attrs.on[ev]); });
      else if (attrs[k] === true) el.setAttribute(k, '');
      else if (attrs[k] !== false && attrs[k] !== null && attrs[k] !== undefined) el.setAttribute(k, attrs[k]);
    });
    var add = function (c) {
      if (c === null || c === undefined || c === false) return;
      if (Array.isArray(c)) c.forEach(add);
      else el.appendChild(typeof c === 'object' ? c : document.createTextNode(String(c)));
    };
    for (var i = 2; i < arguments.length; i++) add(arguments[i]);
    return el;
  }

  function show() {
    main.textContent = '';
    for (var i = 0; i < arguments.length; i++) if (arguments[i]) main.appendChild(arguments[i]);
    main.focus();
  }

  var notice = function (text, kind) { return h('p', { class: 'notice ' + (kind || ''), role: kind === 'error' ? 'alert' : 'status' }, text); };

  /** A labelled input. */
  function field(name, label, type, value, extra) {
    var input = h('input', Object.assign({ id: 'f-' + name, name: name, type: type || 'text', value: value == null ? '' : value }, extra || {}));
    return h('label', { class: 'field', for: 'f-' + name }, h('span', null, label), input);
  }

  function checkbox(name, label, checked) {
    return h('label', { class: 'check' }, h('input', { type: 'checkbox', name: name, checked: !!checked }), h('span', null, label));
  }

  /** A form whose submit runs `act(values)`; its error (the API's message) is shown above the button. */
  function form(name, children, button, act) {
    var status = h('div', { class: 'status' });
    var submit = h('button', { type: 'submit', class: 'primary' }, button);
    var el = h('form', { name: name, novalidate: true }, status);
    children.forEach(function (c) { el.insertBefore(c, status); });
    el.appendChild(submit);
    el.addEventListener('submit', async function (e) {
      e.preventDefault();
      var values = {};
      Array.prototype.forEach.call(el.elements, function (i) {
        if (i.name) values[i.name] = i.type === 'checkbox' ? i.checked : i.value.trim();
      });
      status.textContent = '';
      submit.disabled = true;
      try {
        await act(values, status);
      } catch (err) {
        status.appendChild(notice(err.message, 'error'));
      } finally {
        submit.disabled = false;
      }
    });
    return el;
  }

  var when = function (iso) {
    return iso ? new Date(iso).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', { dateStyle: 'medium', timeStyle: 'short' }) : '';
  };
  var link = function (view, text) { return h('a', { href: '#' + view }, text); };

  // ---------------------------------------------------------------- views
  var views = {};

  /** Claim: POST /api/liaison/account/claim { name, studentNo | email } → 202 whatever it finds. */
  views.claim = function () {
    show(
      h('h1', null, t('claim')),
      h('p', null, t('claimHelp')),
      form('claim', [field('name', t('name'), 'text', '', { autocomplete: 'name', required: true }), field('studentNo', t('studentNo')), field('email', t('email'), 'email', '', { autocomplete: 'email' })], t('send'), async function (v, status) {
        var body = { name: v.name };
        if (v.studentNo) body.studentNo = v.studentNo;
        if (v.email) body.email = v.email;
        await api('POST', '/liaison/account/claim', body);
        status.appendChild(notice(t('claimSent'), 'ok'));
      }),
      h('p', null, link('signin', t('haveAccount')))
    );
  };

  /** A mailed link's token: read once, then taken out of the address (history, screenshots). */
  var linkToken = new URLSearchParams(location.search).get('token');
  if (linkToken) history.replaceState(null, '', location.pathname + location.hash);

  /** Activate (claim or invitation) and reset: POST /api/liaison/account/activate | reset { token, password } → { jwt }. */
  var choosePassword = function (path, titleKey) {
    return function () {
      var title = t(titleKey);
      if (!linkToken) return show(h('h1', null, title), notice(t('noToken'), 'error'));
      show(
        h('h1', null, title),
        h('p', null, t('activateHelp')),
        form('password', [
          field('password', t('password'), 'password', '', { autocomplete: 'new-password' }),
          field('again', t('passwordAgain'), 'password', '', { autocomplete: 'new-password' }),
        ], title, async function (v) {
          if (v.password !== v.again) throw new Error(t('mismatch'));
          var done = await api('POST', path, { token: linkToken, password: v.password });
          signedIn(done.jwt);
          linkToken = null;
          go('events');
        })
      );
    };
  };
  views.activate = choosePassword('/liaison/account/activate', 'activate');
  views.reset = choosePassword('/liaison/account/reset', 'reset');

  /** Sign in: users-permissions' POST /api/auth/local { identifier, password } → { jwt }. */
  views.signin = function () {
    show(
      h('h1', null, t('signin')),
      form('signin', [field('identifier', t('identifier'), 'email', '', { autocomplete: 'username' }), field('password', t('password'), 'password', '', { autocomplete: 'current-password' })], t('signin'), async function (v) {
        // users-permissions answers its refusal in English only: the page says it in its language.
        var done = await api('POST', '/auth/local', { identifier: v.identifier, password: v.password }).catch(function (err) {
          throw err.status === 400 ? new Error(t('badSignIn')) : err;
        });
        signedIn(done.jwt);
        go('events');
      }),
      h('p', null, link('forgot', t('forgot'))),
      h('p', null, link('claim', t('noAccount')))
    );
  };

  /** Forgotten password: POST /api/liaison/account/forgot { email } → 202. */
  views.forgot = function () {
    show(
      h('h1', null, t('forgot')),
      h('p', null, t('forgotHelp')),
      form('forgot', [field('email', t('email'), 'email', '', { autocomplete: 'email' })], t('send'), async function (v, status) {
        await api('POST', '/liaison/account/forgot', { email: v.email });
        status.appendChild(notice(t('forgotSent'), 'ok'));
      })
    );
  };

  /** My record and consents: GET /api/liaison/me, PUT /api/liaison/me { phone, …, contactConsent, publishConsent }. */
  views.me = async function () {
    var me = (await api('GET', '/liaison/me')).data;
    var text = function (name, type) { return field(name, t(name), type, me[name]); };
    var language = h('select', { name: 'language', id: 'f-language' },
      h('option', { value: 'zh-Hans', selected: me.language !== 'en' }, '中文'),
      h('option', { value: 'en', selected: me.language === 'en' }, 'English'));
    show(
      h('h1', null, me.name),
      me.cohort ? h('p', { class: 'muted' }, t('cohort') + ': ' + (me.cohort.name || me.cohort)) : null,
      form('me', [
        text('email', 'email'), text('phone', 'tel'), text('wechat'), text('city'), text('employer'), text('jobTitle'),
        h('label', { class: 'field', for: 'f-language' }, h('span', null, t('language')), language),
        checkbox('contactConsent', t('contactConsent'), me.contactConsent),
        checkbox('publishConsent', t('publishConsent'), me.publishConsent),
      ], t('save'), async function (v, status) {
        // Only what changed: PUT /me refuses a body that changes nothing.
        var changes = {};
        Object.keys(v).forEach(function (k) {
          var before = typeof v[k] === 'boolean' ? !!me[k] : (me[k] == null ? '' : String(me[k]));
          if (v[k] !== before) changes[k] = v[k];
        });
        if (Object.keys(changes).length) me = (await api('PUT', '/liaison/me', changes)).data;
        status.appendChild(notice(t('saved'), 'ok'));
      }),
      h('h2', null, t('myData')),
      h('div', { class: 'row' }, exportButton('pdf', t('exportPdf')), exportButton('json', t('exportJson'))),
      h('p', { class: 'muted' }, t('deleteHelp')),
      h('button', { type: 'button', class: 'secondary danger', on: { click: async function (ev) {
        if (!window.confirm(t('confirmDelete'))) return;
        try {
          await api('DELETE', '/liaison/me');
          signOut();
          drawChrome();
          show(h('h1', null, t('deleteAccount')), notice(t('deleted'), 'ok'), h('p', null, link('claim', t('noAccount'))));
        } catch (err) { ev.target.parentNode.insertBefore(notice(err.message, 'error'), ev.target); }
      } } }, t('deleteAccount'))
    );
  };

  /** Everything held about me, as a file: GET /api/liaison/me/export?format=pdf|json, saved by the browser. */
  var exportButton = function (format, label) {
    return h('button', { type: 'button', class: 'secondary', 'data-export': format, on: { click: async function (ev) {
      ev.target.disabled = true;
      try {
        var res = await fetch(API + '/liaison/me/export?format=' + format, { headers: { Authorization: 'Bearer ' + jwt(), 'Accept-Language': lang } });
        if (!res.ok) throw new Error(t('error') + ' (' + res.status + ')');
        var url = URL.createObjectURL(await res.blob());
        var a = h('a', { href: url, download: 'my-alumni-data.' + format });
        document.body.appendChild(a);
        a.click();
        a.remove();
        setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
      } catch (err) { ev.target.parentNode.insertBefore(notice(err.message, 'error'), ev.target); }
      ev.target.disabled = false;
    } } }, label);
  };

  /** My sign-ups, by event: GET /api/liaison/me/registrations (cancelled ones left out). */
  async function mySignUps() {
    var rows = (await api('GET', '/liaison/me/registrations')).data;
    return rows.filter(function (r) { return r.status === 'registered' || r.status === 'waiting'; });
  }

  var statusText = function (r) { return r.status === 'waiting' ? t('waiting', r.position) : t('registered'); };

  /** Cancel: DELETE /api/liaison/registrations/:documentId. */
  var cancelButton = function (registration) {
    return h('button', { type: 'button', class: 'secondary', on: { click: async function () {
      if (!window.confirm(t('confirmCancel'))) return;
      try {
        await api('DELETE', '/liaison/registrations/' + registration.documentId);
        route();
      } catch (err) { window.alert(err.message); }
    } } }, t('cancel'));
  };

  /**
   * Upcoming events: the website's public GET /api/events?timeframe=upcoming (published only),
   * in the page's language; sign up with POST /api/liaison/events/:documentId/registrations.
   */
  views.events = async function () {
    var query = '?timeframe=upcoming&locale=' + encodeURIComponent(lang) + '&pagination[pageSize]=50';
    var results = await Promise.all([api('GET', '/events' + query), mySignUps()]);
    var events = results[0].data;
    var mine = {};
    results[1].forEach(function (r) { mine[r.event.documentId] = r; });
    var list = events.map(function (e) {
      var r = mine[e.documentId];
      var guests = h('select', { name: 'guests', id: 'g-' + e.documentId },
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(function (n) { return h('option', { value: String(n) }, String(n)); }));
      var act = r
        ? h('div', { class: 'row' }, h('span', { class: 'badge ' + r.status }, statusText(r)), cancelButton(r))
        : h('div', { class: 'row' },
            h('label', { class: 'inline', for: 'g-' + e.documentId }, t('guests'), guests),
            h('button', { type: 'button', class: 'primary', on: { click: async function (ev) {
              ev.target.disabled = true;
              try {
                await api('POST', '/liaison/events/' + e.documentId + '/registrations', { guests: Number(guests.value) });
                go('registrations');
              } catch (err) {
                ev.target.disabled = false;
                ev.target.parentNode.insertBefore(notice(err.message, 'error'), ev.target);
              }
            } } }, t('signUp')));
      return h('li', { class: 'card', 'data-event': e.documentId },
        h('h2', null, e.title),
        h('p', { class: 'muted' }, when(e.startsAt)),
        e.venue ? h('p', null, t('venue') + ': ' + e.venue) : null,
        e.onlineUrl ? h('p', null, t('online')) : null,
        act);
    });
    show(h('h1', null, t('events')), list.length ? h('ul', { class: 'cards' }, list) : h('p', null, t('noEvents')));
  };

  /**
   * My sign-ups with the QR code to show at the door: the code drawn by the server as SVG
   * (GET /api/liaison/me/registrations/:documentId/qr, with the JWT), shown as an image.
   */
  views.registrations = async function () {
    var rows = await mySignUps();
    var list = rows.map(function (r) {
      var qr = h('div', { class: 'qr' });
      if (r.status === 'registered') {
        qrImage(r).then(function (img) { if (img) qr.appendChild(img); });
      }
      return h('li', { class: 'card', 'data-registration': r.documentId },
        h('h2', null, r.event.title),
        h('p', { class: 'muted' }, when(r.event.startsAt)),
        r.event.venue ? h('p', null, t('venue') + ': ' + r.event.venue) : null,
        h('p', null, h('span', { class: 'badge ' + r.status }, statusText(r))),
        qr,
        r.status === 'registered' ? h('p', { class: 'muted center' }, t('showCode')) : null,
        h('p', { class: 'code center' }, r.status === 'registered' ? r.code : ''),
        cancelButton(r));
    });
    show(h('h1', null, t('registrations')), list.length ? h('ul', { class: 'cards' }, list) : h('p', null, t('noRegistrations')));
  };

  async function qrImage(r) {
    var res = await fetch(API + '/liaison/me/registrations/' + r.documentId + '/qr', { headers: { Authorization: 'Bearer ' + jwt() }, signal: viewLoads.signal });
    if (!res.ok) return null;
    var svg = await res.text();
    return h('img', { alt: 'QR ' + r.code, width: 220, height: 220, src: 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg) });
  }

  // ---------------------------------------------------------------- navigation
  var SIGNED_IN = ['events', 'registrations', 'me'];
  /** Views that need the sign-in: these and those other scripts add (alumniPage.addView). */
  var NEEDS_SIGN_IN = SIGNED_IN.slice();
  /** Tabs other scripts add, each shown when its `shown()` says so: { view, label(), shown() }. */
  var moreTabs = [];
  var nav = document.getElementById('nav');

  function drawChrome() {
    document.documentElement.lang = lang;
    document.title = t('app');
    document.getElementById('title').textContent = t('app');
    document.getElementById('lang').textContent = t('switchTo');
    nav.textContent = '';
    var tabs = moreTabs.filter(function (tab) { return tab.shown(); });
    nav.hidden = !jwt() && !tabs.length;
    if (jwt()) SIGNED_IN.forEach(function (v) { nav.appendChild(link(v, t(v))); });
    tabs.forEach(function (tab) { nav.appendChild(link(tab.view, tab.label())); });
    if (jwt()) nav.appendChild(h('a', { href: '#signin', on: { click: function () { signOut(); } } }, t('signout')));
  }

  function go(view) {
    if (location.hash === '#' + view) route();
    else location.hash = view;
  }

  /** The view the address names: #view, else the link's (…/activate, …/reset), else events or sign-in. */
  async function route() {
    var view = location.hash.slice(1);
    var fromPath = /\/(activate|reset)$/.exec(location.pathname);
    if (!views[view]) view = fromPath && linkToken ? fromPath[1] : jwt() ? 'events' : 'signin';
    if (NEEDS_SIGN_IN.indexOf(view) >= 0 && !jwt()) view = 'signin';
    viewLoads.abort();
    var loads = (viewLoads = new AbortController());
    drawChrome();
    Array.prototype.forEach.call(nav.querySelectorAll('a'), function (a) { a.classList.toggle('active', a.getAttribute('href') === '#' + view); });
    show(notice(t('loading')));
    try {
      await views[view]();
    } catch (err) {
      if (loads.signal.aborted) return; // another view was asked for meanwhile: it draws
      if (!jwt() && NEEDS_SIGN_IN.indexOf(view) >= 0) return go('signin');
      show(notice(err.message, 'error'));
    }
  }

  document.getElementById('lang').addEventListener('click', function () {
    lang = lang === 'en' ? 'zh-Hans' : 'en';
    localStorage.setItem(LANG_KEY, lang);
    route();
  });
  window.addEventListener('hashchange', route);

  // ---------------------------------------------------------------- more views
  // The page's other scripts (static/feedback.js, liaison.js) draw with the same
  // helpers and add their views, texts and tabs here; they run after this one and before
  // DOMContentLoaded (deferred scripts, in order), so the first view drawn can be theirs.
  window.alumniPage = {
    api: api, h: h, show: show, notice: notice, field: field, checkbox: checkbox, form: form, link: link, when: when, go: go, route: route,
    jwt: jwt, t: t, lang: function () { return lang; }, drawChrome: drawChrome, views: views,
    signedIn: function () { return !!jwt(); },
    addTexts: function (texts) { Object.keys(texts).forEach(function (l) { Object.assign(TEXT[l], texts[l]); }); },
    addView: function (name, view) { views[name] = view; NEEDS_SIGN_IN.push(name); },
    addTab: function (tab) { moreTabs.push(tab); },
    /** A tab for everyone, signed in or not, titled `title(lang)`. */
    nav: function (view, title) { moreTabs.push({ view: view, label: function () { return title(lang); }, shown: function () { return true; } }); },
  };
  document.addEventListener('DOMContentLoaded', route);
})();
