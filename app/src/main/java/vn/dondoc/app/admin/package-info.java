/**
 * The administrators' pages and API: agencies and people (through the Keycloak admin API), working calendars, SLA
 * policies, the audit trail, operations and reindex runs. May use (capability-dependencies.txt, the layers of
 * docs/ARCHITECTURE.md): agencies, camunda, cases, feedback, notifications, search, security, sla, staff, time, web.
 */
package vn.dondoc.app.admin;
