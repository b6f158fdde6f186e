/**
 * The Camunda Forms of the human steps ({@code forms/*.form}) as their contracts: loaded once, rendered by
 * the pages and checked on the server by the same definition, for the workspace's step pages and for the
 * capabilities' own pages alike. May use (capability-dependencies.txt, the layers of docs/ARCHITECTURE.md): web.
 */
package vn.dondoc.app.forms;
