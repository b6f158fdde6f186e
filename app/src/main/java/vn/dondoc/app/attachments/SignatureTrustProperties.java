package vn.dondoc.app.attachments;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * {@code dondoc.signatures.*}: the trust store (PKCS#12 or JKS) whose certificates are the roots a PDF
 * signature's chain must lead to, e.g. the national root CAs of Vietnam's public signature services. Left
 * empty, signatures are still checked for integrity but the page says the chain was not checked.
 *
 * @param trustStore the trust store's location (file: or classpath:); empty: chains are not checked
 * @param trustStorePassword its password
 * @param trustStoreType PKCS12 or JKS
 */
@ConfigurationProperties("dondoc.signatures")
record SignatureTrustProperties(
    Resource trustStore, String trustStorePassword, String trustStoreType) {}
