package vn.dondoc.app.web;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code dondoc.public-base-url}: where the public reaches Dondoc, for the links in e-mails, receipts and letters.
 *
 * @param publicBaseUrl the site's address without a trailing slash (DONDOC_PUBLIC_URL)
 */
@Validated
@ConfigurationProperties("dondoc")
public record SiteProperties(@NotBlank String publicBaseUrl) {}
