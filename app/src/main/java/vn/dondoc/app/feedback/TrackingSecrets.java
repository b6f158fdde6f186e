package vn.dondoc.app.feedback;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The secret that lets a sender follow, answer and rate an item without an account. Only its SHA-256
 * is stored. With an Idempotency-Key the secret is an HMAC of code and key, so a client that retries
 * after losing the first response gets the same secret back, and nobody without the key can.
 */
@Component
class TrackingSecrets {

  private static final SecureRandom RANDOM = new SecureRandom();
  private final byte[] serverKey;

  TrackingSecrets(@Value("${dondoc.feedback.tracking-key}") String serverKey) {
    this.serverKey = serverKey.getBytes(StandardCharsets.UTF_8);
  }

  String issue(String code, String idempotencyKey) {
    if (idempotencyKey == null) {
      byte[] random = new byte[18];
      RANDOM.nextBytes(random);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(serverKey, "HmacSHA256"));
      byte[] derived = mac.doFinal((code + "\n" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(derived, 18));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  static String hash(String secret) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  /** Constant-time comparison, so the response time tells nothing about the stored hash. */
  static boolean matches(String secret, String storedHash) {
    if (secret == null || secret.isBlank() || storedHash == null) {
      return false;
    }
    return MessageDigest.isEqual(hash(secret).getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
  }
}
