package vn.dondoc.app.attachments;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Calendar;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * PDFs made in the test, so that each shows what it holds: an unsigned one, one signed with a
 * self-signed certificate made here, that signed one changed inside the signed bytes and changed by an
 * update appended after signing, and ones with JavaScript, a launch action or an embedded file.
 */
public final class PdfFixtures {

  /** The text of the page; the "changed" copy replaces it with {@link #FORGED_TEXT}, of the same length. */
  public static final String PAGE_TEXT = "Quyet dinh so 12/QD-BKHCN";

  static final String FORGED_TEXT = "Quyet dinh so 99/QD-BKHCN";

  /** The signing time the fixtures' signatures state (a signed CMS attribute). */
  public static final Instant SIGNED_AT = Instant.parse("2026-03-12T02:14:00Z");

  /** A signer: a key pair and its self-signed certificate. */
  public record Signer(KeyPair keys, X509Certificate certificate) {}

  private static final AtomicLong SERIALS = new AtomicLong();

  private PdfFixtures() {}

  public static Signer selfSignedSigner(String commonName, String organisation) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair keys = generator.generateKeyPair();
      X500Name name = new X500Name("CN=" + commonName + ", O=" + organisation + ", C=VN");
      X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
          name,
          BigInteger.valueOf(SERIALS.incrementAndGet()),
          Date.from(Instant.parse("2025-01-01T00:00:00Z")),
          Date.from(Instant.parse("2035-01-01T00:00:00Z")),
          name,
          keys.getPublic());
      X509Certificate certificate = new JcaX509CertificateConverter()
          .getCertificate(
              builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
      return new Signer(keys, certificate);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One page saying {@link #PAGE_TEXT}, written uncompressed so that tests can find and change the text. */
  public static byte[] unsigned() {
    return build(document -> {});
  }

  public static byte[] withJavaScript() {
    return build(document -> document
        .getDocumentCatalog()
        .setOpenAction(new PDActionJavaScript("app.alert('xin chao')")));
  }

  public static byte[] withLaunchAction() {
    return build(document -> {
      PDActionLaunch launch = new PDActionLaunch();
      launch.setFile(new PDComplexFileSpecification());
      launch.getFile().setFile("calc.exe");
      document.getDocumentCatalog().setOpenAction(launch);
    });
  }

  public static byte[] withEmbeddedFile() {
    return build(document -> {
      PDEmbeddedFile file = new PDEmbeddedFile(
          document, new ByteArrayInputStream("bang tinh".getBytes(StandardCharsets.US_ASCII)));
      PDComplexFileSpecification spec = new PDComplexFileSpecification();
      spec.setFile("so-lieu.xlsx");
      spec.setEmbeddedFile(file);
      PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
      tree.setNames(Map.of("so-lieu.xlsx", spec));
      PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
      names.setEmbeddedFiles(tree);
      document.getDocumentCatalog().setNames(names);
    });
  }

  /** {@link #unsigned()} signed (PKCS#7 detached, SHA-256 with RSA) by {@code signer}, as an incremental update. */
  public static byte[] signed(Signer signer) {
    try (PDDocument document = Loader.loadPDF(unsigned())) {
      PDSignature signature = new PDSignature();
      signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
      signature.setSubFilter(PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
      signature.setName("Nguyen Van An");
      Calendar signDate = Calendar.getInstance();
      signDate.setTimeInMillis(SIGNED_AT.toEpochMilli());
      signature.setSignDate(signDate);
      document.addSignature(signature, content -> {
        try {
          CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
          Attribute signingTime =
              new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(SIGNED_AT))));
          generator.addSignerInfoGenerator(
              new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                  .setSignedAttributeGenerator(
                      new DefaultSignedAttributeTableGenerator(new AttributeTable(signingTime)))
                  .build(
                      new JcaContentSignerBuilder("SHA256withRSA")
                          .build(signer.keys().getPrivate()),
                      signer.certificate()));
          generator.addCertificates(new JcaCertStore(List.of(signer.certificate())));
          return generator
              .generate(new CMSProcessableByteArray(content.readAllBytes()), false)
              .getEncoded();
        } catch (GeneralSecurityException | OperatorCreationException | CMSException e) {
          throw new IOException(e);
        }
      });
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.saveIncremental(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A signed PDF whose page text was changed in place afterwards: the signed bytes no longer match. */
  public static byte[] changedInsideSignedBytes(byte[] signedPdf) {
    String latin1 = new String(signedPdf, StandardCharsets.ISO_8859_1);
    int at = latin1.indexOf(PAGE_TEXT);
    if (at < 0) {
      throw new IllegalArgumentException("the page text is not in the file as written");
    }
    byte[] changed = signedPdf.clone();
    byte[] forged = FORGED_TEXT.getBytes(StandardCharsets.ISO_8859_1);
    System.arraycopy(forged, 0, changed, at, forged.length);
    return changed;
  }

  /** A signed PDF with an update appended after signing (the page turned): the signature covers only the original. */
  public static byte[] updatedAfterSigning(byte[] signedPdf) {
    try (PDDocument document = Loader.loadPDF(signedPdf)) {
      PDPage page = document.getPage(0);
      page.setRotation(90);
      page.getCOSObject().setNeedToBeUpdated(true);
      document.getPages().getCOSObject().setNeedToBeUpdated(true);
      document.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.saveIncremental(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private interface Change {
    void apply(PDDocument document) throws IOException;
  }

  private static byte[] build(Change change) {
    try (PDDocument document = new PDDocument()) {
      PDPage page = new PDPage(PDRectangle.A5);
      document.addPage(page);
      try (PDPageContentStream text = new PDPageContentStream(
          document, page, PDPageContentStream.AppendMode.OVERWRITE, false)) {
        text.beginText();
        text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
        text.newLineAtOffset(40, 500);
        text.showText(PAGE_TEXT);
        text.endText();
      }
      change.apply(document);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out, CompressParameters.NO_COMPRESSION);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
