package vn.dondoc.app.feedback;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The secret that lets a sender follow, answer and rate an item without an account. Only its SHA-256
 * is stored. With an Idempotency-Key the secret is an HMAC of code and key, so a client that retries
 * after losing the first response gets the same secret back, and nobody without the key can.
 *
 * <p>A secret is read aloud on the telephone and typed from paper: 24 characters of an alphabet without
 * look-alikes (no 0/O, 1/I/L), in groups of four ("K7QM-2ZXA-..."; about 119 bits). Typed in lower case or
 * without the dashes it still matches. Secrets issued before this alphabet (24 characters of base64url) are
 * compared as typed, so they keep working.
 */
@Component
class TrackingSecrets {

  /** 31 characters that cannot be mistaken for one another when read or heard. */
  static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

  private static final int LENGTH = 24;
  private static final int GROUP = 4;
  private static final BigInteger BASE = BigInteger.valueOf(ALPHABET.length());
  private static final Pattern TYPED = Pattern.compile("[" + ALPHABET + "]{" + LENGTH + "}");

  private static final SecureRandom RANDOM = new SecureRandom();
  private final byte[] serverKey;

  @Autowired
  TrackingSecrets(FeedbackProperties settings) {
    this(settings.trackingKey());
  }

  TrackingSecrets(String serverKey) {
    this.serverKey = serverKey.getBytes(StandardCharsets.UTF_8);
  }

  String issue(String code, String idempotencyKey) {
    if (idempotencyKey == null) {
      byte[] random = new byte[18];
      RANDOM.nextBytes(random);
      return grouped(random);
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(serverKey, "HmacSHA256"));
      byte[] derived = mac.doFinal((code + "\n" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
      return grouped(Arrays.copyOf(derived, 18));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /** The bytes as 24 characters of {@link #ALPHABET}, in groups of four joined by dashes. */
  static String grouped(byte[] secret) {
    BigInteger value = new BigInteger(1, secret);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < LENGTH; i++) {
      if (i > 0 && i % GROUP == 0) {
        out.append('-');
      }
      BigInteger[] step = value.divideAndRemainder(BASE);
      out.append(ALPHABET.charAt(step[1].intValue()));
      value = step[0];
    }
    return out.toString();
  }

  /** A secret of the alphabet as issued (upper case, grouped) however it was typed; null when it is not one. */
  static String canonical(String typed) {
    String bare = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    if (!TYPED.matcher(bare).matches()) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < bare.length(); i += GROUP) {
      out.append(i == 0 ? "" : "-").append(bare, i, i + GROUP);
    }
    return out.toString();
  }

  static String hash(String secret) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  /**
   * Constant-time comparison, so the response time tells nothing about the stored hash. The secret as typed
   * (a base64url secret of before is case-sensitive) and, when it is one of the alphabet, as issued.
   */
  static boolean matches(String secret, String storedHash) {
    if (secret == null || secret.isBlank() || storedHash == null) {
      return false;
    }
    String canonical = canonical(secret);
    boolean asTyped = sameHash(secret, storedHash);
    boolean asIssued = canonical != null && sameHash(canonical, storedHash);
    return asTyped | asIssued;
  }

  private static boolean sameHash(String secret, String storedHash) {
    return MessageDigest.isEqual(
        hash(secret).getBytes(StandardCharsets.US_ASCII),
        storedHash.getBytes(StandardCharsets.US_ASCII));
  }
}
