package dev.orderlistbot.core.engine;

import static dev.orderlistbot.core.engine.TestBot.ALICE;
import static dev.orderlistbot.core.engine.TestBot.dm;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.domain.Secret;
import dev.orderlistbot.core.domain.TradingEnvironment;
import dev.orderlistbot.core.security.Totp;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The private message that shows a new authenticator's {@code otpauth://} link holds the key of
 * every code it will make: once its first code is right, the bot deletes it, or says to delete it
 * when the platform will not.
 */
class AuthenticatorLinkTest {
  @TempDir Path dir;
  private TestBot bot;

  @BeforeEach
  void start() {
    StepUpPolicy policy = new StepUpPolicy(Optional.of(new BigDecimal("100")), true, true, false);
    EngineConfig config = EngineConfig.of(TradingEnvironment.LIVE, Set.of(ALICE), Set.of()).withStepUp(policy);
    bot = new TestBot(dir, config, new FakeExchange(), Optional.empty(), Optional.of(new RecordingEventSource()));
  }

  @AfterEach
  void stop() {
    bot.close();
  }

  @Test
  void theLinkIsDeletedOnceTheFirstCodeIsRightAndNotBefore() {
    bot.say(ALICE, "/2fa totp");
    MessageRef link = bot.lastButtons(dm(ALICE));
    Secret secret = secretShownIn(link);

    bot.say(ALICE, wrongCode(secret));
    assertThat(bot.telegram.deleted()).doesNotContain(link);
    bot.say(ALICE, Totp.code(secret, bot.clock.instant()));

    assertThat(bot.telegram.deleted()).contains(link);
    assertThat(bot.lastReply(ALICE)).isEqualTo(StepUpReplies.totpOn(true)).contains("I deleted the message with the link");
  }

  @Test
  void aLinkThePlatformWillNotDeleteIsLeftToTheTraderToDelete() {
    bot.say(ALICE, "/2fa totp");
    MessageRef link = bot.lastButtons(dm(ALICE));
    Secret secret = secretShownIn(link);
    bot.telegram.refuseDeletes();

    bot.say(ALICE, Totp.code(secret, bot.clock.instant()));

    assertThat(bot.telegram.deleted()).doesNotContain(link);
    assertThat(bot.lastReply(ALICE)).isEqualTo(StepUpReplies.totpOn(false)).contains("please delete it yourself");
  }

  private Secret secretShownIn(MessageRef link) {
    String text = bot.telegram.now(link).text();
    assertThat(text).contains("otpauth://");
    return Secret.ofBytes(StepUpTest.base32(StepUpTest.secretOf(text)));
  }

  private String wrongCode(Secret secret) {
    return "000000".equals(Totp.code(secret, bot.clock.instant())) ? "111111" : "000000";
  }
}
