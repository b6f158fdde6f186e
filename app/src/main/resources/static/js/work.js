// The workspace's step page: the step's Camunda Form (rendered by form-js from /vendor/form-js) beside the
// case. The form's data is kept as a draft in this tab until the server accepts it; the server checks it
// against the same form and answers with every problem at once, which are put under their fields.
(function () {
  'use strict';

  function $(id) { return document.getElementById(id); }

  function start() {
    var box = $('step-form');
    if (!box || !window.FormJs) { return; }
    var schema = JSON.parse(box.getAttribute('data-schema'));
    var data = JSON.parse(box.getAttribute('data-values'));
    var words = JSON.parse(box.getAttribute('data-words'));
    var action = box.getAttribute('data-action');
    var done = box.getAttribute('data-done');
    var summary = $('step-errors');
    var draftKey = 'dondoc.step:' + location.pathname;
    var restored = readDraft();
    var writable = {};
    (function walk(components) {
      components.forEach(function (c) {
        if (c.components) { walk(c.components); }
        if (c.key && !c.readonly && !c.disabled) { writable[c.key] = c; }
      });
    })(schema.components);
    Object.keys(restored || {}).forEach(function (key) { if (writable[key]) { data[key] = restored[key]; } });
    if (restored && $('draft-restored')) { $('draft-restored').hidden = false; }

    var form = new FormJs.Form({
      container: box,
      additionalModules: [DondocForms.localisedValidation(words, function (field, text) { return text; })]
    });
    DondocForms.localiseWidgets(box, words);
    var sending = false;
    form.importSchema(schema, data).catch(function () { showSummary([words.network]); });
    form.on('changed', function (event) {
      try { sessionStorage.setItem(draftKey, JSON.stringify(event.data)); } catch (e) { /* storage off */ }
    });
    form.on('submit', function (result) { send(result.data, result.errors); });
    $('step-submit').addEventListener('click', function () { if (!sending) { form.submit(); } });

    function send(values, formErrors) {
      summary.hidden = true;
      if (Object.keys(formErrors).length) { showSummary([]); focusFirst(); return; }
      sending = true;
      $('step-submit').disabled = true;
      $('step-status').textContent = words.sending;
      Dondoc.post(action, values, null).then(function (r) {
        if (r.status === 204 || r.status === 200) {
          try { sessionStorage.removeItem(draftKey); } catch (e) { /* storage off */ }
          location.assign(done);
          return null;
        }
        return r.json().catch(function () { return null; }).then(function (problem) { serverErrors(r.status, problem); });
      }).catch(function () { serverErrors(0, null); }).then(function () {
        sending = false;
        $('step-submit').disabled = false;
        $('step-status').textContent = '';
      });
    }

    /** The server's problem JSON: errors under their fields (form-js's internal state), the rest above. */
    function serverErrors(status, problem) {
      var byId = {};
      var unplaced = [];
      ((problem && problem.errors) || []).forEach(function (e) {
        var component = writable[e.field];
        if (component) { (byId[component.id] = byId[component.id] || []).push(e.message); }
        else { unplaced.push(e.message); }
      });
      if (!problem || !problem.errors || !problem.errors.length) {
        unplaced.push((problem && (problem.detail || problem.title)) || (status === 409 ? words.conflict : words.network));
      }
      form._setState({ errors: byId });
      showSummary(unplaced);
      focusFirst();
    }

    function showSummary(lines) {
      summary.textContent = '';
      var p = document.createElement('p');
      p.textContent = words.summary;
      summary.appendChild(p);
      if (lines.length) {
        var ul = document.createElement('ul');
        lines.forEach(function (text) { var li = document.createElement('li'); li.textContent = text; ul.appendChild(li); });
        summary.appendChild(ul);
      }
      summary.hidden = false;
    }

    function focusFirst() {
      setTimeout(function () {
        var field = box.querySelector('.fjs-has-errors');
        var first = field && field.querySelector('input, textarea, select');
        (first || summary).focus();
      }, 0);
    }

    function readDraft() {
      try { return JSON.parse(sessionStorage.getItem(draftKey) || 'null'); } catch (e) { return null; }
    }
    var discard = $('draft-discard');
    if (discard) {
      discard.addEventListener('click', function () {
        try { sessionStorage.removeItem(draftKey); } catch (e) { /* storage off */ }
        location.reload();
      });
    }
  }

  /** Opening a document inline beside the form. */
  function documents() {
    var viewer = $('document-viewer');
    if (!viewer) { return; }
    document.querySelectorAll('a[data-inline]').forEach(function (link) {
      link.addEventListener('click', function (event) {
        event.preventDefault();
        viewer.textContent = '';
        var type = link.getAttribute('data-inline');
        var node = document.createElement(type.indexOf('image/') === 0 ? 'img' : 'iframe');
        node.src = link.href;
        node.title = link.textContent;
        if (node.tagName === 'IMG') { node.alt = link.textContent; }
        viewer.appendChild(node);
        viewer.hidden = false;
        viewer.scrollIntoView({ block: 'nearest' });
      });
    });
  }

  function ready() { start(); documents(); }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', ready); } else { ready(); }
})();
