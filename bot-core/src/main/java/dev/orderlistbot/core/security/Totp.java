package dev.orderlistbot.core.security;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import dev.orderlistbot.core.domain.Secret;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 time-based codes as authenticator apps make them: HMAC-SHA1, 6 digits, 30-second steps
 * (java-otp's {@link TimeBasedOneTimePasswordGenerator} computes them; nothing here truncates an
 * HMAC by hand). A code is taken for the current step or one step either side (a phone's clock a
 * little off); {@link #matchingStep} says which step matched, so the caller can refuse the same
 * step twice. Secrets are 20 random bytes (RFC 4226's recommended 160 bits). Stateless, thread-safe.
 */
public final class Totp {
  /** The length of one step. */
  public static final Duration STEP = Duration.ofSeconds(30);

  static final int SECRET_BYTES = 20;
  private static final int DIGITS = 6;

  private Totp() {}

  /** A fresh random secret for an authenticator. */
  public static Secret newSecret(SecureRandom random) {
    byte[] bytes = new byte[SECRET_BYTES];
    random.nextBytes(bytes);
    try {
      return Secret.ofBytes(bytes);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /** The step {@code at} falls in (seconds since the epoch over 30). */
  public static long stepOf(Instant at) {
    return Math.floorDiv(at.getEpochSecond(), STEP.toSeconds());
  }

  /** The six-digit code of {@code secret} at {@code at}, zero-padded. */
  public static String code(Secret secret, Instant at) {
    return codeAtStep(secret, stepOf(at), "HmacSHA1", DIGITS);
  }

  /** RFC 6238's generator with another HMAC and length: for the RFC's test vectors. */
  static String code(Secret secret, Instant at, String algorithm, int digits) {
    return codeAtStep(secret, stepOf(at), algorithm, digits);
  }

  /**
   * The step within one of {@code now}'s whose code is {@code code}, the latest first matched from
   * the current step; empty when none is (or the code is not six digits).
   */
  public static OptionalLong matchingStep(Secret secret, String code, Instant now) {
    Objects.requireNonNull(code, "code");
    if (code.length() != DIGITS || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return OptionalLong.empty();
    }
    long current = stepOf(now);
    long found = -1;
    // every candidate is computed and compared in constant time: no early exit tells which matched
    for (long step = current - 1; step <= current + 1; step++) {
      byte[] expected = codeAtStep(secret, step, "HmacSHA1", DIGITS).getBytes(StandardCharsets.US_ASCII);
      if (MessageDigest.isEqual(expected, code.getBytes(StandardCharsets.US_ASCII))) {
        found = step;
      }
    }
    return found < 0 ? OptionalLong.empty() : OptionalLong.of(found);
  }

  /**
   * The {@code otpauth://totp/...} URI an authenticator app reads (usually from a QR code), holding
   * the secret in Base32: shown once, in private, to its owner only.
   */
  public static String otpauthUri(Secret secret, String issuer, String account) {
    String label = encode(issuer) + ":" + encode(account);
    byte[] bytes = secret.bytes();
    try {
      return "otpauth://totp/" + label + "?secret=" + Base32.encode(bytes) + "&issuer=" + encode(issuer)
          + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP.toSeconds();
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  private static String codeAtStep(Secret secret, long step, String algorithm, int digits) {
    byte[] bytes = secret.bytes();
    try {
      TimeBasedOneTimePasswordGenerator generator = new TimeBasedOneTimePasswordGenerator(STEP, digits, algorithm);
      int value = generator.generateOneTimePassword(new SecretKeySpec(bytes, algorithm), Instant.ofEpochSecond(step * STEP.toSeconds()));
      return String.format("%0" + digits + "d", value);
    } catch (InvalidKeyException e) {
      throw new IllegalStateException("an HMAC takes any key: " + e.getClass().getSimpleName(), e);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
