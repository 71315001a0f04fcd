package dev.orderlistbot.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.domain.CredentialId;
import dev.orderlistbot.core.domain.KeyType;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.port.out.SealedBox;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** AES-GCM with associated data: what opens and what does not. */
class SealingTest {
  private final SecureRandom random = new SecureRandom();
  private final AesGcm gcm = new AesGcm(random);
  private final MasterKey key = MasterKey.generate(random);
  private final UserRef alice = new UserRef("telegram", "1001");
  private final CredentialId id = new CredentialId(UUID.randomUUID());

  @Test
  void aBoxOpensOnlyWithItsOwnKeyAndAssociatedData() {
    byte[] plaintext = "data key bytes".getBytes(StandardCharsets.UTF_8);
    SealedBox box = gcm.seal(key.aesKey(), plaintext, AssociatedData.forDataKey(alice, id, 1));

    assertThat(AesGcm.open(key.aesKey(), box, AssociatedData.forDataKey(alice, id, 1))).hasValue(plaintext);
    assertThat(AesGcm.open(key.aesKey(), box, AssociatedData.forDataKey(alice, id, 2))).isEmpty();
    assertThat(AesGcm.open(key.aesKey(), box, AssociatedData.forDataKey(new UserRef("telegram", "1002"), id, 1))).isEmpty();
    assertThat(AesGcm.open(key.aesKey(), box, AssociatedData.forDataKey(new UserRef("discord", "1001"), id, 1))).isEmpty();
    assertThat(AesGcm.open(key.aesKey(), box, AssociatedData.forDataKey(alice, new CredentialId(UUID.randomUUID()), 1))).isEmpty();
    assertThat(AesGcm.open(MasterKey.generate(random).aesKey(), box, AssociatedData.forDataKey(alice, id, 1))).isEmpty();
  }

  @Test
  void sealingTheSameBytesTwiceUsesTwoFreshNonces() {
    byte[] plaintext = new byte[32];
    SealedBox first = gcm.seal(key.aesKey(), plaintext, AssociatedData.forKeyCheck(1));
    SealedBox second = gcm.seal(key.aesKey(), plaintext, AssociatedData.forKeyCheck(1));

    assertThat(first.nonce()).hasSize(12).isNotEqualTo(second.nonce());
    assertThat(first.ciphertext()).hasSize(32 + 16).isNotEqualTo(second.ciphertext());
  }

  @Test
  void associatedDataFieldsCannotBeShiftedIntoEachOther() {
    byte[] one = AssociatedData.forSecret(new UserRef("telegram", "12"), id, KeyType.HMAC, "3abc");
    byte[] two = AssociatedData.forSecret(new UserRef("telegram", "123"), id, KeyType.HMAC, "abc");
    assertThat(one).isNotEqualTo(two);
    assertThat(AssociatedData.forSecret(alice, id, KeyType.HMAC, "k"))
        .isNotEqualTo(AssociatedData.forSecret(alice, id, KeyType.RSA, "k"));
  }

  @Test
  void aBoxPrintsOnlyItsLengths() {
    SealedBox box = gcm.seal(key.aesKey(), "secret".getBytes(StandardCharsets.UTF_8), AssociatedData.forKeyCheck(1));
    assertThat(box.toString()).isEqualTo("SealedBox[nonce=12 bytes, ciphertext=22 bytes]");
  }

  @Test
  void credentialIdsAreRandomVersion4Uuids() {
    UUID one = RandomIds.uuid(random);
    assertThat(one.version()).isEqualTo(4);
    assertThat(one.variant()).isEqualTo(2);
    assertThat(RandomIds.uuid(random)).isNotEqualTo(one);
  }
}
