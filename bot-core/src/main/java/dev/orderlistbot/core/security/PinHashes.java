package dev.orderlistbot.core.security;

import dev.orderlistbot.core.domain.Secret;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Slow salted hashes of step-up PINs: Argon2id (BouncyCastle's {@link Argon2BytesGenerator}) with
 * OWASP's smallest recommended cost (19 MiB, 2 passes, 1 lane), a 16-byte random salt and a 32-byte
 * hash, kept as a PHC string such as {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>} (unpadded
 * standard Base64). The parameters travel in the string, so a later cost raise still verifies older
 * hashes. Verification compares in constant time. Stateless and thread-safe; about 50 ms a hash.
 */
public final class PinHashes {
  private static final int MEMORY_KIB = 19_456;
  private static final int ITERATIONS = 2;
  private static final int LANES = 1;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final Pattern PHC =
      Pattern.compile("\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,2}),p=(\\d{1,2})\\$([A-Za-z0-9+/]{16,64})\\$([A-Za-z0-9+/]{16,128})");
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();

  private PinHashes() {}

  /** The PHC string of {@code pin} under a fresh salt from {@code random}. */
  public static String hash(Secret pin, SecureRandom random) {
    Objects.requireNonNull(pin, "pin");
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    byte[] hash = derive(pin, salt, MEMORY_KIB, ITERATIONS, LANES, HASH_BYTES);
    try {
      return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + LANES + "$" + B64.encodeToString(salt) + "$"
          + B64.encodeToString(hash);
    } finally {
      Arrays.fill(hash, (byte) 0);
    }
  }

  /** Whether {@code pin} is the one {@code phc} was made from; false for a malformed string. */
  public static boolean verify(Secret pin, String phc) {
    Objects.requireNonNull(pin, "pin");
    Matcher m = PHC.matcher(Objects.requireNonNull(phc, "phc"));
    if (!m.matches()) {
      return false;
    }
    byte[] salt = Base64.getDecoder().decode(m.group(4));
    byte[] expected = Base64.getDecoder().decode(m.group(5));
    byte[] actual =
        derive(pin, salt, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), expected.length);
    try {
      return MessageDigest.isEqual(actual, expected);
    } finally {
      Arrays.fill(actual, (byte) 0);
    }
  }

  private static byte[] derive(Secret pin, byte[] salt, int memoryKib, int iterations, int lanes, int length) {
    Argon2Parameters parameters =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(memoryKib)
            .withIterations(iterations)
            .withParallelism(lanes)
            .withSalt(salt)
            .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(parameters);
    byte[] password = pin.bytes();
    byte[] out = new byte[length];
    try {
      generator.generateBytes(password, out);
      return out;
    } finally {
      Arrays.fill(password, (byte) 0);
    }
  }
}
