package vn.dondoc.app.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.TrustAnchor;
import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.dondoc.app.attachments.PdfSignatureCheck.Chain;
import vn.dondoc.app.attachments.PdfSignatureCheck.Signature;
import vn.dondoc.app.attachments.PdfSignatureCheck.Verdict;

class PdfSignatureVerifierTest {

  private static final PdfFixtures.Signer SIGNER =
      PdfFixtures.selfSignedSigner("Nguyễn Văn An", "Bộ Khoa học và Công nghệ");
  private static final byte[] SIGNED = PdfFixtures.signed(SIGNER);

  private final PdfSignatureVerifier withoutRoots =
      new PdfSignatureVerifier(Set.of(), Clock.systemUTC());

  @Test
  void aSignedUntouchedPdfIsIntactAndNamesItsSigner() {
    PdfSignatureCheck check = withoutRoots.check(SIGNED);

    assertThat(check.verdict()).isEqualTo(Verdict.SIGNED_INTACT);
    assertThat(check.signatures()).hasSize(1);
    Signature signature = check.signatures().get(0);
    assertThat(signature.signer()).isEqualTo("Nguyễn Văn An");
    assertThat(signature.organisation()).isEqualTo("Bộ Khoa học và Công nghệ");
    assertThat(signature.intact()).isTrue();
    assertThat(signature.coversWholeDocument()).isTrue();
    assertThat(signature.signedAt()).isEqualTo(PdfFixtures.SIGNED_AT);
    assertThat(signature.chain()).isEqualTo(Chain.NOT_CHECKED);
  }

  @Test
  void aPdfChangedInsideTheSignedBytesFailsItsDigest() {
    PdfSignatureCheck check = withoutRoots.check(PdfFixtures.changedInsideSignedBytes(SIGNED));

    assertThat(check.verdict()).isEqualTo(Verdict.SIGNED_CHANGED);
    assertThat(check.signatures().get(0).intact()).isFalse();
  }

  @Test
  void anUpdateAppendedAfterSigningLeavesTheSignatureShortOfTheWholeDocument() {
    byte[] updated = PdfFixtures.updatedAfterSigning(SIGNED);

    PdfSignatureCheck check = withoutRoots.check(updated);

    assertThat(updated.length).isGreaterThan(SIGNED.length);
    assertThat(check.verdict()).isEqualTo(Verdict.SIGNED_CHANGED);
    assertThat(check.signatures().get(0).intact()).isTrue();
    assertThat(check.signatures().get(0).coversWholeDocument()).isFalse();
  }

  @Test
  void anUnsignedPdfIsNotSigned() {
    assertThat(withoutRoots.check(PdfFixtures.unsigned()).verdict()).isEqualTo(Verdict.NOT_SIGNED);
  }

  @Test
  void somethingThatIsNotAPdfCannotBeVerified() {
    assertThat(withoutRoots.check(SampleFiles.png()).verdict()).isEqualTo(Verdict.CANNOT_VERIFY);
  }

  @Test
  void theChainIsTrustedWhenTheTrustStoreHoldsTheCertificateAndUntrustedWhenItHoldsAnother() {
    PdfSignatureVerifier trusting = new PdfSignatureVerifier(
        Set.of(new TrustAnchor(SIGNER.certificate(), null)), Clock.systemUTC());
    PdfFixtures.Signer stranger = PdfFixtures.selfSignedSigner("Tổ chức khác", "Không rõ");
    PdfSignatureVerifier other = new PdfSignatureVerifier(
        Set.of(new TrustAnchor(stranger.certificate(), null)), Clock.systemUTC());

    assertThat(trusting.check(SIGNED).signatures().get(0).chain()).isEqualTo(Chain.TRUSTED);
    assertThat(other.check(SIGNED).signatures().get(0).chain()).isEqualTo(Chain.UNTRUSTED);
    assertThat(other.check(SIGNED).verdict()).isEqualTo(Verdict.SIGNED_INTACT);
  }
}
