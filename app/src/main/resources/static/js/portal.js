// Dondoc public portal. Talks to the public JSON API (no login, no cookies: bearer-less endpoints,
// so no CSRF token). Everything the API returns is put into the page as text, never as HTML.
(function () {
  'use strict';
  var D = window.DONDOC || { text: {}, fields: {}, types: {}, localities: {}, lang: 'vi' };
  var T = D.text;
  var MAX_FILES = 5;

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (name === 'text') node.textContent = attrs[name];
      else node.setAttribute(name, attrs[name]);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }
  function $(id) { return document.getElementById(id); }
  function show(node, on) { node.hidden = !on; }
  var DATE = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' });
  function date(iso) { // dd/MM/yyyy in Vietnam's time zone
    var d = iso ? new Date(iso) : null;
    return d && !isNaN(d) ? DATE.format(d) : '';
  }
  function facts(dl, pairs) {
    dl.textContent = '';
    pairs.forEach(function (p) {
      if (p[1] === null || p[1] === undefined || p[1] === '') return;
      dl.appendChild(el('dt', { text: p[0] }));
      dl.appendChild(el('dd', { text: String(p[1]) }));
    });
  }

  /** fetch with the page's language, resolving to {status, body} (body parsed when JSON). */
  function api(method, url, body, headers) {
    var h = { 'Accept': 'application/json, application/problem+json', 'Accept-Language': D.lang };
    Object.keys(headers || {}).forEach(function (k) { h[k] = headers[k]; });
    if (body !== undefined) h['Content-Type'] = 'application/json';
    return fetch(url, { method: method, headers: h, body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit' })
      .then(function (r) {
        return r.text().then(function (t) {
          var parsed = null;
          try { parsed = t ? JSON.parse(t) : null; } catch (e) { parsed = null; }
          return { status: r.status, body: parsed };
        });
      });
  }

  // --- field errors from problem+json ------------------------------------------------------------
  function clearErrors(form) {
    form.querySelectorAll('[data-error-for]').forEach(function (p) { p.textContent = ''; p.hidden = true; });
    form.querySelectorAll('[aria-invalid]').forEach(function (n) { n.removeAttribute('aria-invalid'); });
  }
  /** Shows each error next to its field (label + message, as the API's messages are predicates). */
  function showErrors(form, problem, summary) {
    var errors = (problem && problem.errors) || [];
    var unplaced = [];
    var first = null;
    errors.forEach(function (e) {
      var name = String(e.field || '');
      var target = null;
      for (var candidate = name; candidate && !target;) {
        target = form.querySelector('[data-error-for="' + cssEscape(candidate) + '"]');
        if (!target) {
          var shorter = candidate.replace(/\[\d+\]$/, '').replace(/\.[^.]*$/, '');
          if (shorter === candidate) { shorter = candidate.replace(/\[\d+\].*$/, ''); }
          candidate = shorter === candidate ? '' : shorter;
        }
      }
      var label = labelFor(form, name);
      var text = (label ? label + ' ' : '') + e.message;
      if (!target) { unplaced.push(text); return; }
      target.textContent = target.textContent ? target.textContent + ' ' + text : text;
      target.hidden = false;
      var input = document.getElementById(target.id.replace(/-error$/, ''));
      if (input) { input.setAttribute('aria-invalid', 'true'); first = first || input; }
    });
    if (summary) {
      summary.textContent = '';
      summary.appendChild(el('p', { text: errors.length ? T['error-summary'] : (problem && (problem.detail || problem.title)) || T.network }));
      if (unplaced.length) {
        summary.appendChild(el('ul', {}, unplaced.map(function (t) { return el('li', { text: t }); })));
      }
      summary.hidden = false;
    }
    if (first) first.focus(); else if (summary) summary.focus();
  }
  function labelFor(form, name) {
    var base = name.replace(/\[\d+\]$/, '');
    var input = document.getElementById(base);
    var label = input && form.querySelector('label[for="' + cssEscape(base) + '"]');
    if (label) return (label.querySelector('span') || label).textContent.trim();
    var group = document.getElementById(base + '-error');
    var legend = group && group.closest('fieldset') && group.closest('fieldset').querySelector('legend');
    return legend ? legend.textContent.trim() : '';
  }
  function cssEscape(s) { return window.CSS && CSS.escape ? CSS.escape(s) : s.replace(/["\\]/g, '\\$&'); }

  function randomKey() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }

  // --- attachments: uploaded through the public endpoint as soon as they are chosen --------------------
  /**
   * Wires a file input: each chosen file is posted to /api/v1/attachments at once (with progress, and a
   * remove button); claims() gives the {id, uploadToken} of those uploaded, pending() whether any is on its way.
   */
  function attachmentPicker(picker, list, error) {
    var uploads = []; // {name, claim: {id, uploadToken} | null, pending, item}
    picker.addEventListener('change', function () {
      error.hidden = true;
      Array.prototype.forEach.call(picker.files, function (file) {
        if (uploads.length >= MAX_FILES) { error.textContent = T['too-many-files']; error.hidden = false; return; }
        upload(file);
      });
      picker.value = '';
    });

    function upload(file) {
      var entry = { name: file.name, claim: null, pending: true };
      var progress = el('progress', { max: '100', value: '0' });
      var state = el('span', { text: T.uploading });
      var remove = el('button', { type: 'button', 'class': 'link', text: T.remove });
      var name = el('span', { 'class': 'name', text: file.name });
      remove.setAttribute('aria-label', T.remove + ': ' + file.name);
      entry.item = el('li', {}, [name, progress, state, remove]);
      list.appendChild(entry.item);
      uploads.push(entry);
      remove.addEventListener('click', function () {
        uploads.splice(uploads.indexOf(entry), 1);
        entry.item.remove();
        picker.focus();
      });
      var xhr = new XMLHttpRequest();
      xhr.open('POST', '/api/v1/attachments');
      xhr.setRequestHeader('Accept', 'application/json');
      xhr.setRequestHeader('Accept-Language', D.lang);
      xhr.upload.addEventListener('progress', function (e) {
        if (e.lengthComputable) progress.value = Math.round(100 * e.loaded / e.total);
      });
      xhr.addEventListener('load', function () {
        entry.pending = false;
        var body = null;
        try { body = JSON.parse(xhr.responseText); } catch (e) { body = null; }
        if (xhr.status === 201 && body && body.id) {
          entry.claim = { id: body.id, uploadToken: body.uploadToken };
          progress.value = 100;
          state.textContent = T.uploaded;
        } else {
          progress.remove();
          var why = body && body.errors && body.errors.length ? body.errors.map(function (e) { return e.message; }).join('; ')
            : (body && (body.detail || body.title)) || '';
          state.textContent = T['upload-failed'] + (why ? ': ' + why : '');
          state.className = 'failed';
          entry.failed = true;
        }
      });
      xhr.addEventListener('error', function () {
        entry.pending = false; entry.failed = true;
        progress.remove();
        state.textContent = T['upload-failed'] + ': ' + T.network;
        state.className = 'failed';
      });
      var data = new FormData();
      data.append('file', file, file.name);
      xhr.send(data);
    }

    return {
      pending: function () { return uploads.some(function (u) { return u.pending; }); },
      claims: function () { return uploads.filter(function (u) { return u.claim; }).map(function (u) { return u.claim; }); }
    };
  }

  // --- /gui-phan-anh ---------------------------------------------------------------------------
  function sendPage() {
    var form = $('feedback-form');
    var idempotencyKey = randomKey();
    var files = attachmentPicker($('attachments'), $('uploads'), $('attachments-error'));

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      clearErrors(form);
      var summary = $('error-summary');
      summary.hidden = true;
      if (files.pending()) { $('send-status').textContent = T.uploading; return; }
      function value(id) { var v = $(id).value.trim(); return v === '' ? null : v; }
      var body = {
        type: value('type'), field: value('field'), locality: value('locality'), title: value('title'),
        content: value('content'),
        contact: { name: value('contact.name'), email: value('contact.email'), phone: value('contact.phone') },
        consentToPublish: $('consentToPublish').checked,
        attachments: files.claims()
      };
      var button = $('submit');
      button.disabled = true;
      $('send-status').textContent = T.sending;
      api('POST', '/api/v1/feedback', body, { 'Idempotency-Key': idempotencyKey })
        .then(function (r) {
          $('send-status').textContent = '';
          if (r.status === 200 || r.status === 201) { receipt(r.body); return; }
          showErrors(form, r.body, summary);
        })
        .catch(function () { $('send-status').textContent = ''; showErrors(form, null, summary); })
        .then(function () { button.disabled = false; });
    });

    function receipt(r) {
      $('receipt-code').textContent = r.code;
      $('receipt-secret').textContent = r.trackingSecret || '';
      // The secret travels in the fragment: browsers never send it to the server or in Referer.
      $('receipt-follow').href = '/theo-doi?ma=' + encodeURIComponent(r.code) +
        (r.trackingSecret ? '#bi-mat=' + encodeURIComponent(r.trackingSecret) : '');
      form.hidden = true;
      $('receipt').hidden = false;
      $('receipt').focus();
    }
  }

  // --- /theo-doi -------------------------------------------------------------------------------
  function followPage() {
    var form = $('follow-form');
    var message = $('follow-message');
    var current = null; // {code, secret}
    var params = new URLSearchParams(location.search);
    var hash = new URLSearchParams(location.hash.replace(/^#/, ''));
    if (params.get('ma')) $('code').value = params.get('ma');
    if (hash.get('bi-mat')) {
      $('secret').value = hash.get('bi-mat');
      history.replaceState(null, '', location.pathname + location.search);
    }

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var code = $('code').value.trim();
      var secret = $('secret').value.trim();
      show(message, false);
      if (!code || !secret) { message.textContent = T['not-found']; message.className = 'alert error'; show(message, true); return; }
      current = { code: code, secret: secret };
      api('GET', '/api/v1/public/feedback/' + encodeURIComponent(code), undefined, { 'X-Tracking-Secret': secret })
        .then(function (r) {
          if (r.status === 200) { render(r.body); $('item').focus(); return; }
          show($('item'), false);
          message.textContent = r.status === 404 ? T['not-found'] : ((r.body && (r.body.detail || r.body.title)) || T.network);
          message.className = 'alert error';
          show(message, true);
        })
        .catch(function () { message.textContent = T.network; message.className = 'alert error'; show(message, true); });
    });
    if ($('code').value && $('secret').value) form.requestSubmit ? form.requestSubmit() : form.dispatchEvent(new Event('submit'));

    function render(v) {
      $('item-title').textContent = v.title;
      facts($('item-facts'), [
        [T.status, v.statusLabel], [T.field, D.fields[v.field] || v.field], [T['submitted-at'], date(v.submittedAt)],
        [T['answered-at'], date(v.answeredAt)], [T.rated, v.rating]]);
      show($('item-answer'), !!v.answerText);
      $('item-answer-text').textContent = v.answerText || '';
      show($('reply-form'), !!v.mayReply);
      $('item-question').textContent = v.questionToSender || '';
      show($('rating-form'), !!v.mayRate);
      show($('reopen-row'), !!v.mayReopen);
      show($('item'), true);
    }

    function post(path, body, done, formNode) {
      clearErrors(formNode);
      api('POST', '/api/v1/public/feedback/' + encodeURIComponent(current.code) + path, body, { 'X-Tracking-Secret': current.secret })
        .then(function (r) {
          if (r.status === 200) { render(r.body); $('item-status').textContent = done; return; }
          if (r.status === 400) { showErrors(formNode, r.body, null); return; }
          $('item-status').textContent = (r.body && (r.body.detail || r.body.title)) || T.network;
        })
        .catch(function () { $('item-status').textContent = T.network; });
    }
    $('reply-form').addEventListener('submit', function (event) {
      event.preventDefault();
      post('/reply', { text: $('reply-text').value }, T['reply-sent'], $('reply-form'));
    });
    $('rating-form').addEventListener('submit', function (event) {
      event.preventDefault();
      var chosen = document.querySelector('input[name=rating]:checked');
      post('/rating', { rating: chosen ? Number(chosen.value) : null, comment: $('rating-comment').value || null,
        reopen: $('rating-reopen').checked }, T['rating-sent'], $('rating-form'));
    });
  }

  // --- /tra-loi and /tra-loi/{code} --------------------------------------------------------------
  function answersPage() {
    var params = new URLSearchParams(location.search);
    $('q').value = params.get('q') || '';
    var query = '/api/v1/search?type=feedback&size=50' + (params.get('q') ? '&q=' + encodeURIComponent(params.get('q')) : '');
    api('GET', query).then(function (r) {
      var list = $('answers');
      list.textContent = '';
      if (r.status !== 200) { $('answers-total').textContent = (r.body && (r.body.detail || r.body.title)) || T.network; return; }
      $('answers-total').textContent = r.body.items.length ? T.total + ': ' + r.body.total : T.empty;
      r.body.items.forEach(function (item) {
        var link = el('a', { href: '/tra-loi/' + encodeURIComponent(item.code), text: item.title });
        var meta = [item.code, D.fields[item.field] || item.field, D.localities[item.locality] || item.locality,
          date(item.updatedAt)].filter(Boolean).join(' · ');
        list.appendChild(el('li', {}, [el('h2', {}, [link]), el('p', { text: meta })]));
      });
    }).catch(function () { $('answers-total').textContent = T.network; });
  }

  function answerPage() {
    var code = document.body.getAttribute('data-code');
    api('GET', '/api/v1/public/answers/' + encodeURIComponent(code)).then(function (r) {
      if (r.status !== 200) {
        $('answer-message').textContent = (r.body && (r.body.detail || r.body.title)) || T.network;
        show($('answer-message'), true);
        return;
      }
      var a = r.body;
      $('answer-title').textContent = a.title;
      document.title = a.title + ' – Dondoc';
      facts($('answer-facts'), [['', a.code], [T.type, D.types[a.type] || a.type], [T.field, D.fields[a.field] || a.field],
        [T.locality, D.localities[a.locality] || a.locality], [T['submitted-at'], date(a.submittedAt)],
        [T['answered-at'], date(a.answeredAt)], [T.rating, a.rating ? a.rating + '/5' : null]]);
      $('answer-question').textContent = a.content;
      $('answer-text').textContent = a.answerText;
      show($('answer'), true);
    }).catch(function () { $('answer-message').textContent = T.network; show($('answer-message'), true); });
  }

  // --- /sang-kien --------------------------------------------------------------------------------
  function initiativesPage() {
    api('GET', '/api/v1/public/initiatives').then(function (r) {
      var list = $('initiatives');
      if (r.status !== 200) { $('initiatives-status').textContent = (r.body && (r.body.detail || r.body.title)) || T.network; return; }
      $('initiatives-status').textContent = r.body.length ? T.total + ': ' + r.body.length : T.empty;
      r.body.forEach(function (i) {
        var dl = el('dl', { 'class': 'facts' });
        facts(dl, [[T.proposer, i.proposer || T.anonymous], [T.category, i.category && i.category.label],
          [T['tech-group'], i.techGroup], [T.status, i.status && i.status.label], [T['decided-at'], date(i.decidedAt)]]);
        list.appendChild(el('li', {}, [el('h2', { text: i.title }), el('p', { text: i.caseCode }), dl]));
      });
    }).catch(function () { $('initiatives-status').textContent = T.network; });
  }

  // --- /sang-kien-cua-toi/... (a server-rendered form with its CSRF token) ----------------------------
  function innovatorDraftPage() {
    var form = $('draft-form');
    var files = attachmentPicker($('attachments'), $('uploads'), $('attachments-error'));
    form.addEventListener('submit', function (event) {
      if (files.pending()) { event.preventDefault(); $('send-status').textContent = T.uploading; return; }
      files.claims().forEach(function (claim) {
        form.appendChild(el('input', { type: 'hidden', name: 'attachmentId', value: claim.id }));
        form.appendChild(el('input', { type: 'hidden', name: 'attachmentToken', value: claim.uploadToken }));
      });
    });
    var summary = $('error-summary');
    var invalid = form.querySelector('[aria-invalid="true"]');
    if (invalid) invalid.focus(); else if (summary) summary.focus();
  }

  var pages = { 'innovator-draft': innovatorDraftPage, send: sendPage, follow: followPage, answers: answersPage, answer: answerPage, initiatives: initiativesPage };
  document.addEventListener('DOMContentLoaded', function () {
    var page = pages[document.body.getAttribute('data-page')];
    if (page) page();
  });
})();
