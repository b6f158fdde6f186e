// The directive desk (/van-ban-chi-dao). On the list page: the upload (a file or pasted text), posted with the
// CSRF header; a scan is read in the background and its progress polled until its draft exists. On a draft's
// page: the header and the task table, edited here and saved with the draft's version; a stale save (409) shows
// who changed it and what, and offers their version. Everything the server sends is put in as text.
(function () {
  'use strict';

  function $(id) { return document.getElementById(id); }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'className') { node.className = attrs[k]; } else { node.setAttribute(k, attrs[k]); }
    });
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }

  function format(text, args) {
    return String(text).replace(/\{(\d+)\}/g, function (m, i) { return args[+i] === undefined ? m : args[+i]; });
  }

  function json(r) { return r.json().catch(function () { return null; }); }

  // ---- the list page: upload -------------------------------------------------------------------------------

  function setUpUpload() {
    var form = $('desk-upload');
    if (!form) { return; }
    var words = $('desk-words').dataset;
    var error = $('file-error');
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      error.hidden = true;
      $('desk-read').disabled = true;
      showProgress(0, 0);
      var headers = Dondoc.csrfHeaders();
      headers.Accept = 'application/json';
      fetch(form.action, { method: 'POST', credentials: 'same-origin', headers: headers, body: new FormData(form) })
        .then(function (r) { return json(r).then(function (body) { follow(r.status, body); }); })
        .catch(function () { fail(words.network); });
    });

    function follow(status, body) {
      if (status === 200 && body && body.draft) { location.assign(body.draft); return; }
      if (status === 200 && body && body.job) {
        showProgress(body.pagesDone, body.pages);
        setTimeout(function () {
          fetch(body.job, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
            .then(function (r) { return json(r).then(function (next) { follow(r.status, next); }); })
            .catch(function () { fail(words.network); });
        }, 1000);
        return;
      }
      var errors = (body && body.errors) || [];
      fail(errors.length ? errors.map(function (e) { return e.message; }).join(' ') : ((body && body.detail) || words.network));
    }

    function showProgress(done, pages) {
      $('desk-progress').hidden = false;
      $('desk-progress-bar').max = Math.max(pages, 1);
      $('desk-progress-bar').value = done;
      $('desk-progress-text').textContent = pages ? format(words.pages, [done, pages]) : words.reading;
    }

    function fail(message) {
      $('desk-progress').hidden = true;
      $('desk-read').disabled = false;
      error.textContent = message;
      error.hidden = false;
      $('desk-file').setAttribute('aria-invalid', 'true');
    }
  }

  // ---- a draft's page ---------------------------------------------------------------------------------------

  function setUpDraft() {
    var box = $('desk-draft');
    if (!box) { return; }
    var urls = box.dataset;
    var words = JSON.parse(urls.words);
    var HEADER = ['type', 'number', 'date', 'issuer', 'title'];
    var KINDS = ['DEADLINE', 'PERIODIC_REPORT', 'RECURRING', 'NONE'];
    var LEVELS = ['L1', 'L2', 'L3', 'L4'];
    var state = null;       // the draft as loaded from the server: version, header, rows, reasons, agencies…
    var rows = [];          // the rows as edited here
    var dirty = false;
    var nextId = 1;
    var agencyByCode = {};
    var agencyByWord = {};

    function load() {
      return fetch(urls.data, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (r) { return r.json(); }).then(adopt);
    }

    /** Takes the server's draft as the page's state (on load, and when the person takes the other's version). */
    function adopt(draft) {
      state = draft;
      rows = draft.rows.map(function (row) { return Object.assign({}, row); });
      rows.forEach(function (row) { var n = +String(row.id).replace(/\D/g, ''); if (n >= nextId) { nextId = n + 1; } });
      agencyByCode = {};
      agencyByWord = {};
      var list = $('desk-agencies');
      list.textContent = '';
      draft.agencies.forEach(function (a) {
        agencyByCode[a.code] = a;
        [a.name, a.shortName, a.code].concat(a.aliases || []).forEach(function (w) {
          if (w) { agencyByWord[w.toLowerCase()] = a; }
        });
        list.appendChild(el('option', { value: a.name }));
        (a.aliases || []).forEach(function (alias) { list.appendChild(el('option', { value: alias, label: a.name })); });
      });
      HEADER.forEach(function (f) { $('header-' + f).value = draft.header[f] || ''; });
      var hint = $('header-date-hint');
      hint.hidden = !draft.header.dateAsWritten;
      hint.textContent = draft.header.dateAsWritten ? format(words['as-written'], [draft.header.dateAsWritten]) : '';
      $('header-title-hint').hidden = !draft.header.titleToCheck;
      dirty = false;
      clearErrors();
      render();
      showChanges(draft.changes);
      var issued = !!draft.issuedSymbol;
      $('desk-issued').hidden = !issued;
      $('desk-issued').textContent = issued ? format(words['read-only'], [draft.issuedSymbol]) : '';
      box.classList.toggle('read-only', issued);
      Array.prototype.forEach.call(box.querySelectorAll('input, select, textarea, button'), function (c) {
        if (issued) { c.disabled = true; }
      });
      $('desk-status').textContent = format(words.saved, [draft.updatedBy, draft.updatedAt]);
    }

    function agencyName(code) { return agencyByCode[code] ? agencyByCode[code].name : code; }

    function resolve(text) {
      var a = agencyByWord[String(text || '').trim().toLowerCase()];
      return a ? a.code : null;
    }

    function changed() {
      dirty = true;
      $('desk-status').textContent = words.unsaved;
    }

    // -- rendering the table --

    function render() {
      var body = $('desk-rows').querySelector('tbody');
      body.textContent = '';
      rows.forEach(function (row, i) { body.appendChild(renderRow(row, i)); });
    }

    function cell(tr, label) {
      var td = el('td', { 'data-label': label });
      tr.appendChild(td);
      return td;
    }

    function input(row, i, name, value, attrs, onChange) {
      var control = el(attrs && attrs.tag ? attrs.tag : 'input', Object.assign({
        id: 'row-' + i + '-' + name, 'aria-describedby': 'row-' + i + '-' + name + '-error'
      }, attrs && attrs.tag ? {} : { type: 'text' }, attrs ? attrs.attrs || {} : {}));
      control.value = value == null ? '' : value;
      control.addEventListener('change', function () { onChange(control.value); changed(); });
      return control;
    }

    function errorSlot(i, name) {
      return el('p', { className: 'field-error', id: 'row-' + i + '-' + name + '-error', hidden: 'hidden' });
    }

    function renderRow(row, i) {
      var tr = el('tr', { id: 'row-' + i, 'data-row': row.id });
      if (row.flags && row.flags.length) { tr.className = 'flagged'; }

      var code = cell(tr, words['field.content']);
      code.appendChild(input(row, i, 'code', row.code, { attrs: { size: 8, 'aria-label': 'code' } }, function (v) { row.code = v; }));
      code.appendChild(errorSlot(i, 'code'));

      var content = cell(tr, '');
      content.appendChild(input(row, i, 'content', row.content, { tag: 'textarea', attrs: { rows: 4 } }, function (v) { row.content = v; }));
      content.appendChild(errorSlot(i, 'content'));
      (row.flags || []).forEach(function (flag, f) {
        var p = el('p', { className: 'flag' });
        p.appendChild(el('span', {}, (state.reasons && state.reasons[flag]) || flag));
        var ok = el('button', { type: 'button', className: 'link', id: 'row-' + i + '-flag-' + f }, words['flag-checked']);
        ok.addEventListener('click', function () { row.flags.splice(f, 1); changed(); render(); });
        p.appendChild(ok);
        content.appendChild(p);
      });

      var lead = cell(tr, words['field.lead']);
      if (row.sendToAll) {
        lead.appendChild(el('p', { className: 'send-all' }, format(words['send-all-on'], [row.leadText || '', state.addressedToAll[row.collective]])));
        var undo = el('button', { type: 'button', className: 'link' }, words.cancel);
        undo.addEventListener('click', function () { row.sendToAll = false; changed(); render(); });
        lead.appendChild(undo);
      } else {
        var leadInput = input(row, i, 'lead', row.lead ? agencyName(row.lead) : (row.collective ? '' : row.leadText),
          { attrs: { list: 'desk-agencies', autocomplete: 'off' } }, function (v) {
            row.lead = resolve(v);
            row.leadText = v;
            if (row.lead) { row.collective = null; }
            render();
          });
        lead.appendChild(leadInput);
        if (!row.lead && row.leadText && !row.collective) {
          lead.appendChild(el('p', { className: 'flag' }, format(words['unknown-agency'], [row.leadText])));
        }
        if (row.collective && !row.lead) { lead.appendChild(collective(row, i)); }
      }
      lead.appendChild(errorSlot(i, 'lead'));

      var coop = cell(tr, '');
      coop.appendChild(input(row, i, 'coOperating', (row.coOperating || []).map(agencyName).join('; '),
        { attrs: { list: 'desk-agencies', title: words['cooperating-hint'] } }, function (v) {
          var codes = [];
          var unknown = [];
          v.split(';').map(function (s) { return s.trim(); }).filter(Boolean).forEach(function (w) {
            var c = resolve(w);
            if (c) { codes.push(c); } else { unknown.push(w); }
          });
          row.coOperating = codes;
          render();
          if (unknown.length) { showError('rows[' + i + '].coOperating', format(words['unknown-agency'], [unknown.join('; ')])); }
        }));
      coop.appendChild(errorSlot(i, 'coOperating'));

      var deadline = cell(tr, '');
      deadline.appendChild(input(row, i, 'deadlineText', row.deadlineText, { attrs: { 'aria-label': words['as-written'] } }, function (v) { row.deadlineText = v; }));
      var due = input(row, i, 'dueDate', row.dueDate, { attrs: { placeholder: 'dd/mm/yyyy', size: 10, 'aria-label': words['due-date'] } },
        function (v) { row.dueDate = v; });
      deadline.appendChild(due);
      deadline.appendChild(errorSlot(i, 'dueDate'));
      deadline.appendChild(errorSlot(i, 'deadlineText'));

      var kind = cell(tr, '');
      var kindSelect = input(row, i, 'kind', row.kind, { tag: 'select' }, function (v) { row.kind = v; });
      KINDS.forEach(function (k) { kindSelect.appendChild(el('option', { value: k }, words['kind.' + k])); });
      kindSelect.value = row.kind || 'NONE';
      kind.appendChild(kindSelect);
      kind.appendChild(errorSlot(i, 'kind'));

      var product = cell(tr, '');
      product.appendChild(input(row, i, 'expectedProduct', row.expectedProduct, { tag: 'textarea', attrs: { rows: 2 } },
        function (v) { row.expectedProduct = v; }));
      product.appendChild(errorSlot(i, 'expectedProduct'));

      var level = cell(tr, '');
      var levelSelect = input(row, i, 'evidenceLevel', row.evidenceLevel, { tag: 'select' }, function (v) { row.evidenceLevel = v; });
      LEVELS.forEach(function (l) { levelSelect.appendChild(el('option', { value: l }, words['level.' + l])); });
      levelSelect.value = row.evidenceLevel || 'L1';
      level.appendChild(levelSelect);
      level.appendChild(errorSlot(i, 'evidenceLevel'));
      level.appendChild(errorSlot(i, 'field'));

      var actions = cell(tr, '');
      action(actions, 'split', i, function () {
        var copy = Object.assign({}, row, { id: 'r' + (nextId++), code: row.code + '[2]', flags: [] });
        rows.splice(i + 1, 0, copy);
      });
      if (i + 1 < rows.length) {
        action(actions, 'merge', i, function () {
          var next = rows[i + 1];
          row.content = (row.content || '') + '\n' + (next.content || '');
          row.coOperating = (row.coOperating || []).concat((next.coOperating || []).filter(function (c) {
            return (row.coOperating || []).indexOf(c) < 0;
          }));
          row.flags = (row.flags || []).concat(next.flags || []);
          rows.splice(i + 1, 1);
        });
      }
      action(actions, 'delete', i, function () { rows.splice(i, 1); });
      return tr;
    }

    function action(td, name, i, run) {
      var b = el('button', { type: 'button', className: 'link', id: 'row-' + i + '-' + name }, words[name]);
      b.addEventListener('click', function () { run(); changed(); render(); });
      td.appendChild(b);
    }

    /** A collective lead: expanded into chosen agencies (one row each), or addressed to all of its kind, confirmed. */
    function collective(row, i) {
      var box = el('div', { className: 'collective' });
      box.appendChild(el('p', { className: 'flag' }, format(words.collective, [row.leadText || ''])));
      var expand = el('button', { type: 'button', className: 'link', id: 'row-' + i + '-expand' }, words.expand);
      box.appendChild(expand);
      var picker = el('div', { className: 'expand', hidden: 'hidden' });
      var select = el('select', { multiple: 'multiple', size: 8, id: 'row-' + i + '-agencies', 'aria-label': words.expand });
      state.agencies.forEach(function (a) { select.appendChild(el('option', { value: a.code }, a.name)); });
      picker.appendChild(select);
      var go = el('button', { type: 'button', id: 'row-' + i + '-expand-do' }, words['expand-do']);
      go.addEventListener('click', function () {
        var chosen = Array.prototype.filter.call(select.options, function (o) { return o.selected; }).map(function (o) { return o.value; });
        if (!chosen.length) { return; }
        var expanded = chosen.map(function (code) {
          return Object.assign({}, row, {
            id: 'r' + (nextId++), code: row.code + '-' + code, lead: code, leadText: agencyName(code), collective: null,
            coOperating: (row.coOperating || []).filter(function (c) { return c !== code; }),
            flags: (row.flags || []).filter(function (f) { return f.indexOf('COLLECTIVE_LEAD') !== 0; })
          });
        });
        Array.prototype.splice.apply(rows, [i, 1].concat(expanded));
        changed();
        render();
      });
      picker.appendChild(go);
      box.appendChild(picker);
      expand.addEventListener('click', function () { picker.hidden = !picker.hidden; });

      var count = state.addressedToAll[row.collective];
      if (count) {
        var all = el('button', { type: 'button', className: 'link', id: 'row-' + i + '-send-all' }, format(words['send-all'], [count]));
        var confirm = el('p', { className: 'confirm', hidden: 'hidden' });
        confirm.appendChild(el('span', {}, format(words['send-all-confirm'], [count, row.leadText || ''])));
        var yes = el('button', { type: 'button', id: 'row-' + i + '-send-all-yes' }, words['send-all']);
        yes.textContent = format(words['send-all'], [count]);
        yes.addEventListener('click', function () { row.sendToAll = true; changed(); render(); });
        var no = el('button', { type: 'button', className: 'link' }, words.cancel);
        no.addEventListener('click', function () { confirm.hidden = true; });
        confirm.appendChild(yes);
        confirm.appendChild(no);
        all.addEventListener('click', function () { confirm.hidden = false; });
        box.appendChild(all);
        box.appendChild(confirm);
      }
      return box;
    }

    // -- errors --

    function clearErrors() {
      Array.prototype.forEach.call(box.querySelectorAll('.field-error'), function (p) { p.hidden = true; p.textContent = ''; });
      Array.prototype.forEach.call(box.querySelectorAll('[aria-invalid]'), function (c) { c.removeAttribute('aria-invalid'); });
      $('desk-errors').hidden = true;
    }

    /** Puts a message under its field: header.number → #header-number-error, rows[3].lead → #row-3-lead-error. */
    function showError(field, message) {
      var id = field.replace(/^header\./, 'header-').replace(/^rows\[(\d+)\]\./, 'row-$1-').replace(/\[\d+\]$/, '');
      var slot = $(id + '-error') || $(field === 'rows' ? 'rows-error' : '');
      if (!slot) { return false; }
      slot.textContent = (slot.textContent ? slot.textContent + ' ' : '') + message;
      slot.hidden = false;
      var control = $(id);
      if (control) { control.setAttribute('aria-invalid', 'true'); }
      return true;
    }

    function showProblem(status, problem) {
      clearErrors();
      if (status === 409 && problem && problem.current) { conflict(problem); return; }
      var errors = (problem && problem.errors) || [];
      var unplaced = [];
      errors.forEach(function (e) { if (!showError(e.field, e.message)) { unplaced.push(e.message); } });
      var summary = $('desk-errors');
      summary.textContent = errors.length ? format(words.errors, [errors.length]) + (unplaced.length ? ' ' + unplaced.join(' ') : '')
        : ((problem && (problem.detail || problem.title)) || words.network);
      summary.hidden = false;
      var first = box.querySelector('.field-error:not([hidden])');
      if (first && first.previousElementSibling) { first.scrollIntoView({ block: 'center' }); }
    }

    /** Someone else saved first: who and when, what they changed compared with this page, and their version on request. */
    function conflict(problem) {
      var theirs = problem.current;
      $('desk-conflict-text').textContent = problem.detail;
      var list = $('desk-conflict-changes');
      list.textContent = '';
      var mine = {};
      rows.forEach(function (r) { mine[r.id] = r; });
      var their = {};
      theirs.rows.forEach(function (r) {
        their[r.id] = r;
        if (!mine[r.id]) { list.appendChild(el('li', {}, format(words['conflict-added'], [r.code]))); }
        else if (JSON.stringify(mine[r.id]) !== JSON.stringify(r)) { list.appendChild(el('li', {}, format(words['conflict-changed'], [r.code]))); }
      });
      rows.forEach(function (r) { if (!their[r.id]) { list.appendChild(el('li', {}, format(words['conflict-removed'], [r.code]))); } });
      $('desk-conflict').hidden = false;
      $('desk-reload').onclick = function () { $('desk-conflict').hidden = true; adopt(theirs); };
      $('desk-conflict').scrollIntoView({ block: 'start' });
    }

    function showChanges(changes) {
      var panel = $('desk-changes');
      panel.textContent = '';
      panel.hidden = !changes;
      if (!changes) { return; }
      panel.appendChild(el('p', {}, format(words.changes, [changes.symbol, changes.issuedOn.split('-').reverse().join('/'), changes.issuedTasks])));
      var list = el('ul');
      if (changes.added.length) { list.appendChild(el('li', {}, format(words['changes-added'], [changes.added.join(', ')]))); }
      if (changes.removed.length) { list.appendChild(el('li', {}, format(words['changes-removed'], [changes.removed.join(', ')]))); }
      changes.changed.forEach(function (c) {
        list.appendChild(el('li', {}, format(words['changes-changed'], [c.code, c.fields.map(function (f) { return words['field.' + f]; }).join(', ')])));
      });
      if (!list.children.length) { list.appendChild(el('li', {}, words['changes-none'])); }
      panel.appendChild(list);
    }

    // -- save, check, issue --

    function header() {
      var h = {};
      HEADER.forEach(function (f) { h[f] = $('header-' + f).value; });
      h.dateAsWritten = state.header.dateAsWritten || null;
      // the reader's "cut short" stays until a person changes the title
      h.titleToCheck = state.header.titleToCheck && h.title === (state.header.title || '') ? true : null;
      return h;
    }

    /** Saves if anything changed; resolves with true once the server holds what the page shows. */
    function save() {
      if (!dirty) { return Promise.resolve(true); }
      $('desk-status').textContent = words.saving;
      return Dondoc.post(urls.save, { version: state.version, header: header(), rows: rows }, null).then(function (r) {
        return json(r).then(function (body) {
          if (r.status === 200) {
            state.version = body.version;
            state.header = header();
            dirty = false;
            clearErrors();
            return load().then(function () { return true; });
          }
          showProblem(r.status, body);
          $('desk-status').textContent = '';
          return false;
        });
      }, function () { $('desk-status').textContent = words.network; return false; });
    }

    $('desk-add-row').addEventListener('click', function () {
      rows.push({ id: 'r' + (nextId++), code: String(rows.length + 1), section: null, field: 'DIRECTION', content: '',
        leadText: null, lead: null, collective: null, sendToAll: false, coOperating: [], deadlineText: null, dueDate: null,
        kind: 'DEADLINE', expectedProduct: null, evidenceLevel: 'L1', flags: [] });
      changed();
      render();
      $('row-' + (rows.length - 1) + '-content').focus();
    });
    $('desk-header').addEventListener('input', changed);
    $('desk-save').addEventListener('click', function () { save(); });
    $('desk-check').addEventListener('click', function () {
      save().then(function (saved) {
        if (!saved) { return; }
        $('desk-status').textContent = words.checking;
        Dondoc.post(urls.plan, { version: state.version }, null).then(function (r) {
          return json(r).then(function (body) {
            $('desk-status').textContent = '';
            if (r.status !== 200) { showProblem(r.status, body); return; }
            clearErrors();
            $('desk-confirm-total').textContent = format(words.total, [body.tasks]);
            var tbody = $('desk-confirm-agencies').querySelector('tbody');
            tbody.textContent = '';
            Object.keys(body.perAgency).forEach(function (name) {
              var tr = el('tr');
              tr.appendChild(el('td', {}, name));
              tr.appendChild(el('td', {}, String(body.perAgency[name])));
              tbody.appendChild(tr);
            });
            $('desk-confirm').showModal();
          });
        }, function () { $('desk-status').textContent = words.network; });
      });
    });
    $('desk-cancel').addEventListener('click', function () { $('desk-confirm').close(); });
    $('desk-issue').addEventListener('click', function () {
      $('desk-issue').disabled = true;
      $('desk-status').textContent = words.issuing;
      Dondoc.post(urls.issue, { version: state.version }, null).then(function (r) {
        return json(r).then(function (body) {
          $('desk-confirm').close();
          $('desk-issue').disabled = false;
          if (r.status !== 200) { $('desk-status').textContent = ''; showProblem(r.status, body); return; }
          return load().then(function () { $('desk-status').textContent = format(words.issued, [body.symbol, body.tasks]); });
        });
      }, function () { $('desk-issue').disabled = false; $('desk-status').textContent = words.network; });
    });
    window.addEventListener('beforeunload', function (event) { if (dirty) { event.preventDefault(); event.returnValue = ''; } });

    load();
  }

  function setUp() { setUpUpload(); setUpDraft(); }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', setUp);
  } else {
    setUp();
  }
})();
