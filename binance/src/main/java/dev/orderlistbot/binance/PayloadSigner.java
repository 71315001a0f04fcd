package dev.orderlistbot.binance;

import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.domain.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;

/**
 * Signs a Binance payload with one user's key (reference section 3.5): HMAC-SHA256 as lower-case
 * hex, Ed25519 (pure) or RSASSA-PKCS1-v1_5 with SHA-256 as standard padded base64. The output is
 * the raw signature; the REST signer percent-encodes it ({@code + / =}) before sending.
 *
 * <p>Built once per credential set and thread-safe: it keeps only the parsed key (for HMAC, the
 * digest states after the key's pad blocks), never the text of the secret, and clones those states
 * or creates a fresh {@link Signature} per call (neither is thread-safe); BouncyCastle's Ed25519 private key signs without shared mutable state. Its {@code toString} names the algorithm only.
 */
interface PayloadSigner {

  /** The signature of the UTF-8 bytes of {@code payload}. */
  default String sign(String payload) {
    return sign(payload.getBytes(StandardCharsets.UTF_8));
  }

  /** The signature of {@code message}, the exact bytes sent (not kept, not changed). */
  default String sign(byte[] message) {
    return sign(message, message.length);
  }

  /**
   * The signature of the first {@code length} bytes of {@code message}, so the REST signer can sign
   * the front of the buffer it then completes with the signature (not kept, not changed).
   */
  String sign(byte[] message, int length);

  /**
   * The signer for a credential set.
   *
   * @throws IllegalArgumentException if the secret is not a usable key of the stated type; the
   *     message says what kind of key was expected and never contains key material
   */
  static PayloadSigner of(ApiCredentials credentials) {
    return switch (credentials.type()) {
      case HMAC -> new Hmac(credentials.secret());
      case ED25519 -> new Ed25519(pkcs8(credentials.secret(), "Ed25519"));
      case RSA -> new Asymmetric("SHA256withRSA", "RSA", pkcs8(credentials.secret(), "RSA"));
    };
  }

  /**
   * HMAC-SHA256 (RFC 2104) keyed with the secret's UTF-8 bytes; lower-case hex. The two SHA-256
   * states after the key's inner and outer pad blocks are computed once per credential set; each
   * signature clones them, so the pads are not hashed again per request (what {@link Mac} would
   * do). The official and derived signature vectors and a cross-check against {@link Mac} prove the
   * result is HmacSHA256's (SignatureVectorsTest).
   */
  final class Hmac implements PayloadSigner {
    private static final int BLOCK = 64;

    private final MessageDigest inner;
    private final MessageDigest outer;

    Hmac(Secret secret) {
      if (secret.isEmpty()) {
        throw new IllegalArgumentException("an HMAC secret cannot be empty");
      }
      byte[] key = secret.bytes();
      byte[] block = new byte[BLOCK];
      try {
        byte[] k = key.length > BLOCK ? sha256().digest(key) : key;
        System.arraycopy(k, 0, block, 0, k.length);
        if (k != key) {
          Arrays.fill(k, (byte) 0);
        }
        inner = padded(block, (byte) 0x36);
        outer = padded(block, (byte) 0x5c);
        ((MessageDigest) inner.clone()).reset(); // cloneable here, so every signature can clone
      } catch (CloneNotSupportedException e) {
        throw new IllegalStateException("SHA-256 cannot be cloned in this JDK", e);
      } finally {
        Arrays.fill(key, (byte) 0);
        Arrays.fill(block, (byte) 0);
      }
    }

    /** A SHA-256 state that has absorbed the key block XOR {@code pad}; the pad block is wiped. */
    private static MessageDigest padded(byte[] block, byte pad) {
      byte[] padBlock = new byte[BLOCK];
      for (int i = 0; i < BLOCK; i++) {
        padBlock[i] = (byte) (block[i] ^ pad);
      }
      MessageDigest digest = sha256();
      digest.update(padBlock);
      Arrays.fill(padBlock, (byte) 0);
      return digest;
    }

    private static MessageDigest sha256() {
      try {
        return MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 is unavailable in this JDK", e);
      }
    }

    @Override
    public String sign(byte[] message, int length) {
      try {
        MessageDigest in = (MessageDigest) inner.clone();
        in.update(message, 0, length);
        MessageDigest out = (MessageDigest) outer.clone();
        out.update(in.digest());
        return HexFormat.of().formatHex(out.digest());
      } catch (CloneNotSupportedException e) {
        throw new IllegalStateException("SHA-256 cannot be cloned in this JDK", e);
      }
    }

    @Override
    public String toString() {
      return "PayloadSigner[HMAC-SHA256]";
    }
  }

  /**
   * Ed25519 (pure, RFC 8032) with a PKCS#8 private key; standard base64. Signs with BouncyCastle's
   * lightweight Ed25519 ({@code Ed25519PrivateKeyParameters.sign}, what its {@code Ed25519Signer}
   * calls, without the signer's message buffer), which uses precomputed tables: about twenty times faster
   * than the JDK's SunEC provider (docs/performance.md, "Signing an OCO request"). The key is
   * decoded once; its public half is derived once here, not per signature.
   */
  final class Ed25519 implements PayloadSigner {
    /** RFC 8032's Ed25519 without context or pre-hash: what Binance verifies. */
    private static final int PURE = org.bouncycastle.math.ec.rfc8032.Ed25519.Algorithm.Ed25519;

    private final Ed25519PrivateKeyParameters key;

    Ed25519(byte[] pkcs8) {
      try {
        AsymmetricKeyParameter parsed = PrivateKeyFactory.createKey(pkcs8);
        if (!(parsed instanceof Ed25519PrivateKeyParameters ed25519)) {
          throw new IllegalArgumentException("not a PKCS#8 Ed25519 private key");
        }
        this.key = ed25519;
        key.generatePublicKey();
      } catch (IOException | RuntimeException e) {
        // the cause's text may quote the key's encoding: keep neither
        throw new IllegalArgumentException("not a PKCS#8 Ed25519 private key");
      } finally {
        Arrays.fill(pkcs8, (byte) 0);
      }
    }

    @Override
    public String sign(byte[] message, int length) {
      byte[] signature = new byte[Ed25519PrivateKeyParameters.SIGNATURE_SIZE];
      key.sign(PURE, null, message, 0, length, signature, 0);
      return Base64.getEncoder().encodeToString(signature);
    }

    @Override
    public String toString() {
      return "PayloadSigner[Ed25519]";
    }
  }

  /** RSA PKCS#1 v1.5 SHA-256 with a PKCS#8 private key; standard base64. */
  final class Asymmetric implements PayloadSigner {
    private final String algorithm;
    private final PrivateKey key;

    Asymmetric(String algorithm, String keyAlgorithm, byte[] pkcs8) {
      this.algorithm = algorithm;
      try {
        this.key = KeyFactory.getInstance(keyAlgorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        Signature.getInstance(algorithm).initSign(key);
      } catch (GeneralSecurityException e) {
        // the cause's text may quote the key's encoding: keep neither
        throw new IllegalArgumentException("not a PKCS#8 " + keyAlgorithm + " private key");
      } finally {
        Arrays.fill(pkcs8, (byte) 0);
      }
    }

    @Override
    public String sign(byte[] message, int length) {
      try {
        Signature signature = Signature.getInstance(algorithm);
        signature.initSign(key);
        signature.update(message, 0, length);
        return Base64.getEncoder().encodeToString(signature.sign());
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(algorithm + " signing failed", e);
      }
    }

    @Override
    public String toString() {
      return "PayloadSigner[" + algorithm + "]";
    }
  }

  /** The DER bytes of a PEM {@code PRIVATE KEY} block (PKCS#8); bare base64 is accepted too. */
  private static byte[] pkcs8(Secret pem, String keyAlgorithm) {
    String text = pem.reveal();
    if (text.contains("RSA PRIVATE KEY") || text.contains("EC PRIVATE KEY")) {
      throw new IllegalArgumentException(
          "the " + keyAlgorithm + " key must be PKCS#8 (-----BEGIN PRIVATE KEY-----), not PKCS#1 or SEC1");
    }
    String base64 = text.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
    try {
      return Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the " + keyAlgorithm + " private key is not valid PEM");
    }
  }
}
