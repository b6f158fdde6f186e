/**
 * The figures: the SLA board, the agency ranking, the dashboards of staff and the public transparency page, with
 * their exports. May use (capability-dependencies.txt, the layers of docs/ARCHITECTURE.md): agencies, cases,
 * feedback, initiatives, portal, search, security, sla, staff, tasks, time, web.
 */
package vn.dondoc.app.dashboards;
