package vn.dondoc.app.attachments;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Provider;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CertificateException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.springframework.core.io.Resource;
import vn.dondoc.app.attachments.PdfSignatureCheck.Chain;
import vn.dondoc.app.attachments.PdfSignatureCheck.Signature;
import vn.dondoc.app.attachments.PdfSignatureCheck.Verdict;

/**
 * Verifies the embedded signatures of a PDF (PKCS#7 / CAdES detached, as PAdES and Vietnamese signing
 * tools write them): each signature's digest and cryptographic signature over its byte range, whether the
 * last one covers the whole file (anything after it was added once signed), and the signer's certificate
 * chain against the configured trust anchors at the signing time. Revocation (OCSP, CRL) is not checked:
 * that would mean calling the CAs from here.
 */
public class PdfSignatureVerifier {

  private static final Set<String> DETACHED_CMS =
      Set.of("adbe.pkcs7.detached", "ETSI.CAdES.detached");

  private final Set<TrustAnchor> anchors;
  private final Clock clock;
  /** Not registered with the JVM's providers: only this verifier uses it. */
  private final Provider provider = new BouncyCastleProvider();

  public PdfSignatureVerifier(Set<TrustAnchor> anchors, Clock clock) {
    this.anchors = Set.copyOf(anchors);
    this.clock = clock;
  }

  /** The trust anchors of a key store (every certificate in it), none when no store is configured. */
  static Set<TrustAnchor> anchorsOf(Resource store, String type, String password) {
    if (store == null) {
      return Set.of();
    }
    try (InputStream in = store.getInputStream()) {
      KeyStore keys = KeyStore.getInstance(type == null || type.isBlank() ? "PKCS12" : type);
      keys.load(in, password == null ? null : password.toCharArray());
      Set<TrustAnchor> anchors = new HashSet<>();
      for (String alias : Collections.list(keys.aliases())) {
        if (keys.getCertificate(alias) instanceof X509Certificate certificate) {
          anchors.add(new TrustAnchor(certificate, null));
        }
      }
      return anchors;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("dondoc.signatures.trust-store cannot be read: " + store, e);
    }
  }

  public boolean checksChains() {
    return !anchors.isEmpty();
  }

  public PdfSignatureCheck check(byte[] pdf) {
    List<Signature> signatures = new ArrayList<>();
    try (PDDocument document = Loader.loadPDF(pdf)) {
      List<PDSignature> found = document.getSignatureDictionaries();
      if (found.isEmpty()) {
        return new PdfSignatureCheck(Verdict.NOT_SIGNED, List.of());
      }
      boolean unreadable = false;
      for (PDSignature signature : found) {
        Optional<Signature> checked = check(signature, pdf);
        checked.ifPresent(signatures::add);
        unreadable |= checked.isEmpty();
      }
      boolean changed = signatures.stream().anyMatch(s -> !s.intact())
          || found.stream().noneMatch(signature -> coversWholeDocument(signature, pdf));
      Verdict verdict = changed
          ? Verdict.SIGNED_CHANGED
          : unreadable ? Verdict.CANNOT_VERIFY : Verdict.SIGNED_INTACT;
      return new PdfSignatureCheck(verdict, List.copyOf(signatures));
    } catch (IOException unreadable) {
      return new PdfSignatureCheck(Verdict.CANNOT_VERIFY, List.of());
    }
  }

  /** Empty when the signature is in a form not read here or its CMS structure is broken. */
  private Optional<Signature> check(PDSignature signature, byte[] pdf) {
    int[] range = signature.getByteRange();
    if (!DETACHED_CMS.contains(signature.getSubFilter()) || range == null || range.length != 4) {
      return Optional.empty();
    }
    try {
      // The /Contents hole is padded with zeros after the CMS structure: read the structure alone.
      CMSSignedData cms = new CMSSignedData(
          new CMSProcessableByteArray(signature.getSignedContent(pdf)),
          new ByteArrayInputStream(signature.getContents(pdf)));
      SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
      X509CertificateHolder holder = (X509CertificateHolder)
          cms.getCertificates().getMatches(signer.getSID()).iterator().next();
      boolean intact;
      try {
        intact = signer.verify(
            new JcaSimpleSignerInfoVerifierBuilder().setProvider(provider).build(holder));
      } catch (CMSSignerDigestMismatchException digestDiffers) {
        intact = false;
      }
      Instant signedAt = signingTime(signer)
          .orElseGet(() ->
              signature.getSignDate() == null ? null : signature.getSignDate().toInstant());
      X500Name subject = holder.getSubject();
      return Optional.of(new Signature(
          part(subject, BCStyle.CN),
          part(subject, BCStyle.O),
          signedAt,
          intact,
          coversWholeDocument(signature, pdf),
          chain(holder, cms, signedAt)));
    } catch (CMSException
        | OperatorCreationException
        | CertificateException
        | IOException
        | RuntimeException broken) {
      return Optional.empty();
    }
  }

  /** The signed ranges are [0, a) and [b, b + c); the hole between is the signature itself. */
  private static boolean coversWholeDocument(PDSignature signature, byte[] pdf) {
    int[] range = signature.getByteRange();
    return range != null
        && range.length == 4
        && range[0] == 0
        && (long) range[2] + range[3] == pdf.length;
  }

  private static Optional<Instant> signingTime(SignerInformation signer) {
    if (signer.getSignedAttributes() == null) {
      return Optional.empty();
    }
    Attribute attribute = signer.getSignedAttributes().get(CMSAttributes.signingTime);
    if (attribute == null || attribute.getAttrValues().size() == 0) {
      return Optional.empty();
    }
    return Optional.of(
        Time.getInstance(attribute.getAttrValues().getObjectAt(0)).getDate().toInstant());
  }

  private static String part(X500Name name, ASN1ObjectIdentifier type) {
    RDN[] rdns = name.getRDNs(type);
    if (rdns.length == 0) {
      return null;
    }
    ASN1Encodable value = rdns[0].getFirst().getValue();
    return IETFUtils.valueToString(value);
  }

  private Chain chain(X509CertificateHolder signerHolder, CMSSignedData cms, Instant signedAt) {
    if (anchors.isEmpty()) {
      return Chain.NOT_CHECKED;
    }
    try {
      JcaX509CertificateConverter converter =
          new JcaX509CertificateConverter().setProvider(provider);
      X509Certificate signer = converter.getCertificate(signerHolder);
      Date at = Date.from(signedAt == null ? clock.instant() : signedAt);
      // A certificate that is itself an anchor (a self-signed one the deployment trusts) needs no
      // path.
      if (anchors.stream().anyMatch(anchor -> signer.equals(anchor.getTrustedCert()))) {
        signer.checkValidity(at);
        return Chain.TRUSTED;
      }
      List<X509Certificate> carried = new ArrayList<>();
      for (Object holder : cms.getCertificates().getMatches(null)) {
        carried.add(converter.getCertificate((X509CertificateHolder) holder));
      }
      X509CertSelector target = new X509CertSelector();
      target.setCertificate(signer);
      PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, target);
      parameters.addCertStore(
          CertStore.getInstance("Collection", new CollectionCertStoreParameters(carried)));
      parameters.setRevocationEnabled(false);
      parameters.setDate(at);
      CertPathBuilder.getInstance("PKIX").build(parameters);
      return Chain.TRUSTED;
    } catch (GeneralSecurityException notTrusted) {
      return Chain.UNTRUSTED;
    }
  }
}
