package dev.orderlistbot.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * The {@code getUpdates} call the long-polling loop makes each time round: from the update after
 * the last one handed on, only the update types the bot uses (so Telegram does not hold back others
 * in the queue), held open for the configured timeout. When a minimum interval is set (an emulator
 * that answers at once), it waits so that calls are at least that far apart.
 *
 * <p>Reading the answer is tolerant, one update at a time: an update this version of TelegramBots
 * cannot read is passed on as a bare id (the translator skips it, and the offset moves past it)
 * instead of failing the whole batch, which would stall polling on it for ever. Unknown fields are
 * ignored. Called only from the polling thread.
 */
final class PollRequests implements Function<Integer, GetUpdates> {
  static final List<String> ALLOWED_UPDATES = List.of("message", "callback_query");
  private static final int LIMIT = 100;
  private static final Logger log = LoggerFactory.getLogger(PollRequests.class);
  static final ObjectMapper MAPPER =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final int timeoutSeconds;
  private final long minIntervalNanos;
  private long lastCall;
  private boolean called;

  PollRequests(Duration timeout, Duration minInterval) {
    this.timeoutSeconds = Math.toIntExact(timeout.toSeconds());
    this.minIntervalNanos = minInterval.toNanos();
  }

  @Override
  public GetUpdates apply(Integer lastHandedOn) {
    throttle();
    return new TolerantGetUpdates(lastHandedOn + 1, LIMIT, timeoutSeconds, ALLOWED_UPDATES);
  }

  private void throttle() {
    long now = System.nanoTime();
    long wait = called ? minIntervalNanos - (now - lastCall) : 0;
    if (wait > 0) {
      try {
        Thread.sleep(Duration.ofNanos(wait));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    called = true;
    lastCall = System.nanoTime();
  }

  /** Reads a {@code getUpdates} answer one update at a time. */
  @SuppressWarnings("NonApiType") // TelegramBots' GetUpdates declares ArrayList
  static ArrayList<Update> readUpdates(String answer, GetUpdates strict) throws TelegramApiRequestException {
    JsonNode root;
    try {
      root = MAPPER.readTree(answer);
    } catch (JsonProcessingException e) {
      throw new TelegramApiRequestException("Unable to deserialize response", e);
    }
    if (root == null || !root.path("ok").asBoolean(false) || !root.path("result").isArray()) {
      // not a plain success: TelegramBots builds the exception with Telegram's code and parameters
      return strict.deserializeResponseArray(answer, Update.class);
    }
    ArrayList<Update> updates = new ArrayList<>();
    for (JsonNode node : root.path("result")) {
      updates.add(readOne(node));
    }
    return updates;
  }

  /**
   * One update as TelegramBots reads it; one it cannot read becomes a bare id (logged with its field
   * names only), which the translator skips. Also reads the updates a webhook receives.
   */
  static Update readOne(JsonNode node) {
    try {
      return MAPPER.treeToValue(node, Update.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      Update bare = new Update();
      bare.setUpdateId(node.path("update_id").asInt());
      // the content may hold a secret (a /setkey line): log only the id and the field names
      log.warn(
          "Skipped Telegram update {} that could not be read ({}): fields {}",
          bare.getUpdateId(),
          e.getClass().getSimpleName(),
          fieldNames(node));
      return bare;
    }
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** {@code getUpdates} with the tolerant reader. */
  static final class TolerantGetUpdates extends GetUpdates {
    private static final long serialVersionUID = 1L;

    TolerantGetUpdates(int offset, int limit, int timeout, List<String> allowedUpdates) {
      super(offset, limit, timeout, allowedUpdates);
    }

    @Override
    @SuppressWarnings("NonApiType") // overrides TelegramBots' signature
    public ArrayList<Update> deserializeResponse(String answer) throws TelegramApiRequestException {
      return readUpdates(answer, this);
    }
  }
}
