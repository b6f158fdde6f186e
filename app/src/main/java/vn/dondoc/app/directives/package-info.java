/**
 * Directives: import (text, DOCX, PDF and scans), the standing office's desk with its drafts, and issuing a
 * directive with its tasks. May use (capability-dependencies.txt, the layers of docs/ARCHITECTURE.md): agencies,
 * attachments, cases, security, staff, tasks, time, web.
 */
package vn.dondoc.app.directives;
