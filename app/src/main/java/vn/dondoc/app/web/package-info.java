/**
 * What every API and page shares: problem JSON and the exceptions behind it, input helpers, the OpenAPI contract,
 * table exports. Uses no other capability package.
 */
package vn.dondoc.app.web;
