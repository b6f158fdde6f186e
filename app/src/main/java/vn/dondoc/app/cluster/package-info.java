/**
 * Which node answered a request (NodeRoute), for two or more app nodes behind one address. Uses no other
 * capability package.
 */
package vn.dondoc.app.cluster;
