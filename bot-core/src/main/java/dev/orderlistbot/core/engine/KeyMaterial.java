package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.domain.KeyType;
import dev.orderlistbot.core.domain.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Tells what kind of secret a trader pasted, and makes Ed25519 key pairs inside the bot.
 *
 * <p>A PEM {@code -----BEGIN PRIVATE KEY-----} block is a PKCS#8 private key: Ed25519 or RSA,
 * told apart by which JDK {@link KeyFactory} accepts its bytes. Any other PEM block is refused
 * (a public key, an encrypted or a PKCS#1 key); anything that is not PEM is an HMAC secret. Nothing
 * here logs or keeps the key. Stateless and thread-safe.
 */
final class KeyMaterial {
  private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
  private static final String END = "-----END PRIVATE KEY-----";
  private static final Pattern BARE_KEY = Pattern.compile("[A-Za-z0-9]{64}");

  private KeyMaterial() {}

  /** What a pasted secret is, or why it cannot be used. */
  sealed interface Detection {
    record Usable(KeyType type) implements Detection {}

    record Unusable(Problem problem) implements Detection {}
  }

  enum Problem {
    /** A PEM block other than an unencrypted PKCS#8 private key. */
    NOT_PKCS8,
    /** A PKCS#8 block whose key is neither Ed25519 nor RSA, or is damaged. */
    UNREADABLE_KEY,
    /** An empty secret. */
    EMPTY
  }

  /** A key pair made by {@link #generateEd25519}: the public half to show, the private to seal. */
  record GeneratedKey(String publicKeyPem, Secret privateKeyPem) {
    GeneratedKey {
      Objects.requireNonNull(publicKeyPem, "publicKeyPem");
      Objects.requireNonNull(privateKeyPem, "privateKeyPem");
    }
  }

  /**
   * Whether a plain chat line looks like key material: a PEM private key, or 64 letters and digits
   * (the shape of Binance's HMAC secrets and API keys). Such a line is deleted even when no key
   * setup is waiting for it (for example one that a restart forgot).
   */
  static boolean looksLikeKey(String text) {
    String trimmed = text.strip();
    return (trimmed.contains("-----BEGIN") && trimmed.contains("PRIVATE KEY")) || BARE_KEY.matcher(trimmed).matches();
  }

  static Detection detect(Secret secret) {
    String text = secret.reveal().strip();
    if (text.isEmpty()) {
      return new Detection.Unusable(Problem.EMPTY);
    }
    if (!text.startsWith("-----BEGIN")) {
      return new Detection.Usable(KeyType.HMAC);
    }
    if (!text.startsWith(BEGIN) || !text.endsWith(END)) {
      return new Detection.Unusable(Problem.NOT_PKCS8);
    }
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(text.substring(BEGIN.length(), text.length() - END.length()));
    } catch (IllegalArgumentException e) {
      return new Detection.Unusable(Problem.UNREADABLE_KEY);
    }
    try {
      for (KeyType type : new KeyType[] {KeyType.ED25519, KeyType.RSA}) {
        if (accepts(type == KeyType.ED25519 ? "Ed25519" : "RSA", der)) {
          return new Detection.Usable(type);
        }
      }
      return new Detection.Unusable(Problem.UNREADABLE_KEY);
    } finally {
      Arrays.fill(der, (byte) 0);
    }
  }

  /** A fresh Ed25519 key pair from {@code random}, both halves as PEM. */
  static GeneratedKey generateEd25519(SecureRandom random) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
      generator.initialize(NamedParameterSpec.ED25519, random);
      KeyPair pair = generator.generateKeyPair();
      byte[] pkcs8 = pair.getPrivate().getEncoded();
      byte[] pem = pem("PRIVATE KEY", pkcs8).getBytes(StandardCharsets.US_ASCII);
      try {
        return new GeneratedKey(pem("PUBLIC KEY", pair.getPublic().getEncoded()), Secret.ofBytes(pem));
      } finally {
        Arrays.fill(pkcs8, (byte) 0);
        Arrays.fill(pem, (byte) 0);
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK cannot make Ed25519 keys", e);
    }
  }

  private static boolean accepts(String algorithm, byte[] der) {
    try {
      KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static String pem(String label, byte[] der) {
    String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
  }
}
