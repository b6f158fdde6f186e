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

  // --- attachments: checked here, then uploaded through the public endpoint as soon as they are chosen ------
  var LIMITS = D.uploads || { maxBytes: Infinity, maxMegabytes: 0, maxFiles: MAX_FILES, extensions: [] };
  function fill(text, values) {
    return String(text).replace(/\{(\d)\}/g, function (m, n) { return values[Number(n)]; });
  }
  /**
   * Wires a file input: each chosen file is checked against the server's limits (size, type, count: D.uploads)
   * and, when it passes, posted to /api/v1/attachments at once, with progress and a button that cancels the
   * upload or removes the file. Files uploaded before a refused post (li.kept in the list, rendered by the
   * server) or before the session ended (sessionStorage under storeKey) count as uploaded. claims() gives the
   * {id, uploadToken, name} of those uploaded, pending() whether any is on its way, forget() drops the kept list.
   */
  function attachmentPicker(picker, list, error, storeKey) {
    var uploads = []; // {name, claim: {id, uploadToken, name} | null, pending, xhr, item}
    if (LIMITS.extensions.length) picker.setAttribute('accept', LIMITS.extensions.map(function (e) { return '.' + e; }).join(','));
    list.querySelectorAll('li.kept').forEach(function (item) {
      item.remove();
      uploaded({ id: item.getAttribute('data-claim-id'), uploadToken: item.getAttribute('data-claim-token'),
        name: item.getAttribute('data-name') });
    });
    var stored = [];
    try { stored = JSON.parse(sessionStorage.getItem(storeKey) || '[]'); } catch (e) { stored = []; }
    stored.forEach(function (claim) {
      if (!uploads.some(function (u) { return u.claim.id === claim.id; })) uploaded(claim);
    });
    picker.addEventListener('change', function () {
      var refused = [];
      Array.prototype.forEach.call(picker.files, function (file) {
        var extension = (/\.([^.]+)$/.exec(file.name) || [])[1];
        if (uploads.length >= LIMITS.maxFiles) refused.push(fill(T['too-many-files'], [LIMITS.maxFiles]));
        else if (file.size > LIMITS.maxBytes) refused.push(fill(T['file-too-large'], [file.name, LIMITS.maxMegabytes]));
        else if (LIMITS.extensions.length && (!extension || LIMITS.extensions.indexOf(extension.toLowerCase()) < 0)) {
          refused.push(fill(T['file-type'], [file.name, LIMITS.extensions.join(', ')]));
        } else upload(file);
      });
      error.textContent = refused.filter(function (t, n) { return refused.indexOf(t) === n; }).join(' ');
      error.hidden = !refused.length;
      picker.value = '';
    });

    function save() {
      if (!storeKey) return;
      try { sessionStorage.setItem(storeKey, JSON.stringify(uploads.filter(function (u) { return u.claim; })
        .map(function (u) { return u.claim; }))); } catch (e) { /* storage full or off */ }
    }
    function row(entry, progress, state) {
      var remove = el('button', { type: 'button', 'class': 'link', text: entry.pending ? T.cancel : T.remove });
      remove.setAttribute('aria-label', remove.textContent + ': ' + entry.name);
      entry.item = el('li', {}, [el('span', { 'class': 'name', text: entry.name }), progress, state, remove]);
      entry.button = remove;
      list.appendChild(entry.item);
      uploads.push(entry);
      remove.addEventListener('click', function () {
        if (entry.pending && entry.xhr) entry.xhr.abort();
        uploads.splice(uploads.indexOf(entry), 1);
        entry.item.remove();
        save();
        picker.focus();
      });
    }
    function uploaded(claim) {
      row({ name: claim.name, claim: claim, pending: false }, null, el('span', { text: T.uploaded }));
    }
    function upload(file) {
      var entry = { name: file.name, claim: null, pending: true };
      var progress = el('progress', { max: '100', value: '0' });
      var state = el('span', { text: T.uploading });
      row(entry, progress, state);
      function failed(why) {
        entry.pending = false; entry.failed = true;
        progress.remove();
        state.textContent = T['upload-failed'] + (why ? ': ' + why : '');
        state.className = 'failed';
        entry.button.textContent = T.remove;
      }
      var xhr = entry.xhr = new XMLHttpRequest();
      xhr.open('POST', '/api/v1/attachments');
      xhr.setRequestHeader('Accept', 'application/json');
      xhr.setRequestHeader('Accept-Language', D.lang);
      xhr.upload.addEventListener('progress', function (e) {
        if (e.lengthComputable) progress.value = Math.round(100 * e.loaded / e.total);
      });
      xhr.addEventListener('load', function () {
        var body = null;
        try { body = JSON.parse(xhr.responseText); } catch (e) { body = null; }
        if (xhr.status === 201 && body && body.id) {
          entry.pending = false;
          entry.claim = { id: body.id, uploadToken: body.uploadToken, name: file.name };
          progress.value = 100;
          state.textContent = T.uploaded;
          entry.button.textContent = T.remove;
          entry.button.setAttribute('aria-label', T.remove + ': ' + file.name);
          save();
        } else {
          failed(body && body.errors && body.errors.length ? body.errors.map(function (e) { return e.message; }).join('; ')
            : (body && (body.detail || body.title)) || '');
        }
      });
      xhr.addEventListener('error', function () { failed(T.network); });
      var data = new FormData();
      data.append('file', file, file.name);
      xhr.send(data);
    }

    return {
      pending: function () { return uploads.some(function (u) { return u.pending; }); },
      claims: function () { return uploads.filter(function (u) { return u.claim; }).map(function (u) { return u.claim; }); },
      forget: function () { if (storeKey) sessionStorage.removeItem(storeKey); }
    };
  }

  /**
   * Shows each limited field's limit before anything is typed (the server renders "at most N characters")
   * and counts as one types; over the limit the count says by how much. inputOf(name) finds the field.
   */
  function counters(root, inputOf) {
    root.querySelectorAll('[data-count-for]').forEach(function (count) {
      var input = inputOf(count.getAttribute('data-count-for'));
      var limit = Number(count.getAttribute('data-limit') || (input && input.getAttribute('data-limit')));
      if (!input || !limit) return;
      function update() { showCount(count, input, limit); }
      input.addEventListener('input', update);
      update();
    });
  }
  /** "12/30 characters", and by how much it is over: what the server counts (stripped text). */
  function showCount(count, input, limit) {
    var length = input.value.trim().length;
    count.textContent = fill(T.count, [length, limit]) + (length > limit ? ' – ' + fill(T['over-limit'], [length - limit]) : '');
    count.classList.toggle('over', length > limit);
  }

  /** The kept draft of a page's form (sessionStorage, per tab), under the key staff.js uses for its forms. */
  function draftStore(formId) {
    return { data: 'dondoc.draft:' + location.pathname + ':' + formId, files: 'dondoc.files:' + location.pathname + ':' + formId };
  }

  // --- /gui-phan-anh ---------------------------------------------------------------------------
  // The fields are the feedback process's start form (the JSON block dondoc-form: schema, the .form that Tasklist
  // shows), rendered by form-js (window.FormJs from /vendor/form-js). Its data is mapped onto the API's
  // fields (apiFields), and the API's errors back onto the form's fields.
  function sendPage() {
    var F = data('dondoc-form');
    var summary = $('error-summary');
    var idempotencyKey = randomKey();
    var store = draftStore('feedback');
    var files = attachmentPicker($('attachments'), $('uploads'), $('attachments-error'), store.files);
    var sending = false;
    var byKey = {};
    F.schema.components.forEach(function (c) { if (c.key) byKey[c.key] = c; });
    var keyByApiField = {};
    Object.keys(F.apiFields).forEach(function (key) { keyByApiField[F.apiFields[key]] = key; });
    Object.keys(F.errorFields).forEach(function (field) { keyByApiField[field] = F.errorFields[field]; });

    // form-js's own checks and words in the page's language (form-words.js): "<label> <predicate>"
    var form = new FormJs.Form({ container: $('feedback-fields'), additionalModules: [DondocForms.localisedValidation(F.validation,
      function (field, text) { return (field && field.label ? field.label + ' ' : '') + text; })] });
    DondocForms.localiseWidgets($('feedback-fields'), { choose: T.choose, search: T.search, noResults: T['no-results'] });
    unaccentedSearch($('feedback-fields'));
    // What was typed survives a reload (sessionStorage, this tab only: the page may be on a shared computer).
    var kept = null;
    try { kept = JSON.parse(sessionStorage.getItem(store.data) || 'null'); } catch (e) { kept = null; }
    form.importSchema(F.schema, kept || undefined).then(function () { limitCounts(form, F.schema); })
      .catch(function () { summary.textContent = T.network; summary.hidden = false; });
    form.on('changed', function (event) {
      try { sessionStorage.setItem(store.data, JSON.stringify(event.data)); } catch (e) { /* storage full or off */ }
    });
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
      sessionStorage.removeItem(store.data);
      files.forget();
      $('receipt-code').textContent = r.code;
      secretGroups($('receipt-secret'), r.trackingSecret || '');
      // The secret travels in the fragment: browsers never send it to the server or in Referer.
      $('receipt-follow').href = '/theo-doi?ma=' + encodeURIComponent(r.code) +
        (r.trackingSecret ? '#bi-mat=' + encodeURIComponent(r.trackingSecret) : '');
      $('feedback-form').hidden = true;
      $('receipt').hidden = false;
      $('receipt').focus();
      // Dates and QR code come from the sender's own endpoint, with the secret in its header as every request of theirs.
      api('GET', '/api/v1/public/feedback/' + encodeURIComponent(r.code) + '/receipt', undefined,
        { 'X-Tracking-Secret': r.trackingSecret }).then(function (res) {
        if (res.status !== 200) return;
        $('receipt-received').textContent = res.body.receivedDay;
        $('receipt-due').textContent = res.body.answerDueDay || '';
        drawQr($('receipt-qr'), res.body.qr);
      });
      $('receipt-print').addEventListener('click', function () { window.print(); });
      $('receipt-pdf').addEventListener('click', function () {
        downloadPdf('/api/v1/public/feedback/' + encodeURIComponent(r.code) + '/receipt.pdf', r.trackingSecret,
          'phieu-tiep-nhan-' + r.code + '.pdf', $('receipt-pdf'), $('receipt-status'));
      });
    }
  }
  /** The secret in its groups of four, each a span, spaces between (copied, it still matches: spaces are ignored). */
  function secretGroups(node, secret) {
    node.textContent = '';
    secret.split('-').forEach(function (group, n) {
      if (n) node.appendChild(document.createTextNode(' '));
      node.appendChild(el('span', { 'class': 'group', text: group }));
    });
  }
  /** A QR code from its rows of modules ('1' dark), as one SVG path: crisp at any size, printed as drawn. */
  function drawQr(svg, rows) {
    if (!rows || !rows.length) return;
    var d = [];
    rows.forEach(function (row, y) {
      for (var x = 0; x < row.length; x++) if (row.charAt(x) === '1') d.push('M' + x + ' ' + y + 'h1v1h-1z');
    });
    var ns = 'http://www.w3.org/2000/svg';
    svg.setAttribute('viewBox', '0 0 ' + rows[0].length + ' ' + rows.length);
    svg.setAttribute('shape-rendering', 'crispEdges');
    svg.textContent = '';
    var background = document.createElementNS(ns, 'rect');
    background.setAttribute('width', rows[0].length); background.setAttribute('height', rows.length);
    background.setAttribute('fill', '#fff');
    var path = document.createElementNS(ns, 'path');
    path.setAttribute('d', d.join(''));
    path.setAttribute('fill', '#000');
    svg.appendChild(background);
    svg.appendChild(path);
  }
  /**
   * A PDF of the sender's (receipt, letter): fetched with the secret in the header, never in an address, then saved
   * from the browser's memory. The button's data-busy/data-failed (or its paragraph's) hold the words.
   */
  function downloadPdf(url, secret, filename, button, status) {
    var words = button.hasAttribute('data-busy') ? button : button.parentNode;
    button.disabled = true;
    status.textContent = words.getAttribute('data-busy');
    fetch(url, { headers: { 'X-Tracking-Secret': secret, 'Accept': 'application/pdf', 'Accept-Language': D.lang },
      credentials: 'omit' })
      .then(function (r) { if (r.status !== 200) throw new Error(String(r.status)); return r.blob(); })
      .then(function (blob) {
        var link = el('a', { href: URL.createObjectURL(blob), download: filename, hidden: 'hidden' });
        document.body.appendChild(link);
        link.click();
        setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
        status.textContent = '';
      })
      .catch(function () { status.textContent = words.getAttribute('data-failed'); })
      .then(function () { button.disabled = false; });
  }
  /**
   * Under each form-js field with a maximum length, its limit and what is typed, counted as one types. form-js
   * draws its fields itself and may draw them again: the count is put back when it is gone.
   */
  function limitCounts(form, schema) {
    var container = $('feedback-fields');
    var limited = [];
    (function collect(components) {
      components.forEach(function (c) {
        if (c.key && c.validate && c.validate.maxLength) limited.push(c);
        collect(c.components || []);
      });
    })(schema.components);
    function inputOf(c) { return container.querySelector('input[id$="-' + cssEscape(c.id) + '"], textarea[id$="-' + cssEscape(c.id) + '"]'); }
    function update() {
      limited.forEach(function (c) {
        var input = inputOf(c);
        if (!input) return;
        var count = document.getElementById('count-' + c.key);
        var field = input.closest('.fjs-form-field');
        if (!count || !field.contains(count)) {
          if (count) count.remove();
          count = el('p', { id: 'count-' + c.key, 'class': 'hint count', 'data-count-for': c.key, 'data-limit': String(c.validate.maxLength) });
          field.appendChild(count);
        }
        showCount(count, input, c.validate.maxLength);
      });
    }
    container.addEventListener('input', update);
    form.on('changed', function () { setTimeout(update, 0); });
    update();
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
      clearErrors(form);
      // Empty fields are said to be empty, each under its own field, rather than "not found".
      var missing = [['code', code, T['code-empty']], ['secret', secret, T['secret-empty']]].filter(function (f) { return !f[1]; });
      if (missing.length) {
        showErrors(form, { errors: missing.map(function (f) { return { field: f[0], message: f[2] }; }) }, null);
        return;
      }
      current = { code: code, secret: secret };
      api('GET', '/api/v1/public/feedback/' + encodeURIComponent(code), undefined, { 'X-Tracking-Secret': secret })
        .then(function (r) {
          if (r.status === 200) { current.code = r.body.code; render(r.body); $('item').focus(); return; }
          show($('item'), false);
          message.textContent = r.status === 404 ? T['not-found'] : ((r.body && (r.body.detail || r.body.title)) || T.network);
          message.className = 'alert error';
          show(message, true);
        })
        .catch(function () { message.textContent = T.network; message.className = 'alert error'; show(message, true); });
    });
    if ($('code').value && $('secret').value) form.requestSubmit ? form.requestSubmit() : form.dispatchEvent(new Event('submit'));

    $('receipt-download').addEventListener('click', function () {
      downloadPdf('/api/v1/public/feedback/' + encodeURIComponent(current.code) + '/receipt.pdf', current.secret,
        'phieu-tiep-nhan-' + current.code + '.pdf', $('receipt-download'), $('download-status'));
    });
    $('letter-download').addEventListener('click', function () {
      downloadPdf('/api/v1/public/feedback/' + encodeURIComponent(current.code) + '/letter.pdf', current.secret,
        'cong-van-tra-loi-' + current.code + '.pdf', $('letter-download'), $('download-status'));
    });
    /** The steps so far, each with its day (dd/MM/yyyy, Hanoi), those to come marked as such. */
    function steps(list, all) {
      list.textContent = '';
      (all || []).forEach(function (s) {
        list.appendChild(el('li', { 'class': s.at ? 'done' : 'pending', 'data-step': s.step }, [
          el('span', { 'class': 'what', text: s.label }),
          el('span', { 'class': 'when', text: s.at ? date(s.at) : list.getAttribute('data-pending') })]));
      });
    }

    function render(v) {
      $('item-title').textContent = v.title;
      steps($('item-steps'), v.steps);
      show($('letter-download'), !!v.letter);
      var labels = $('item-facts');
      facts(labels, [
        [T.status, v.statusLabel], [T.next, (D.next || {})[v.status]], [labels.getAttribute('data-agency'), v.handlingAgency],
        [T.field, D.fields[v.field] || v.field], [T['submitted-at'], date(v.submittedAt)],
        [labels.getAttribute('data-due'), v.answerDueDay], [T['answered-at'], date(v.answeredAt)], [T.rated, v.rating]]);
      show($('item-answer'), !!v.answerText);
      $('item-answer-text').textContent = v.answerText || '';
      show($('reply-form'), !!v.mayReply);
      $('item-question').textContent = v.questionToSender || '';
      show($('rating-form'), !!v.mayRate);
      show($('reopen-row'), !!v.mayReopen);
      show($('item'), true);
    }

    function post(path, body, done, formNode) {
      // pressed twice: the first is on its way; a second would be refused (409) and hide that the first went through
      if (formNode.getAttribute('data-sending') === 'yes') { return; }
      formNode.setAttribute('data-sending', 'yes');
      var button = formNode.querySelector('button[type=submit], button:not([type])');
      if (button) { button.disabled = true; }
      clearErrors(formNode);
      api('POST', '/api/v1/public/feedback/' + encodeURIComponent(current.code) + path, body, { 'X-Tracking-Secret': current.secret })
        .then(function (r) {
          if (r.status === 200) { render(r.body); $('item-status').textContent = done; return; }
          if (r.status === 400) { showErrors(formNode, r.body, null); return; }
          $('item-status').textContent = (r.body && (r.body.detail || r.body.title)) || T.network;
        })
        .catch(function () { $('item-status').textContent = T.network; })
        .then(function () { formNode.removeAttribute('data-sending'); if (button) { button.disabled = false; } });
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
      // The published letter names no sender (the agency's heading, the answer, the signer).
      $('answer-letter-link').href = '/api/v1/public/answers/' + encodeURIComponent(a.code) + '/letter.pdf';
      show($('answer-letter'), !!a.letter);
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
    var files = attachmentPicker($('attachments'), $('uploads'), $('attachments-error'),
      draftStore(form.getAttribute('data-draft')).files);
    counters(form, function (name) { return document.getElementById(name); });
    form.addEventListener('submit', function (event) {
      if (files.pending()) { event.preventDefault(); $('send-status').textContent = T.uploading; return; }
      // The submit event comes twice when staff.js first checks the session: claim each file once.
      form.querySelectorAll('input.js-claim').forEach(function (input) { input.remove(); });
      files.claims().forEach(function (claim) {
        form.appendChild(el('input', { type: 'hidden', 'class': 'js-claim', name: 'attachmentId', value: claim.id }));
        form.appendChild(el('input', { type: 'hidden', 'class': 'js-claim', name: 'attachmentToken', value: claim.uploadToken }));
        form.appendChild(el('input', { type: 'hidden', 'class': 'js-claim', name: 'attachmentName', value: claim.name }));
      });
    });
    var summary = $('error-summary');
    var invalid = form.querySelector('[aria-invalid="true"]');
    if (invalid) invalid.focus(); else if (summary) summary.focus();
  }

  var pages = { 'innovator-draft': innovatorDraftPage, send: sendPage, follow: followPage, answers: answersPage, answer: answerPage, initiatives: initiativesPage };
  document.addEventListener('DOMContentLoaded', function () {
    // The server took the form (as for staff.js's drafts): its kept uploads are attached now.
    var done = document.querySelector('meta[name="dondoc-draft-done"]');
    for (var i = sessionStorage.length - 1; done && i >= 0; i--) {
      var key = sessionStorage.key(i);
      if (key && key.indexOf('dondoc.files:') === 0 && key.slice(key.lastIndexOf(':') + 1) === done.getAttribute('content')) {
        sessionStorage.removeItem(key);
      }
    }
    var page = pages[document.body.getAttribute('data-page')];
    if (page) page();
  });
})();
