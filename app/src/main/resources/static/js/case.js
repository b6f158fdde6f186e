/* The case page: draws each process diagram with bpmn-js's navigated viewer (/vendor/bpmn-js, from npm) and marks where the case stands. */
(function () {
  'use strict';
  function draw(container) {
    if (!window.BpmnJS) { return; }
    var viewer = new window.BpmnJS({ container: container });
    var current = (container.getAttribute('data-current') || '').split(',').filter(Boolean);
    viewer.importXML(container.getAttribute('data-bpmn')).then(function () {
      var canvas = viewer.get('canvas');
      canvas.zoom('fit-viewport');
      current.forEach(function (id) {
        try { canvas.addMarker(id, 'current'); } catch (e) { /* an activity of a collapsed part */ }
      });
      container.setAttribute('data-drawn', current.join(','));
    }).catch(function (err) {
      container.setAttribute('data-error', String(err && err.message || err));
    });
  }
  function start() { document.querySelectorAll('.diagram[data-bpmn]').forEach(draw); }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', start); } else { start(); }
})();
