package dev.orderlistbot.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.domain.KeyType;
import dev.orderlistbot.core.domain.Secret;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class KeyMaterialTest {
  private final SecureRandom random = new SecureRandom();

  @Test
  void anythingThatIsNotPemIsAnHmacSecret() {
    assertThat(KeyMaterial.detect(Secret.of("NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j")))
        .isEqualTo(new KeyMaterial.Detection.Usable(KeyType.HMAC));
  }

  @Test
  void aPkcs8PemIsToldApartAsEd25519OrRsaByTheJdkKeyFactory() throws Exception {
    String ed25519 = KeyMaterial.generateEd25519(random).privateKeyPem().reveal();
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048, random);
    String rsaPem = pem("PRIVATE KEY", rsa.generateKeyPair().getPrivate().getEncoded());

    assertThat(KeyMaterial.detect(Secret.of(ed25519))).isEqualTo(new KeyMaterial.Detection.Usable(KeyType.ED25519));
    assertThat(KeyMaterial.detect(Secret.of("  " + rsaPem + "\n")))
        .isEqualTo(new KeyMaterial.Detection.Usable(KeyType.RSA));
  }

  @Test
  void otherPemBlocksAndDamagedKeysAreRefused() {
    assertThat(KeyMaterial.detect(Secret.of("-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----")))
        .isEqualTo(new KeyMaterial.Detection.Unusable(KeyMaterial.Problem.NOT_PKCS8));
    assertThat(KeyMaterial.detect(Secret.of("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----")))
        .isEqualTo(new KeyMaterial.Detection.Unusable(KeyMaterial.Problem.UNREADABLE_KEY));
    assertThat(KeyMaterial.detect(Secret.of("   ")))
        .isEqualTo(new KeyMaterial.Detection.Unusable(KeyMaterial.Problem.EMPTY));
  }

  @Test
  void keygenShowsAnX509PublicKeyThatBelongsToThePrivateOne() throws Exception {
    KeyMaterial.GeneratedKey key = KeyMaterial.generateEd25519(random);

    String body = key.publicKeyPem().replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "");
    PublicKey publicKey =
        KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder().decode(body)));
    assertThat(publicKey.getAlgorithm()).isIn("Ed25519", "EdDSA");
    assertThat(key.privateKeyPem().reveal()).startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(key.publicKeyPem()).doesNotContain("PRIVATE");
  }

  private static String pem(String label, byte[] der) {
    return "-----BEGIN " + label + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END " + label + "-----";
  }
}
