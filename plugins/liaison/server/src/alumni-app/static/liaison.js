/*
 * The liaisons' views of the alumni page: what a serving liaison does from their phone.
 * Plain ES2017 like app.js, drawn with its helpers (window.alumniPage). Shown only to a
 * signed-in alumnus who holds a live post; every call is one `api(...)` line:
 *   GET  /api/liaison/my/posts                          my posts and their scopes
 *   GET  /api/liaison/my/alumni?post=&q=&page=&pageSize= the alumni I look after
 *   POST /api/liaison/contacts { alumni, channel, date, summary, needs }
 *   GET  /api/liaison/contacts                          the contacts I logged
 *   POST /api/liaison/proposals { alumnus, changes, source, note }
 *   GET  /api/liaison/my/surveys, POST /api/liaison/my/surveys/:documentId/remind
 * Views: #posts, #alumni, #contacts, #surveys; the feedback routed to my posts is answered in
 * #feedback (feedback.js).
 */
(function () {
  'use strict';
  var page = window.alumniPage;
  if (!page) return;
  var api = page.api, h = page.h, show = page.show, notice = page.notice, field = page.field, form = page.form, t = page.t;

  page.addTexts({
    'zh-Hans': {
      liaison: '联络员', posts: '我的岗位', alumni: '我联络的校友', contacts: '联络记录', queue: '待办反馈', surveys: '问卷',
      noPosts: '您目前没有在任的联络员岗位。', term: '任期', people: '{n} 位校友', search: '姓名、拼音或首字母', find: '搜索',
      more: '更多', none: '没有找到校友', logContact: '记录联络', logFor: '为选中的 {n} 位记录联络', propose: '提议修改信息',
      channel: '方式', date: '日期', summary: '联络内容', needs: '校友的需求（可选）', save: '保存', logged: '已记录 {n} 条联络',
      proposed: '已提交，等待校友会审核', field: '要修改的信息', newValue: '新的信息', source: '信息来源', note: '备注（可选）',
      noContacts: '还没有联络记录', rate: '回复率', closes: '截止', remind: '提醒未回复的校友', reminded: '已提醒 {n} 位', noSurveys: '暂无问卷',
      dim_cohort: '年级（班级）', dim_college: '学院', dim_region: '地区（校友会）', dim_industry: '行业',
      ch_visit: '走访', ch_call: '电话', ch_message: '短信', ch_gathering: '聚会', ch_email: '邮件', ch_wechat: '微信',
      f_city: '城市', f_employer: '工作单位', f_jobTitle: '职务', f_phone: '手机', f_email: '邮箱', f_wechat: '微信', f_alumnusStatus: '状态',
      st_active: '正常', st_unreachable: '联系不上', st_deceased: '已故',
      src_call: '电话', src_meeting: '见面', src_message: '消息', src_said_so: '本人告知', src_public_record: '公开信息', src_other: '其他',
    },
    en: {
      liaison: 'Liaison', posts: 'My posts', alumni: 'My alumni', contacts: 'Contacts', queue: 'Feedback to answer', surveys: 'Surveys',
      noPosts: 'You hold no liaison post at the moment.', term: 'Term', people: '{n} alumni', search: 'Name, pinyin or initials', find: 'Search',
      more: 'More', none: 'No alumni found', logContact: 'Log a contact', logFor: 'Log a contact with the {n} selected', propose: 'Propose a change',
      channel: 'How', date: 'Date', summary: 'What was said', needs: 'What they need (optional)', save: 'Save', logged: '{n} contacts logged',
      proposed: 'Sent: the alumni office reviews it', field: 'What changes', newValue: 'New value', source: 'Where you learnt it', note: 'Note (optional)',
      noContacts: 'No contacts logged yet', rate: 'Response rate', closes: 'Closes', remind: 'Remind those who have not answered', reminded: '{n} reminded', noSurveys: 'No surveys',
      dim_cohort: 'Class', dim_college: 'College', dim_region: 'Chapter', dim_industry: 'Industry group',
      ch_visit: 'Visit', ch_call: 'Call', ch_message: 'Text message', ch_gathering: 'Gathering', ch_email: 'E-mail', ch_wechat: 'WeChat',
      f_city: 'City', f_employer: 'Employer', f_jobTitle: 'Job title', f_phone: 'Phone', f_email: 'E-mail', f_wechat: 'WeChat', f_alumnusStatus: 'Status',
      st_active: 'Active', st_unreachable: 'Unreachable', st_deceased: 'Deceased',
      src_call: 'Phone call', src_meeting: 'Meeting', src_message: 'Message', src_said_so: 'They told me', src_public_record: 'Public record', src_other: 'Other',
    },
  });

  var CHANNELS = ['call', 'wechat', 'visit', 'gathering', 'message', 'email'];
  var FIELDS = ['city', 'employer', 'jobTitle', 'phone', 'email', 'wechat', 'alumnusStatus'];
  /** Where a proposal's information came from (the proposal's `source`; `self` is the person's own change). */
  var SOURCES = ['call', 'meeting', 'message', 'said_so', 'public_record', 'other'];

  // ---------------------------------------------------------------- my posts (and whether to show the tab)
  /** My live posts, asked once per sign-in. */
  var posts = { jwt: null, list: null };
  function myPosts() {
    if (posts.jwt === page.jwt() && posts.list) return Promise.resolve(posts.list);
    var jwt = page.jwt();
    return api('GET', '/liaison/my/posts').then(function (res) {
      posts = { jwt: jwt, list: res.data };
      return res.data;
    });
  }
  page.addTab({
    view: 'posts',
    label: function () { return t('liaison'); },
    shown: function () {
      if (!page.jwt()) return false;
      if (posts.jwt !== page.jwt()) myPosts().then(function (list) { if (list.length) page.drawChrome(); }).catch(function () {});
      return posts.jwt === page.jwt() && !!posts.list && posts.list.length > 0;
    },
  });

  var select = function (name, options, label) {
    return h('label', { class: 'field', for: 'f-' + name }, h('span', null, label),
      h('select', { id: 'f-' + name, name: name }, options.map(function (o) { return h('option', { value: o.value }, o.label); })));
  };
  var textarea = function (name, label) {
    return h('label', { class: 'field', for: 'f-' + name }, h('span', null, label), h('textarea', { id: 'f-' + name, name: name, rows: 3 }));
  };
  var today = function () {
    var d = new Date();
    return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0');
  };
  var tabs = function (current) {
    // The feedback routed to my posts is answered in the page's feedback view (feedback.js).
    return h('div', { class: 'tabs' }, [['posts', 'posts'], ['alumni', 'alumni'], ['contacts', 'contacts'], ['feedback', 'queue'], ['surveys', 'surveys']].map(function (v) {
      return h('a', { href: '#' + v[0], class: v[0] === current ? 'active' : null }, t(v[1]));
    }));
  };

  /** #posts: each live post with its scope, term and how many alumni it looks after. */
  page.addView('posts', async function () {
    var list = await myPosts();
    if (!list.length) return show(h('h1', null, t('posts')), notice(t('noPosts')));
    show(h('h1', null, t('posts')), tabs('posts'), h('ul', { class: 'cards' }, list.map(function (p) {
      return h('li', { class: 'card', 'data-post': p.documentId },
        h('h2', null, p.scope.name),
        h('p', { class: 'muted' }, t('dim_' + p.dimension) + (p.role ? ' · ' + p.role : '')),
        h('p', null, t('term') + ': ' + (p.termStart || '') + ' – ' + (p.termEnd || '')),
        h('p', null, t('people', p.alumni)),
        h('button', { type: 'button', class: 'secondary', on: { click: function () { state.post = p.documentId; state.q = ''; page.go('alumni'); } } }, t('alumni')));
    })));
  });

  // ---------------------------------------------------------------- my alumni
  var state = { post: '', q: '', selected: {} };

  /** #alumni: search my alumni; select some and log a contact with them, or propose a change to one. */
  page.addView('alumni', async function () {
    var list = await myPosts();
    if (!list.length) return show(h('h1', null, t('alumni')), notice(t('noPosts')));
    state.selected = {};
    var results = h('ul', { class: 'cards' });
    var more = h('button', { type: 'button', class: 'secondary', hidden: true }, t('more'));
    var logSelected = h('button', { type: 'button', class: 'primary sticky', hidden: true }, '');
    var pageNo = 1;
    var load = async function (reset) {
      if (reset) { pageNo = 1; results.textContent = ''; }
      var query = '?page=' + pageNo + '&pageSize=20' + (state.post ? '&post=' + encodeURIComponent(state.post) : '') + (state.q ? '&q=' + encodeURIComponent(state.q) : '');
      var res = await api('GET', '/liaison/my/alumni' + query);
      res.data.forEach(function (a) { results.appendChild(personCard(a, refreshSelection)); });
      if (!results.children.length) results.appendChild(h('li', { class: 'muted' }, t('none')));
      more.hidden = pageNo >= res.meta.pagination.pageCount;
    };
    var refreshSelection = function () {
      var n = Object.keys(state.selected).length;
      logSelected.hidden = n === 0;
      logSelected.textContent = t('logFor', n);
    };
    more.addEventListener('click', function () { pageNo++; load(false).catch(function (err) { more.parentNode.insertBefore(notice(err.message, 'error'), more); }); });
    logSelected.addEventListener('click', function () { contactForm(Object.keys(state.selected), logSelected); });
    var postChoice = h('select', { name: 'post', id: 'f-post', on: { change: function (e) { state.post = e.target.value; load(true); } } },
      h('option', { value: '' }, t('alumni')),
      list.map(function (p) { return h('option', { value: p.documentId, selected: p.documentId === state.post }, p.scope.name); }));
    var searchForm = form('search', [h('label', { class: 'field', for: 'f-post' }, h('span', null, t('posts')), postChoice), field('q', t('search'), 'search', state.q)], t('find'), async function (v) {
      state.q = v.q;
      await load(true);
    });
    show(h('h1', null, t('alumni')), tabs('alumni'), searchForm, results, more, logSelected);
    await load(true);
  });

  /** One person: what I may see of them, a box to select them, and a change to propose. */
  function personCard(a, onSelect) {
    var box = h('input', { type: 'checkbox', name: 'pick', 'aria-label': a.name, on: { change: function (e) {
      if (e.target.checked) state.selected[a.documentId] = true; else delete state.selected[a.documentId];
      onSelect();
    } } });
    var reach = [
      a.phone ? h('a', { href: 'tel:' + a.phone }, a.phone) : null,
      a.email ? h('a', { href: 'mailto:' + a.email }, a.email) : null,
      a.wechat ? h('span', null, t('f_wechat') + ': ' + a.wechat) : null,
    ].filter(Boolean);
    var card = h('li', { class: 'card', 'data-alumnus': a.documentId },
      h('div', { class: 'inline' }, h('h2', null, a.name), box),
      h('p', { class: 'muted' }, [a.cohort && a.cohort.className, a.college].filter(Boolean).join(' · ')),
      a.city || a.employer || a.jobTitle ? h('p', null, [a.city, a.employer, a.jobTitle].filter(Boolean).join(' · ')) : null,
      reach.length ? h('p', { class: 'row' }, reach) : null);
    var buttons = h('div', { class: 'row' },
      h('button', { type: 'button', class: 'secondary', on: { click: function (e) { contactForm([a.documentId], e.target.parentNode); } } }, t('logContact')),
      h('button', { type: 'button', class: 'secondary', on: { click: function (e) { proposalForm(a, e.target.parentNode); } } }, t('propose')));
    card.appendChild(buttons);
    return card;
  }

  /** Replaces `where` with a form; the form goes when done. */
  function inPlace(where, el) {
    var old = document.querySelector('form[name=contact], form[name=proposal]');
    if (old) old.remove();
    where.parentNode.insertBefore(el, where.nextSibling);
    el.scrollIntoView({ block: 'nearest' });
  }

  function contactForm(alumni, where) {
    var el = form('contact', [
      select('channel', CHANNELS.map(function (c) { return { value: c, label: t('ch_' + c) }; }), t('channel')),
      field('date', t('date'), 'date', today(), { max: today() }),
      textarea('summary', t('summary')),
      textarea('needs', t('needs')),
    ], t('save'), async function (v) {
      var body = { alumni: alumni, channel: v.channel, date: v.date, summary: v.summary };
      if (v.needs) body.needs = v.needs;
      var res = await api('POST', '/liaison/contacts', body);
      el.replaceWith(notice(t('logged', res.data.length), 'ok'));
    });
    inPlace(where, el);
  }

  function proposalForm(a, where) {
    var valueBox = h('div');
    var drawValue = function (name) {
      valueBox.textContent = '';
      valueBox.appendChild(name === 'alumnusStatus'
        ? select('value', ['active', 'unreachable', 'deceased'].map(function (s) { return { value: s, label: t('st_' + s) }; }), t('newValue'))
        : field('value', t('newValue'), name === 'email' ? 'email' : name === 'phone' ? 'tel' : 'text', a[name] || ''));
    };
    var which = select('field', FIELDS.map(function (f) { return { value: f, label: t('f_' + f) }; }), t('field'));
    which.querySelector('select').addEventListener('change', function (e) { drawValue(e.target.value); });
    drawValue(FIELDS[0]);
    var el = form('proposal', [
      which, valueBox,
      select('source', SOURCES.map(function (s) { return { value: s, label: t('src_' + s) }; }), t('source')),
      textarea('note', t('note')),
    ], t('propose'), async function (v) {
      var changes = {};
      changes[v.field] = v.value;
      var body = { alumnus: a.documentId, changes: changes, source: v.source };
      if (v.note) body.note = v.note;
      await api('POST', '/liaison/proposals', body);
      el.replaceWith(notice(t('proposed'), 'ok'));
    });
    inPlace(where, el);
  }

  // ---------------------------------------------------------------- contacts I logged
  page.addView('contacts', async function () {
    var res = await api('GET', '/liaison/contacts?page=1&pageSize=50');
    show(h('h1', null, t('contacts')), tabs('contacts'), res.data.length
      ? h('ul', { class: 'cards' }, res.data.map(function (c) {
          return h('li', { class: 'card', 'data-contact': c.documentId },
            h('h2', null, c.alumnus ? c.alumnus.name : ''),
            h('p', { class: 'muted' }, t('ch_' + c.channel) + ' · ' + String(c.date || c.contactedAt || '').slice(0, 10)),
            h('p', null, c.summary),
            c.needs ? h('p', { class: 'muted' }, t('needs') + ': ' + c.needs) : null);
        }))
      : h('p', null, t('noContacts')));
  });

  // ---------------------------------------------------------------- surveys through my posts
  page.addView('surveys', async function () {
    var res = await api('GET', '/liaison/my/surveys');
    show(h('h1', null, t('surveys')), tabs('surveys'), res.data.length
      ? h('ul', { class: 'cards' }, res.data.map(function (s) {
          var button = s.status === 'closed' ? null : h('button', { type: 'button', class: 'secondary', on: { click: async function () {
            button.disabled = true;
            try {
              var done = (await api('POST', '/liaison/my/surveys/' + s.documentId + '/remind')).data;
              button.replaceWith(notice(t('reminded', done.reminded), 'ok'));
            } catch (err) { button.disabled = false; button.parentNode.insertBefore(notice(err.message, 'error'), button); }
          } } }, t('remind'));
          return h('li', { class: 'card', 'data-survey': s.documentId },
            h('h2', null, s.title),
            s.closesAt ? h('p', { class: 'muted' }, t('closes') + ': ' + page.when(s.closesAt)) : null,
            s.posts.map(function (p) {
              return h('p', null, p.scope.name + ' · ' + t('rate') + ': ' + (p.rate === null ? '–' : p.rate + '%') + ' (' + p.answered + '/' + p.invited + ')');
            }),
            button);
        }))
      : h('p', null, t('noSurveys')));
  });
})();
