package vn.dondoc.app.attachments;

import java.time.Instant;
import java.util.List;

/**
 * What the embedded signatures of one PDF say (see {@link PdfSignatureVerifier}). Labels: keys
 * {@code PdfSignatureCheck.Verdict.<name>} and {@code PdfSignatureCheck.Chain.<name>}.
 */
public record PdfSignatureCheck(Verdict verdict, List<Signature> signatures) {

  /** The file's verdict, the worst of its signatures'. */
  public enum Verdict {
    /** Every signature verifies and the last one covers the whole file. */
    SIGNED_INTACT,
    /** A signature's digest does not match, or bytes were added after the last signature. */
    SIGNED_CHANGED,
    NOT_SIGNED,
    /** Not readable as a PDF, or a signature in a form this check does not read. */
    CANNOT_VERIFY
  }

  /** Whether the signer's certificate leads to a configured trust anchor. */
  public enum Chain {
    TRUSTED,
    UNTRUSTED,
    /** No trust anchors are configured: nothing said either way. */
    NOT_CHECKED
  }

  /**
   * One signature: the signer's common name and organisation from the certificate, the signing time
   * the signature states (its signed attribute, else the dictionary's {@code /M}; both come from the
   * signer's machine), whether its digest and signature verify, whether it covers the whole file.
   */
  public record Signature(
      String signer,
      String organisation,
      Instant signedAt,
      boolean intact,
      boolean coversWholeDocument,
      Chain chain) {}

  public boolean signed() {
    return !signatures.isEmpty();
  }
}
