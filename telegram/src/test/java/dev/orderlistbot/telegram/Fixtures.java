package dev.orderlistbot.telegram;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/** Recorded Telegram payloads from {@code src/test/resources/updates}, read as the poller reads them. */
final class Fixtures {
  private Fixtures() {}

  static String json(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/updates/" + name + ".json")) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The fixture as one update of a {@code getUpdates} answer, read by the adapter's reader. */
  static Update update(String name) {
    return updates("{\"ok\":true,\"result\":[" + json(name) + "]}").getFirst();
  }

  static List<Update> updates(String getUpdatesAnswer) {
    try {
      return updatesOrThrow(getUpdatesAnswer);
    } catch (TelegramApiRequestException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<Update> updatesOrThrow(String getUpdatesAnswer) throws TelegramApiRequestException {
    return new PollRequests.TolerantGetUpdates(1, 100, 0, List.of()).deserializeResponse(getUpdatesAnswer);
  }
}
