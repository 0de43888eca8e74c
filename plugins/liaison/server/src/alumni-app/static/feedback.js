/*
 * The alumni page's feedback: plain ES2017 like app.js, which gives it its tools
 * (window.alumniPage; loaded after it). Signed in: POST /api/liaison/feedback { kind, content, contactBack }
 * and the list of one's items with their answers (GET /api/liaison/feedback); a liaison also
 * sees the items routed to them and answers them there. Signed out: the anonymous form,
 * POST /api/liaison/feedback/anonymous { kind, content, name?, email?, website }, where
 * `website` is a field people never see (a honeypot: the server keeps nothing it fills).
 */
(function () {
  'use strict';

  var TEXT = {
    'zh-Hans': {
      title: '意见反馈', kind: '类别', content: '内容', contactBack: '希望有人与我联系', send: '提交', sent: '已收到，将于 {due} 前答复。',
      name: '称呼（可不填）', email: '邮箱（可不填，用于接收答复）', anonymousHelp: '未登录时提交的反馈由校友办处理；留下邮箱即可收到答复。',
      mine: '我提交的反馈', none: '您还没有提交过反馈', queue: '待我答复', due: '答复期限', overdue: '已逾期', answer: '答复', answerSend: '发送答复',
      answered: '已答复', office: '校友办', website: '网站',
      kinds: { career_help: '职业发展', cooperation: '合作', suggestion: '建议', complaint: '投诉', data_correction: '信息更正', other: '其他' },
    },
    en: {
      title: 'Feedback', kind: 'Kind', content: 'Your message', contactBack: 'I would like someone to contact me', send: 'Send', sent: 'Received: you get an answer by {due}.',
      name: 'Name (optional)', email: 'E-mail (optional, to receive the answer)', anonymousHelp: 'Sent without signing in, your message goes to the alumni office; leave an address to get the answer.',
      mine: 'What I sent', none: 'You have not sent any feedback', queue: 'For me to answer', due: 'Due', overdue: 'Overdue', answer: 'Answer', answerSend: 'Send the answer',
      answered: 'Answered', office: 'Alumni office', website: 'Website',
      kinds: { career_help: 'Career help', cooperation: 'Cooperation', suggestion: 'Suggestion', complaint: 'Complaint', data_correction: 'Correction of my data', other: 'Other' },
    },
  };
  var KINDS = ['career_help', 'cooperation', 'suggestion', 'complaint', 'data_correction', 'other'];

  (function (app) {
    if (!app) return;
    var h = app.h;
    var tx = function (key) { return TEXT[app.lang()][key]; };

    var kindSelect = function () {
      return h('label', { class: 'field', for: 'f-kind' }, h('span', null, tx('kind')),
        h('select', { id: 'f-kind', name: 'kind' }, KINDS.map(function (k) { return h('option', { value: k }, tx('kinds')[k]); })));
    };
    var textArea = function (name, label) {
      return h('label', { class: 'field', for: 'f-' + name }, h('span', null, label), h('textarea', { id: 'f-' + name, name: name, rows: 5 }));
    };
    var received = function (data) { return tx('sent').replace('{due}', app.when(data.dueAt)); };

    var item = function (i, answerable) {
      var badge = i.status === 'answered' ? h('span', { class: 'badge' }, tx('answered'))
        : i.overdue ? h('span', { class: 'badge overdue' }, tx('overdue')) : null;
      var answerForm = answerable && i.status !== 'answered'
        ? app.form('answer', [textArea('answer-' + i.documentId, tx('answer'))], tx('answerSend'), async function (v) {
            await app.api('POST', '/liaison/feedback/' + i.documentId + '/answer', { answer: v['answer-' + i.documentId] });
            app.views.feedback();
          })
        : null;
      return h('li', { class: 'card', 'data-feedback': i.documentId },
        h('p', { class: 'muted' }, (tx('kinds')[i.kind] || i.kind) + ' · ' + app.when(i.receivedAt)),
        i.alumnus && answerable ? h('p', null, i.alumnus.name) : null,
        h('p', null, i.content),
        h('p', { class: 'muted' }, tx('due') + ': ' + app.when(i.dueAt), ' ', badge),
        i.answer ? h('p', null, h('strong', null, tx('answer') + ': '), i.answer) : null,
        answerForm);
    };

    app.views.feedback = async function () {
      if (!app.signedIn()) {
        return app.show(
          h('h1', null, tx('title')),
          h('p', { class: 'muted' }, tx('anonymousHelp')),
          app.form('feedback', [
            kindSelect(), textArea('content', tx('content')),
            app.field('name', tx('name'), 'text', '', { autocomplete: 'name' }),
            app.field('email', tx('email'), 'email', '', { autocomplete: 'email' }),
            // The honeypot: out of sight, skipped by the keyboard, ignored by password managers.
            h('div', { class: 'hp', 'aria-hidden': 'true' }, app.field('website', tx('website'), 'text', '', { tabindex: '-1', autocomplete: 'off' })),
          ], tx('send'), async function (v, status) {
            var body = { kind: v.kind, content: v.content, website: v.website };
            if (v.name) body.name = v.name;
            if (v.email) body.email = v.email;
            var done = await app.api('POST', '/liaison/feedback/anonymous', body);
            status.appendChild(app.notice(received(done.data), 'ok'));
          })
        );
      }
      var mine = (await app.api('GET', '/liaison/feedback')).data;
      app.show(
        h('h1', null, tx('title')),
        app.form('feedback', [kindSelect(), textArea('content', tx('content')), h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'contactBack' }), h('span', null, tx('contactBack')))],
          tx('send'), async function (v, status) {
            var done = await app.api('POST', '/liaison/feedback', { kind: v.kind, content: v.content, contactBack: v.contactBack });
            status.appendChild(app.notice(received(done.data), 'ok'));
          }),
        mine.queue.length ? h('h2', null, tx('queue')) : null,
        mine.queue.length ? h('ul', { class: 'cards' }, mine.queue.map(function (i) { return item(i, true); })) : null,
        h('h2', null, tx('mine')),
        mine.sent.length ? h('ul', { class: 'cards' }, mine.sent.map(function (i) { return item(i, false); })) : h('p', null, tx('none'))
      );
    };

    app.nav('feedback', function (lang) { return TEXT[lang].title; });
  })(window.alumniPage);
})();
