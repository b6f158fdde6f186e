/**
 * Access to the engine: the user tasks a person may see (UserTasks), who holds a task (TaskAssignments, audited),
 * the engine's authorizations, process diagrams, job executor metrics. May use (capability-dependencies.txt, the
 * layers of docs/ARCHITECTURE.md): agencies, cases, security, staff, web.
 */
package vn.dondoc.app.camunda;
