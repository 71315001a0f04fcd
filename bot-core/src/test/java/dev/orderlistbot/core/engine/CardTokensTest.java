package dev.orderlistbot.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.chat.Button;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CardTokensTest {
  @Test
  void aCardTokenNamesItsActionAndListAndReadsBack() {
    String token = Tokens.cardToken(CardAction.BREAKEVEN, 8821);

    assertThat(token).isEqualTo("k:BREAKEVEN:8821");
    assertThat(Tokens.cardPress(token)).contains(new Tokens.CardPress(CardAction.BREAKEVEN, 8821));
  }

  @Test
  void theLongestCardTokenFitsAButtonsSixtyFourBytes() {
    for (CardAction action : CardAction.values()) {
      String token = Tokens.cardToken(action, Long.MAX_VALUE);
      assertThat(token.getBytes(StandardCharsets.US_ASCII).length).isLessThanOrEqualTo(64);
      assertThat(new Button("x", token).token()).isEqualTo(token);
      assertThat(Tokens.cardPress(token)).contains(new Tokens.CardPress(action, Long.MAX_VALUE));
    }
  }

  @Test
  void tokensThatAreNotCardTokensOrAreMalformedReadAsNothing() {
    assertThat(Tokens.cardPress("ok:abc")).isEmpty();
    assertThat(Tokens.cardPress("k:SELL:8821")).as("unknown action").isEmpty();
    assertThat(Tokens.cardPress("k:CANCEL:")).isEmpty();
    assertThat(Tokens.cardPress("k:CANCEL:-5")).isEmpty();
    assertThat(Tokens.cardPress("k:CANCEL:12a")).isEmpty();
    assertThat(Tokens.cardPress("k:CANCEL:99999999999999999999")).as("beyond a long").isEmpty();
    assertThat(Tokens.cardPress("k::8821")).isEmpty();
  }
}
