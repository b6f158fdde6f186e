/**
 * Reference data: the agencies (seeded from db/seed/agencies.csv), localities and fields, and the Keycloak and
 * Camunda group of each agency. Uses no other capability package.
 */
package vn.dondoc.app.agencies;
