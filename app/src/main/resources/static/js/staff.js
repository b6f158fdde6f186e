/*
 * Staff pages. Two helpers for every page (see CONTRIBUTING.md, "Adding a staff page"):
 *  - Dondoc.post(url, data, form): a same-origin POST with the page's CSRF token as header; data is sent
 *    as JSON. When the session has ended it keeps the form's draft and signs in again instead.
 *  - Drafts: every <form data-draft="id"> keeps what is typed in sessionStorage (per tab, per page path
 *    and form id; not files, nor fields marked data-no-draft, which the server keeps itself). Before the form is posted, the session is checked; if it has ended, the page is
 *    reloaded, which runs the Keycloak login and comes back here, and the draft is put back. The draft
 *    is dropped when the server accepts the post (StaffForms.accepted renders meta dondoc-draft-done).
 */
(function () {
  'use strict';
  var PREFIX = 'dondoc.draft:';

  function meta(name) {
    var el = document.querySelector('meta[name="' + name + '"]');
    return el ? el.getAttribute('content') : null;
  }

  function csrfHeaders() {
    var headers = {};
    var name = meta('_csrf_header');
    if (name) { headers[name] = meta('_csrf'); }
    return headers;
  }

  /** True while the browser has a signed-in session; a network failure counts as alive (the post will say). */
  function sessionAlive() {
    return fetch(meta('dondoc-session-probe') || '/phien', { credentials: 'same-origin', cache: 'no-store' })
      .then(function (r) { return r.ok ? r.json() : { signedIn: true }; })
      .then(function (probe) { return probe.signedIn !== false; }, function () { return true; });
  }

  function draftKey(form) {
    return PREFIX + location.pathname + ':' + form.getAttribute('data-draft');
  }

  /** The fields a draft keeps; data-no-draft marks those the server keeps itself (files staged by a refused post). */
  function keptFields(form) {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name && el.name !== '_csrf' && !/^(hidden|password|file|submit|button|reset)$/.test(el.type)
        && !el.hasAttribute('data-no-draft');
    });
  }

  function saveDraft(form) {
    var values = {};
    keptFields(form).forEach(function (el) {
      if (el.type === 'checkbox' || el.type === 'radio') {
        if (el.checked) { (values[el.name] = values[el.name] || []).push(el.value); }
      } else if (el.tagName === 'SELECT' && el.multiple) {
        values[el.name] = Array.prototype.filter.call(el.options, function (o) { return o.selected; }).map(function (o) { return o.value; });
      } else {
        values[el.name] = [el.value];
      }
    });
    try { sessionStorage.setItem(draftKey(form), JSON.stringify(values)); } catch (e) { /* storage full or off */ }
  }

  function restoreDraft(form) {
    var text = sessionStorage.getItem(draftKey(form));
    if (!text) { return false; }
    var values;
    try { values = JSON.parse(text); } catch (e) { return false; }
    var changed = false;
    keptFields(form).forEach(function (el) {
      var kept = values[el.name];
      if (!kept) {
        if ((el.type === 'checkbox' || el.type === 'radio') && el.checked) { el.checked = false; }
        return;
      }
      if (el.type === 'checkbox' || el.type === 'radio') {
        el.checked = kept.indexOf(el.value) >= 0;
      } else if (el.tagName === 'SELECT' && el.multiple) {
        Array.prototype.forEach.call(el.options, function (o) { o.selected = kept.indexOf(o.value) >= 0; });
      } else if (el.value !== kept[0]) {
        el.value = kept[0];
        changed = changed || kept[0] !== '';
      }
      // Text put back into a folded part of the form (<details>, e.g. a second evidence item) is shown.
      var folded = el.closest('details');
      if (folded && kept[0] && (el.tagName === 'TEXTAREA' || el.type === 'text')) { folded.open = true; }
    });
    return changed;
  }

  function forgetDrafts(formId) {
    for (var i = sessionStorage.length - 1; i >= 0; i--) {
      var key = sessionStorage.key(i);
      if (key && key.indexOf(PREFIX) === 0 && key.slice(key.lastIndexOf(':') + 1) === formId) {
        sessionStorage.removeItem(key);
      }
    }
  }

  /** The session has ended: keep the draft and load this page again through the login. */
  function signInAgain(form) {
    if (form) { saveDraft(form); }
    // Without its #fragment: assigning the same URL with one would only scroll, not go through the login.
    location.assign(location.href.split("#")[0]);
  }

  function post(url, data, form) {
    return sessionAlive().then(function (alive) {
      if (!alive) {
        signInAgain(form);
        return new Promise(function () {});
      }
      var headers = csrfHeaders();
      headers['Content-Type'] = 'application/json';
      headers.Accept = 'application/json';
      return fetch(url, { method: 'POST', credentials: 'same-origin', headers: headers, body: JSON.stringify(data) });
    });
  }

  function setUpDrafts() {
    var done = meta('dondoc-draft-done');
    if (done) { forgetDrafts(done); }
    var restored = [];
    document.querySelectorAll('form[data-draft]').forEach(function (form) {
      if (restoreDraft(form)) { restored.push(form); }
      form.addEventListener('input', function () { saveDraft(form); });
      form.addEventListener('change', function () { saveDraft(form); });
      form.addEventListener('submit', function (event) {
        if (form.getAttribute('data-session-checked') === 'yes') { return; }
        event.preventDefault();
        // A second press while the first is on its way would post the step twice (the second then finds it
        // done): one post per page, until the answer replaces it; a download that leaves the page frees it.
        if (form.getAttribute('data-sending') === 'yes') { return; }
        form.setAttribute('data-sending', 'yes');
        setTimeout(function () { form.removeAttribute('data-sending'); }, 10000);
        saveDraft(form);
        var submitter = event.submitter;
        sessionAlive().then(function (alive) {
          if (!alive) { signInAgain(form); return; }
          form.setAttribute('data-session-checked', 'yes');
          if (form.requestSubmit) { form.requestSubmit(submitter || undefined); } else { form.submit(); }
          form.removeAttribute('data-session-checked');
        });
      });
    });
    // Back to this page from the browser's cache: its forms may be sent again.
    window.addEventListener('pageshow', function (event) {
      if (event.persisted) {
        document.querySelectorAll('form[data-sending]').forEach(function (form) { form.removeAttribute('data-sending'); });
      }
    });
    var notice = document.getElementById('draft-restored');
    if (restored.length && notice) {
      notice.hidden = false;
      document.getElementById('draft-discard').addEventListener('click', function () {
        restored.forEach(function (form) { sessionStorage.removeItem(draftKey(form)); form.reset(); });
        notice.hidden = true;
      });
    }
  }

  /** On a phone the header's navigation folds behind the menu button (staff.css); without script it stays open. */
  function setUpMenu() {
    var toggle = document.getElementById('menu-toggle');
    var header = toggle && toggle.closest('header');
    if (!header) { return; }
    header.classList.add('folding');
    toggle.addEventListener('click', function () {
      var open = header.classList.toggle('menu-open');
      toggle.setAttribute('aria-expanded', String(open));
    });
  }

  window.Dondoc = window.Dondoc || {};
  window.Dondoc.csrfHeaders = csrfHeaders;
  window.Dondoc.sessionAlive = sessionAlive;
  window.Dondoc.post = post;
  window.Dondoc.saveDraft = saveDraft;

  function setUp() { setUpMenu(); setUpDrafts(); }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', setUp);
  } else {
    setUp();
  }
})();
