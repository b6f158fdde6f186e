/**
 * Feedback (PAKN): intake from the portal, mail and staff, routing, handling, answers and answer letters, the
 * sender's pages, the queues and the SLA report. May use (capability-dependencies.txt, the layers of
 * docs/ARCHITECTURE.md): agencies, attachments, camunda, cases, documents, forms, notifications, search, security,
 * sla, staff, tasks, time, web.
 */
package vn.dondoc.app.feedback;
