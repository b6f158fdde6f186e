/**
 * SLA clocks: policies, the working calendar, clocks and their pauses, the stages declared in the models and their
 * timers, the escalation, user tasks' due dates. May use (capability-dependencies.txt, the layers of
 * docs/ARCHITECTURE.md): agencies, camunda, cases, notifications, search, time, web.
 */
package vn.dondoc.app.sla;
