/**
 * The public portal's foundations: its home, locale, error pages and the public reference data. May use
 * (capability-dependencies.txt, the layers of docs/ARCHITECTURE.md): agencies, attachments, cases, feedback.
 */
package vn.dondoc.app.portal;
