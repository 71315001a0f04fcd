package dev.orderlistbot.core.engine;

import static dev.orderlistbot.core.engine.TestBot.ALICE;
import static dev.orderlistbot.core.engine.TestBot.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.domain.TradingEnvironment;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The paper market has no real 24-hour volume: with the liquidity guard on, its preview says the guard was skipped. */
class PaperLiquidityGuardTest {
  @TempDir Path dir;
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private TestBot bot;

  @AfterEach
  void stop() {
    bot.close();
    scheduler.shutdownNow();
  }

  @Test
  void aPaperPreviewSaysTheLiquidityGuardIsSkippedAndKeepsItsConfirm() {
    EngineConfig config =
        EngineConfig.of(TradingEnvironment.PAPER, Set.of(ALICE, BOB), Set.of())
            .withLimits(SafetyLimits.NONE.withMinQuoteVolume(new BigDecimal("1000000")));
    bot = TestBot.withPaperExchange(dir, scheduler, config);

    bot.say(ALICE, "/oco BTCUSDT sell 0.01 tp 32000 sl 29000/28900");

    assertThat(bot.lastReply(ALICE)).contains("PREVIEW").endsWith("Liquidity guard skipped: the paper exchange has no 24-hour volume.");
    assertThat(bot.telegram.now(bot.lastButtons(TestBot.dm(ALICE))).buttons()).extracting(b -> b.label()).contains(Replies.CONFIRM);
  }

  @Test
  void withoutALeastVolumeAPaperPreviewSaysNothingOfIt() {
    bot = TestBot.withPaperExchange(dir, scheduler);

    bot.say(ALICE, "/oco BTCUSDT sell 0.01 tp 32000 sl 29000/28900");

    assertThat(bot.lastReply(ALICE)).contains("PREVIEW").doesNotContain("Liquidity");
  }
}
