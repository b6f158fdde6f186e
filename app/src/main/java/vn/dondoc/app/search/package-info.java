/**
 * Search: the outbox and its relay to Elasticsearch, reindexing, the sweep (with DailyReprojection for labels that
 * change with the date), the search API and page, the caller's scope. May use (capability-dependencies.txt, the
 * layers of docs/ARCHITECTURE.md): security, staff, time, web.
 */
package vn.dondoc.app.search;
