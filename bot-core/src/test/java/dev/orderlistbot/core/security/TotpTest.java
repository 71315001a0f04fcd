package dev.orderlistbot.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.domain.Secret;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** RFC 6238 codes through java-otp, the drift window, and the authenticator URI. */
class TotpTest {
  /** RFC 6238 appendix B's SHA-1 seed. */
  private static final Secret RFC_SECRET = Secret.ofBytes("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

  @ParameterizedTest
  @CsvSource({"59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
      "2000000000, 69279037", "20000000000, 65353130"})
  void matchesTheRfc6238TestVectors(long seconds, String expected) {
    assertThat(Totp.code(RFC_SECRET, Instant.ofEpochSecond(seconds), "HmacSHA1", 8)).isEqualTo(expected);
  }

  @Test
  void sixDigitCodesAreTheLastSixOfTheRfcValue() {
    assertThat(Totp.code(RFC_SECRET, Instant.ofEpochSecond(59))).isEqualTo("287082");
    assertThat(Totp.code(RFC_SECRET, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
  }

  @Test
  void aCodeIsTakenForItsStepAndOneStepEitherSideButNotTwo() {
    Instant now = Instant.ofEpochSecond(1_111_111_111);
    long step = Totp.stepOf(now);
    String current = Totp.code(RFC_SECRET, now);
    String previous = Totp.code(RFC_SECRET, now.minusSeconds(30));
    String next = Totp.code(RFC_SECRET, now.plusSeconds(30));
    String twoAgo = Totp.code(RFC_SECRET, now.minusSeconds(60));

    assertThat(Totp.matchingStep(RFC_SECRET, current, now)).hasValue(step);
    assertThat(Totp.matchingStep(RFC_SECRET, previous, now)).hasValue(step - 1);
    assertThat(Totp.matchingStep(RFC_SECRET, next, now)).hasValue(step + 1);
    assertThat(Totp.matchingStep(RFC_SECRET, twoAgo, now)).isEmpty();
  }

  @Test
  void anythingButSixDigitsNeverMatches() {
    Instant now = Instant.ofEpochSecond(59);
    assertThat(Totp.matchingStep(RFC_SECRET, "28708", now)).isEmpty();
    assertThat(Totp.matchingStep(RFC_SECRET, "2870822", now)).isEmpty();
    assertThat(Totp.matchingStep(RFC_SECRET, "28708a", now)).isEmpty();
    assertThat(Totp.matchingStep(RFC_SECRET, "", now)).isEmpty();
  }

  @Test
  void theUriCarriesTheSecretInBase32WithTheAppsDefaults() {
    assertThat(Totp.otpauthUri(RFC_SECRET, "orderlist-bot", "telegram:1001"))
        .isEqualTo("otpauth://totp/orderlist-bot:telegram%3A1001?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
            + "&issuer=orderlist-bot&algorithm=SHA1&digits=6&period=30");
  }

  @Test
  void newSecretsAreTwentyRandomBytes() {
    SecureRandom random = new SecureRandom();
    Secret one = Totp.newSecret(random);
    Secret two = Totp.newSecret(random);

    assertThat(one.length()).isEqualTo(20);
    assertThat(one.bytes()).isNotEqualTo(two.bytes());
    assertThat(one).hasToString("***");
  }
}
