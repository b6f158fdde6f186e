/**
 * "Việc của tôi", the page of every user task, and the pages that compose several capabilities: a case's page
 * (CasePageController), a task's page with its evidence and extensions (TaskPages, TaskPageActions). May use
 * (capability-dependencies.txt, the layers of docs/ARCHITECTURE.md): agencies, attachments, camunda, cases,
 * evidence, extensions, feedback, forms, initiatives, notifications, search, security, sla, staff, tasks, time,
 * web.
 */
package vn.dondoc.app.workspace;
