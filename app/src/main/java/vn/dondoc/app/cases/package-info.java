/**
 * What every case type shares: case codes (CaseCodes), the audit log (AuditLog), coded values and their labels.
 * Uses no other capability package.
 */
package vn.dondoc.app.cases;
