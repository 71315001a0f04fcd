package dev.orderlistbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderlistbot.core.chat.OutboundMessage;
import dev.orderlistbot.core.domain.ChatRef;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An instance that hands Telegram's long polling to another stops receiving and keeps sending. */
class StopReceivingTest {
  private BotApiEmulator emulator;
  private TelegramChatPlatform platform;
  private EchoHandler core;

  @BeforeEach
  void start() {
    emulator = BotApiEmulator.start(TelegramEmulatorTest.TOKEN);
    platform = new TelegramChatPlatform(TelegramEmulatorTest.config(emulator));
    core = new EchoHandler();
    core.use(platform);
    platform.start(core);
  }

  @AfterEach
  void stop() {
    platform.close();
    emulator.close();
  }

  @Test
  void afterStoppingReceivingNoUpdateIsTakenButMessagesStillGoOut() throws Exception {
    emulator.userSends(7001, "private", 7001, "/echo before");
    await().atMost(Duration.ofSeconds(10)).until(() -> !emulator.botMessages(7001).isEmpty());

    platform.stopReceiving();
    int polls = emulator.calls("getUpdates").size();
    emulator.userSends(7002, "private", 7002, "/echo after");
    Thread.sleep(1_500);

    assertThat(emulator.calls("getUpdates")).as("no more long polls").hasSize(polls);
    assertThat(core.events).noneMatch(e -> e.chat().chatId().equals("7002"));
    platform.send(new ChatRef("telegram", "7003"), OutboundMessage.text("a fill notice"));
    assertThat(emulator.botMessages(7003)).hasSize(1);
  }
}
