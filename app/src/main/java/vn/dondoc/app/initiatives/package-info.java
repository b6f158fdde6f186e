/**
 * Breakthrough initiatives: submission and drafts, screening, the experts' scoring, selection, the innovator's
 * pages and the public list. May use (capability-dependencies.txt, the layers of docs/ARCHITECTURE.md): agencies,
 * attachments, camunda, cases, feedback, forms, notifications, portal, search, security, sla, tasks, time, web.
 */
package vn.dondoc.app.initiatives;
