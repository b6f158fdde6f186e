/**
 * The periodic report (/bao-cao-dinh-ky): its figures, its text and its DOCX and PDF exports. May use (capability-
 * dependencies.txt, the layers of docs/ARCHITECTURE.md): agencies, dashboards, documents, feedback, security,
 * staff, tasks, time, web.
 */
package vn.dondoc.app.reports;
