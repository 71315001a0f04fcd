package dev.orderlistbot.core.engine;

import static dev.orderlistbot.core.engine.TestBot.ALICE;
import static dev.orderlistbot.core.engine.TestBot.dm;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.domain.KeyType;
import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Secret;
import dev.orderlistbot.core.domain.TradingEnvironment;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The step-up threshold is in USDT, and a list quoted in another asset is converted as the safety
 * limits convert it: through {@code QUOTEUSDT}, or the inverse of {@code USDTQUOTE} when only that
 * pair exists (TRY here: BTCTRY at 1,200,000 and USDTTRY at 40, so a BTC is 30,000 USDT). Alice has
 * no code set, so a list that needs one is refused and one that does not is offered.
 */
class StepUpThresholdInUsdtTest {
  @TempDir Path dir;
  private TestBot bot;
  private FakeExchange exchange;

  @BeforeEach
  void start() {
    StepUpPolicy policy = new StepUpPolicy(Optional.of(new BigDecimal("100")), true, true, false);
    EngineConfig config = EngineConfig.of(TradingEnvironment.LIVE, Set.of(ALICE), Set.of()).withStepUp(policy);
    exchange = new FakeExchange();
    exchange.btcTryLast = Optional.of(Price.of("1200000"));
    bot = new TestBot(dir, config, exchange, Optional.empty(), Optional.of(new RecordingEventSource()));
    bot.vault().store(ALICE, new ApiCredentials(KeyType.HMAC, "k".repeat(64), Secret.of("s".repeat(64))));
  }

  @AfterEach
  void stop() {
    bot.close();
  }

  @Test
  void aListQuotedInAnAssetWithOnlyAUsdtQuotePairIsMeasuredThroughItsInverseAndBelowTheThresholdNeedsNoCode() {
    // 0.001 BTC at 1,200,000 TRY: 1,200 TRY, 30 USDT at 40 TRY a USDT
    bot.say(ALICE, "/oco BTCTRY sell 0.001 tp 1300000 sl 1150000/1140000");

    assertThat(bot.lastReply(ALICE)).contains("PREVIEW").doesNotContain("code");
    bot.press(ALICE, bot.lastButtons(dm(ALICE)), Replies.CONFIRM);
    assertThat(exchange.placeCalls).hasValue(1);
  }

  @Test
  void aListQuotedInAnAssetWithOnlyAUsdtQuotePairAboveTheThresholdStillNeedsTheCode() {
    // 0.01 BTC: 12,000 TRY, 300 USDT
    bot.say(ALICE, "/oco BTCTRY sell 0.01 tp 1300000 sl 1150000/1140000");

    assertThat(bot.lastReply(ALICE)).doesNotContain("PREVIEW").contains("code");
    assertThat(exchange.placeCalls).hasValue(0);
  }
}
