package dev.orderlistbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.domain.Secret;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class RedactorTest {
  private static final String TOKEN = DeliveryFailuresTest.TOKEN;
  private final Redactor redactor = new Redactor(Secret.of(TOKEN));

  @Test
  void theConfiguredTokenIsMaskedWhereverItAppears() {
    assertThat(redactor.scrub("POST /bot" + TOKEN + "/getupdates failed"))
        .isEqualTo("POST /bot" + Redactor.MASK + "/getupdates failed");
  }

  @Test
  void aUrlEncodedTokenIsMaskedToo() {
    assertThat(redactor.scrub("GET /bot7700000001%3AAAHx9cQ2-token-that-must-never-show_4TqLw8Pn/x"))
        .doesNotContain("AAHx9cQ2");
  }

  @Test
  void anyOtherTokenShapedValueIsMasked() {
    assertThat(redactor.scrub("old token 123456789:AAE-ZZZZZZZZZZZZZZZZZZZZZZZZZZZ rejected"))
        .isEqualTo("old token " + Redactor.MASK + " rejected");
  }

  @Test
  void theWebhookSecretIsMaskedWhenThereIsOne() {
    Redactor webhook = new Redactor(Secret.of(TOKEN), java.util.Optional.of(Secret.of("whsec-Abc_123")));

    assertThat(webhook.scrub("refused secret_token=whsec-Abc_123 for /bot" + TOKEN))
        .isEqualTo("refused secret_token=" + Redactor.SECRET_MASK + " for /bot" + Redactor.MASK);
  }

  @Test
  void ordinaryTextIsLeftAlone() {
    assertThat(redactor.scrub("Placed 12:30 BTCUSDT 0.01 at 32000")).isEqualTo("Placed 12:30 BTCUSDT 0.01 at 32000");
  }

  @Test
  void scrubbedExceptionKeepsTypeNameStackTraceAndCauses() {
    IOException original = new IOException("to /bot" + TOKEN + "/x", new IllegalStateException(TOKEN));

    Throwable copy = redactor.scrub((Throwable) original);

    assertThat(copy.getMessage()).isEqualTo("IOException: to /bot" + Redactor.MASK + "/x");
    assertThat(copy.getStackTrace()).isEqualTo(original.getStackTrace());
    assertThat(copy.getCause().getMessage()).isEqualTo("IllegalStateException: " + Redactor.MASK);
  }
}
