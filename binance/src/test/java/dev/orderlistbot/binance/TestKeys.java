package dev.orderlistbot.binance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.domain.KeyType;
import dev.orderlistbot.core.domain.Secret;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** The public test keys of {@code signature-vectors.json} (never used for a real account). */
final class TestKeys {
  static final JsonNode VECTORS = Fixtures.json("signature-vectors.json");

  static final String HMAC_API_KEY = VECTORS.at("/hmac/apiKey").asText();
  static final String HMAC_SECRET = VECTORS.at("/hmac/secretKey").asText();
  static final String ED25519_PRIVATE_PEM = VECTORS.at("/ed25519/derived/private_key_pem_pkcs8").asText();
  static final String ED25519_PUBLIC_PEM = VECTORS.at("/ed25519/derived/public_key_pem").asText();
  static final String ED25519_API_KEY = VECTORS.at("/ed25519/official_unverifiable/apiKey").asText();
  static final String RSA_PRIVATE_PEM = VECTORS.at("/rsa/derived/private_key_pem_pkcs8").asText();
  static final String RSA_API_KEY = VECTORS.at("/rsa/official_unverifiable/apiKey").asText();

  private TestKeys() {}

  static ApiCredentials hmac() {
    return new ApiCredentials(KeyType.HMAC, HMAC_API_KEY, Secret.of(HMAC_SECRET));
  }

  static ApiCredentials hmac(String apiKey, String secret) {
    return new ApiCredentials(KeyType.HMAC, apiKey, Secret.of(secret));
  }

  static ApiCredentials ed25519() {
    return new ApiCredentials(KeyType.ED25519, ED25519_API_KEY, Secret.of(ED25519_PRIVATE_PEM));
  }

  static ApiCredentials rsa() {
    return new ApiCredentials(KeyType.RSA, RSA_API_KEY, Secret.of(RSA_PRIVATE_PEM));
  }

  static PublicKey ed25519Public() {
    try {
      return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der(ED25519_PUBLIC_PEM)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The RSA test key's public half, derived from its private CRT parameters. */
  static PublicKey rsaPublic() {
    try {
      KeyFactory rsa = KeyFactory.getInstance("RSA");
      RSAPrivateCrtKey key = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(der(RSA_PRIVATE_PEM)));
      BigInteger modulus = key.getModulus();
      return rsa.generatePublic(new RSAPublicKeySpec(modulus, key.getPublicExponent()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] der(String pem) {
    return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
  }
}
