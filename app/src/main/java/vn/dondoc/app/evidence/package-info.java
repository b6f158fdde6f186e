/**
 * Evidence of a task's completion: submissions, the evidence-review process's steps, the review queue and page,
 * the search projection; answers tasks.CompletionEvidence. May use (capability-dependencies.txt, the layers of
 * docs/ARCHITECTURE.md): agencies, attachments, camunda, cases, forms, search, security, sla, staff, tasks, time,
 * web.
 */
package vn.dondoc.app.evidence;
