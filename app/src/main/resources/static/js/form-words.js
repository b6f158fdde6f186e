// Camunda Forms (form-js) in the page's language: form-js words its own checks and a few widget texts
// in English. Shared by the pages that render a .form (window.DondocForms).
(function () {
  'use strict';

  /**
   * A form-js module that rewords form-js's own checks (required, length, range, e-mail, pattern) with
   * the page's messages: {required, maxLength ({0}), minLength ({0}), min ({0}), max ({0}), email, pattern}.
   * format(field, text) gives the final text, e.g. with the field's label in front.
   */
  function localisedValidation(messages, format) {
    var RULES = [
      [/^Field is required\.$/, function () { return messages.required; }],
      [/^Field must have maximum length of (\d+)\.$/, function (m) { return messages.maxLength.replace('{0}', m[1]); }],
      [/^Field must have minimum length of (\d+)\.$/, function (m) { return (messages.minLength || messages.maxLength).replace('{0}', m[1]); }],
      [/^Field must have minimum value of (\S+)\.$/, function (m) { return (messages.min || messages.pattern).replace('{0}', m[1]); }],
      [/^Field must have maximum value of (\S+)\.$/, function (m) { return (messages.max || messages.pattern).replace('{0}', m[1]); }],
      [/^Field must be a valid\s+email\.$/, function () { return messages.email; }],
      [/phone number/, function () { return messages.phone || messages.pattern; }],
      [/^Field must match pattern/, function () { return messages.pattern; }]
    ];
    function localise(field, message) {
      for (var i = 0; i < RULES.length; i++) {
        var m = RULES[i][0].exec(message);
        if (m) return format(field, RULES[i][1](m));
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

  /**
   * form-js 1.8 writes a few words of its own in English (a select's "Select", a searchable select's
   * "Search" and "No results"): put words = {choose, search, noResults} in their place whenever it draws them.
   */
  function localiseWidgets(container, words) {
    var byText = { 'Select': words.choose, 'Search': words.search, 'No results': words.noResults };
    function fix() {
      container.querySelectorAll('input[placeholder="Search"]').forEach(function (i) { i.placeholder = words.search; });
      container.querySelectorAll('.fjs-select-placeholder, .fjs-dropdownlist-empty, .fjs-taglist-empty').forEach(function (n) {
        if (byText[n.textContent]) n.textContent = byText[n.textContent];
      });
    }
    new MutationObserver(fix).observe(container, { childList: true, subtree: true, characterData: true });
    fix();
  }

  window.DondocForms = { localisedValidation: localisedValidation, localiseWidgets: localiseWidgets };
})();
