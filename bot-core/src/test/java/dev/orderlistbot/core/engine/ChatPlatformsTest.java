package dev.orderlistbot.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.chat.OutboundMessage;
import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.port.out.ChatPlatform;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ChatPlatformsTest {

  @Test
  void platformsAreVisitedInTheOrderTheAppStartedThem() {
    // The dispatcher builds one delivery lane per platform in this order, and its drains are queued
    // in it: an order that changed from one JVM to the next (Map.copyOf's salt) made the seeded
    // simulation replay differently in every process.
    List<String> names = IntStream.range(0, 12).mapToObj(i -> "platform" + (char) ('a' + i)).toList();

    ChatPlatforms platforms = ChatPlatforms.of(names.stream().map(Named::new).map(ChatPlatform.class::cast).toList());

    assertThat(List.copyOf(platforms.ids())).containsExactlyElementsOf(names);
  }

  @Test
  void twoPlatformsWithOneNameAreRefused() {
    assertThatThrownBy(() -> ChatPlatforms.of(new Named("telegram"), new Named("telegram")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two chat platforms named telegram");
  }

  @Test
  void aChatIsAnsweredOnThePlatformItBelongsTo() {
    Named telegram = new Named("telegram");
    ChatPlatforms platforms = ChatPlatforms.of(telegram, new Named("discord"));

    assertThat(platforms.forChat(new ChatRef("telegram", "1"))).containsSame(telegram);
    assertThat(platforms.forChat(new ChatRef("console", "1"))).isEmpty();
  }

  private record Named(String platform) implements ChatPlatform {
    @Override
    public MessageRef send(ChatRef chat, OutboundMessage message) {
      throw new UnsupportedOperationException("not sent in this test");
    }

    @Override
    public void edit(MessageRef message, OutboundMessage replacement) {
      throw new UnsupportedOperationException("not edited in this test");
    }

    @Override
    public boolean delete(MessageRef message) {
      return false;
    }
  }
}
