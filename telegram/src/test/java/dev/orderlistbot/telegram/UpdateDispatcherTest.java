package dev.orderlistbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.orderlistbot.core.chat.ChatEvent;
import dev.orderlistbot.core.domain.Secret;
import dev.orderlistbot.core.port.in.ChatEventHandler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.Update;

class UpdateDispatcherTest {
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final ChatLanes lanes = new ChatLanes(executor);
  private final RecordingChatPlatform chat = new RecordingChatPlatform();
  private final List<String> acknowledged = new CopyOnWriteArrayList<>();
  private final List<ChatEvent> handled = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  private UpdateDispatcher dispatcher(ChatEventHandler handler) {
    Function<String, CompletableFuture<?>> acknowledge =
        id ->
            CompletableFuture.runAsync(
                () -> acknowledged.add(id),
                CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS, executor));
    return new UpdateDispatcher(
        new UpdateTranslator(),
        acknowledge,
        Duration.ofSeconds(5),
        lanes,
        handler,
        chat,
        new Redactor(Secret.of(DeliveryFailuresTest.TOKEN)));
  }

  @Test
  void buttonPressIsAcknowledgedBeforeCoreSeesIt() {
    List<Boolean> acknowledgedFirst = new CopyOnWriteArrayList<>();
    UpdateDispatcher dispatcher =
        dispatcher(
            event -> {
              acknowledgedFirst.add(acknowledged.contains("4382bfdwdsb323b2d9"));
              handled.add(event);
            });

    dispatcher.consume(List.of(Fixtures.update("callback-query")));

    assertThat(lanes.drain(Duration.ofSeconds(5))).isTrue();
    assertThat(handled).hasSize(1);
    assertThat(acknowledgedFirst).containsExactly(true);
  }

  @Test
  void consumeReturnsAtOnceWhileCoreIsStillWorking() {
    UpdateDispatcher dispatcher = dispatcher(event -> sleep(500));

    long start = System.nanoTime();
    dispatcher.consume(List.of(Fixtures.update("private-text"), Fixtures.update("callback-query")));

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(300));
  }

  @Test
  void ignoredUpdatesAreNotHandedOnButTheirButtonsAreStillAcknowledged() {
    UpdateDispatcher dispatcher = dispatcher(handled::add);

    dispatcher.consume(
        List.of(
            Fixtures.update("channel-post"),
            Fixtures.update("edited-message"),
            Fixtures.update("callback-query-inline")));

    assertThat(lanes.drain(Duration.ofSeconds(5))).isTrue();
    assertThat(handled).isEmpty();
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> acknowledged.contains("4382bfdwdsb323b2e2"));
  }

  @Test
  void eachUpdateIsHandedOnOnceInOrderPerChat() {
    UpdateDispatcher dispatcher = dispatcher(handled::add);
    List<Update> batch =
        List.of(
            Fixtures.update("private-text"),
            Fixtures.update("group-command"),
            Fixtures.update("callback-query"),
            Fixtures.update("supergroup-command"));

    dispatcher.consume(batch);

    assertThat(lanes.drain(Duration.ofSeconds(5))).isTrue();
    assertThat(handled).hasSize(4);
    assertThat(handled.stream().filter(e -> e.chat().chatId().equals("42")).toList())
        .first()
        .isInstanceOf(ChatEvent.TextMessage.class);
  }

  @Test
  void aFailureInCoreIsLoggedWithAReferenceAndTheChatToldSoWithoutItsText() {
    UpdateDispatcher dispatcher =
        dispatcher(
            event -> {
              throw new IllegalStateException("database said: secret internals");
            });

    dispatcher.consume(List.of(Fixtures.update("private-text")));

    assertThat(lanes.drain(Duration.ofSeconds(5))).isTrue();
    assertThat(chat.sent).singleElement().asString().matches("42: Something went wrong \\(ref [0-9a-f]{4}\\)\\. Please try again\\.");
  }

  @Test
  void neverThrowsIntoThePollingLoopEvenWhenHandingOnFails() {
    executor.shutdownNow();
    UpdateDispatcher dispatcher = dispatcher(handled::add);

    assertThatCode(() -> dispatcher.consume(List.of(Fixtures.update("private-text"), Fixtures.update("callback-query"))))
        .doesNotThrowAnyException();
  }

  @Test
  void aFailedAcknowledgementStillHandsThePressOn() {
    UpdateDispatcher dispatcher =
        new UpdateDispatcher(
            new UpdateTranslator(),
            id -> CompletableFuture.failedFuture(new IllegalStateException("Telegram down")),
            Duration.ofSeconds(1),
            lanes,
            handled::add,
            chat,
            new Redactor(Secret.of(DeliveryFailuresTest.TOKEN)));

    dispatcher.consume(List.of(Fixtures.update("callback-query")));

    assertThat(lanes.drain(Duration.ofSeconds(5))).isTrue();
    assertThat(handled).hasSize(1);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
