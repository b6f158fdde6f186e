/**
 * Deadline extensions: requests, the deadline-extension process's steps, the API and the search projection. May
 * use (capability-dependencies.txt, the layers of docs/ARCHITECTURE.md): attachments, camunda, cases, forms,
 * search, sla, tasks, time, web.
 */
package vn.dondoc.app.extensions;
