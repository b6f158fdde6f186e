/**
 * Tasks: issuing, the record and its deadlines, the task-lifecycle's steps, progress reports, timeliness,
 * summaries and overdue lists; CompletionEvidence, which evidence answers. May use (capability-dependencies.txt,
 * the layers of docs/ARCHITECTURE.md): agencies, attachments, camunda, cases, forms, notifications, search,
 * security, sla, staff, time, web.
 */
package vn.dondoc.app.tasks;
