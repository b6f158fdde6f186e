// Dondoc public portal. Talks to the public JSON API (no login, no cookies: bearer-less endpoints,
// so no CSRF token). Everything the API returns is put into the page as text, never as HTML.
(function () {
  'use strict';
  // The pages' data comes in JSON blocks (<script type="application/json">), which the CSP lets through.
  function data(id) {
    var block = document.getElementById(id);
    return block ? JSON.parse(block.textContent) : null;
  }
  var D = data('dondoc-script') || { text: {}, fields: {}, types: {}, localities: {}, lang: 'vi' };
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
  // The fields are the feedback process's start form (the JSON block dondoc-form: schema, the .form that Tasklist
  // shows), rendered by form-js (window.FormJs from /vendor/form-js). Its data is mapped onto the API's
  // fields (apiFields), and the API's errors back onto the form's fields.
  function sendPage() {
    var F = data('dondoc-form');
    var summary = $('error-summary');
    var idempotencyKey = randomKey();
    var files = attachmentPicker($('attachments'), $('uploads'), $('attachments-error'));
    var sending = false;
    var byKey = {};
    F.schema.components.forEach(function (c) { if (c.key) byKey[c.key] = c; });
    var keyByApiField = {};
    Object.keys(F.apiFields).forEach(function (key) { keyByApiField[F.apiFields[key]] = key; });
    Object.keys(F.errorFields).forEach(function (field) { keyByApiField[field] = F.errorFields[field]; });

    var form = new FormJs.Form({ container: $('feedback-fields'), additionalModules: [localisedValidation(F.validation)] });
    localiseWidgets($('feedback-fields'));
    unaccentedSearch($('feedback-fields'));
    form.importSchema(F.schema).catch(function () { summary.textContent = T.network; summary.hidden = false; });
    // form-js's own submit (Enter in a field) and our button both end here, with form-js's checks done.
    form.on('submit', function (result) { send(result.data, result.errors); });
    $('submit').addEventListener('click', function () { if (!sending) form.submit(); });

    function send(data, formErrors) {
      if (sending) return;
      summary.hidden = true;
      $('attachments-error').hidden = true;
      if (Object.keys(formErrors).length) { fieldErrors(formErrors, []); return; }
      if (files.pending()) { $('send-status').textContent = T.uploading; return; }
      var body = { attachments: files.claims() };
      Object.keys(F.apiFields).forEach(function (key) {
        var value = data[key];
        if (typeof value === 'string') value = value.trim() === '' ? null : value.trim();
        setPath(body, F.apiFields[key], value === undefined ? null : value);
      });
      sending = true;
      $('submit').disabled = true;
      $('send-status').textContent = T.sending;
      api('POST', '/api/v1/feedback', body, { 'Idempotency-Key': idempotencyKey })
        .then(function (r) {
          $('send-status').textContent = '';
          if (r.status === 200 || r.status === 201) { receipt(r.body); return; }
          serverErrors(r.body);
        })
        .catch(function () { $('send-status').textContent = ''; serverErrors(null); })
        .then(function () { sending = false; $('submit').disabled = false; });
    }

    /** The API's errors (problem+json) under the fields they name, labelled; the rest in the summary. */
    function serverErrors(problem) {
      var errors = {};
      var unplaced = [];
      ((problem && problem.errors) || []).forEach(function (e) {
        var name = String(e.field || '');
        if (/^attachments\b/.test(name)) {
          var attachmentError = $('attachments-error');
          attachmentError.textContent = (attachmentError.hidden ? '' : attachmentError.textContent + ' ') +
            $('attachments').labels[0].textContent + ' ' + e.message;
          attachmentError.hidden = false;
          return;
        }
        var key = keyFor(name);
        var component = byKey[key];
        // "Tiêu đề là bắt buộc"; an error about a whole object ("contact") is a sentence of its own
        var named = component && F.apiFields[key] === name.replace(/\[\d+\]/g, '');
        var text = named ? component.label + ' ' + e.message : e.message.charAt(0).toUpperCase() + e.message.slice(1);
        if (!component) { unplaced.push(text); return; }
        (errors[component.id] = errors[component.id] || []).push(text);
      });
      if (!problem || !problem.errors || !problem.errors.length) {
        unplaced.push((problem && (problem.detail || problem.title)) || T.network);
      }
      // form-js shows a field's errors from its state (internal API of the pinned form-js version).
      form._setState({ errors: errors });
      fieldErrors(errors, unplaced);
    }
    /** The API names 'contact.name', 'contact', 'attachments[0].id': the closest name the form has. */
    function keyFor(name) {
      for (var candidate = name.replace(/\[\d+\]/g, ''); candidate; candidate = candidate.replace(/\.?[^.]*$/, '')) {
        if (keyByApiField[candidate]) return keyByApiField[candidate];
      }
      return null;
    }
    /** The summary above the form, and the focus on the first field in error once form-js has drawn it. */
    function fieldErrors(errors, unplaced) {
      summary.textContent = '';
      summary.appendChild(el('p', { text: T['error-summary'] }));
      if (unplaced.length) summary.appendChild(el('ul', {}, unplaced.map(function (t) { return el('li', { text: t }); })));
      summary.hidden = false;
      setTimeout(function () {
        var field = $('feedback-fields').querySelector('.fjs-has-errors');
        var first = (field && field.querySelector('input, textarea')) ||
          ($('attachments-error').hidden ? null : $('attachments'));
        (first || summary).focus();
      }, 0);
    }

    function receipt(r) {
      $('receipt-code').textContent = r.code;
      $('receipt-secret').textContent = r.trackingSecret || '';
      // The secret travels in the fragment: browsers never send it to the server or in Referer.
      $('receipt-follow').href = '/theo-doi?ma=' + encodeURIComponent(r.code) +
        (r.trackingSecret ? '#bi-mat=' + encodeURIComponent(r.trackingSecret) : '');
      $('feedback-form').hidden = true;
      $('receipt').hidden = false;
      $('receipt').focus();
    }
  }
  /**
   * form-js 1.8 writes three words of its own in English: a select's "Select", a searchable select's
   * "Search" and "No results". Put the page's words in their place whenever form-js draws them.
   */
  function localiseWidgets(container) {
    var words = { 'Select': T.choose, 'Search': T.search, 'No results': T['no-results'] };
    function fix() {
      container.querySelectorAll('input[placeholder="Search"]').forEach(function (i) { i.placeholder = words.Search; });
      container.querySelectorAll('.fjs-select-placeholder, .fjs-dropdownlist-empty').forEach(function (n) {
        if (words[n.textContent]) n.textContent = words[n.textContent];
      });
    }
    new MutationObserver(fix).observe(container, { childList: true, subtree: true, characterData: true });
    fix();
  }
  /**
   * The searchable locality list finds "ha noi" or "da nang" typed without accents: form-js compares the
   * letters as typed, so once the text without accents has one spelling among the places, the box gets that
   * spelling ("ha n" becomes "Hà N", then "Hà Noi" "Hà Nội") and form-js filters on it. Labels are NFC, so
   * folding keeps positions.
   */
  function unaccentedSearch(container) {
    function fold(text) {
      return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
    }
    container.addEventListener('input', function (event) {
      var input = event.target;
      if (!event.isTrusted || !input.closest || !input.closest('.fjs-form-field-select')) return;
      var typed = input.value, key = fold(typed);
      if (!key.trim()) return;
      var spellings = {};
      Object.keys(D.localities).forEach(function (code) {
        var label = D.localities[code].normalize('NFC'), at = fold(label).indexOf(key);
        if (at >= 0) spellings[label.substr(at, typed.length)] = true;
      });
      var found = Object.keys(spellings);
      if (found.length === 1 && found[0] !== typed) {
        input.value = found[0];
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }
    });
  }
  function setPath(target, path, value) {
    var parts = path.split('.');
    var last = parts.pop();
    parts.forEach(function (p) { target = target[p] = target[p] || {}; });
    target[last] = value;
  }
  /**
   * A form-js module that words form-js's own checks (required, length, e-mail, pattern; English in
   * form-js) as the API words its errors, in the page's language: "<label> <predicate>".
   */
  function localisedValidation(messages) {
    var RULES = [
      [/^Field is required\.$/, function () { return messages.required; }],
      [/^Field must have maximum length of (\d+)\.$/, function (m) { return messages.maxLength.replace('{0}', m[1]); }],
      [/^Field must be a valid\s+email\.$/, function () { return messages.email; }],
      [/phone number/, function () { return messages.phone; }],
      [/^Field must match pattern/, function () { return messages.pattern; }]
    ];
    function localise(field, message) {
      for (var i = 0; i < RULES.length; i++) {
        var m = RULES[i][0].exec(message);
        if (m) return (field && field.label ? field.label + ' ' : '') + RULES[i][1](m);
      }
      return message;
    }
    function LocalisedValidation(validator, formFieldRegistry) {
      var check = validator.validateFieldInstance.bind(validator);
      validator.validateFieldInstance = function (instance, value) {
        var field = formFieldRegistry.get(instance.id);
        return check(instance, value).map(function (m) { return localise(field, m); });
      };
      var checkField = validator.validateField.bind(validator);
      validator.validateField = function (field, value) {
        return checkField(field, value).map(function (m) { return localise(field, m); });
      };
    }
    LocalisedValidation.$inject = ['validator', 'formFieldRegistry'];
    return { __init__: ['localisedValidation'], localisedValidation: ['type', LocalisedValidation] };
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
      // The submit event comes twice when staff.js first checks the session: claim each file once.
      form.querySelectorAll('input.js-claim').forEach(function (input) { input.remove(); });
      files.claims().forEach(function (claim) {
        form.appendChild(el('input', { type: 'hidden', 'class': 'js-claim', name: 'attachmentId', value: claim.id }));
        form.appendChild(el('input', { type: 'hidden', 'class': 'js-claim', name: 'attachmentToken', value: claim.uploadToken }));
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
