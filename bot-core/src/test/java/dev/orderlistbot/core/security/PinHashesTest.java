package dev.orderlistbot.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.domain.Secret;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** Argon2id PIN hashes: right and wrong PINs, salts, and strings that are not ours. */
class PinHashesTest {
  private final SecureRandom random = new SecureRandom();

  @Test
  void theRightPinVerifiesAndAWrongOneDoesNot() {
    String hash = PinHashes.hash(Secret.of("480315"), random);

    assertThat(PinHashes.verify(Secret.of("480315"), hash)).isTrue();
    assertThat(PinHashes.verify(Secret.of("480316"), hash)).isFalse();
    assertThat(PinHashes.verify(Secret.of(""), hash)).isFalse();
  }

  @Test
  void theHashIsAPhcStringWithItsParametersAndNeverThePin() {
    String hash = PinHashes.hash(Secret.of("480315"), random);

    assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("480315");
  }

  @Test
  void eachHashHasItsOwnSalt() {
    assertThat(PinHashes.hash(Secret.of("480315"), random)).isNotEqualTo(PinHashes.hash(Secret.of("480315"), random));
  }

  @Test
  void aStringThatIsNoArgon2idHashNeverVerifies() {
    assertThat(PinHashes.verify(Secret.of("480315"), "480315")).isFalse();
    assertThat(PinHashes.verify(Secret.of("480315"), "$2a$10$abcdefghijklmnopqrstuv")).isFalse();
    String hash = PinHashes.hash(Secret.of("480315"), random);
    assertThat(PinHashes.verify(Secret.of("480315"), hash.replace("t=2", "t=3"))).isFalse();
  }
}
