/**
 * Who the caller is and what they may reach: Keycloak sign-in, callers and roles, the filter chains and the paths
 * they permit or forward to, rate limits, revoked sessions, the session probe, Camunda's identity. May use
 * (capability-dependencies.txt, the layers of docs/ARCHITECTURE.md): agencies, web.
 */
package vn.dondoc.app.security;
