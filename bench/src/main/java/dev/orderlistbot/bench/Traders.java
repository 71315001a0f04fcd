package dev.orderlistbot.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the load run's traders see: each trader is a Telegram user (id {@link #FIRST_ID} + index)
 * in a private chat with the bot. Sorts every bot message into its trader's preview (a message
 * with a Confirm button), placement result ({@code Placed on PAPER}) and fill notice ({@code ✅
 * BTCUSDT OCO #…: take-profit … filled}), stamps when the first of each arrived, counts repeats,
 * and keeps a few samples of anything else. In the run's one group ({@link #GROUP_ID}) it stamps
 * the answers to {@code /alerts on} and the fill alerts. Thread-safe.
 */
final class Traders implements FakeBotApi.Listener {
  static final long FIRST_ID = 1_000_001L;
  /** The one group of the run, where the first traders turn their alerts on ({@code --group-alerts}). */
  static final long GROUP_ID = -1_001_000_000_001L;
  private static final int SAMPLES = 8;

  enum Step {
    SENT, PREVIEW, PRESSED, PLACED, FILL
  }

  private final int count;
  private final Map<Step, AtomicLongArray> at = new ConcurrentHashMap<>();
  private final Map<Step, CountDownLatch> firsts = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> kinds = new ConcurrentHashMap<>();
  private final AtomicReferenceArray<FakeBotApi.BotMessage> previews;
  private final Queue<String> samples = new ConcurrentLinkedQueue<>();
  private final Queue<Long> groupAnswers = new ConcurrentLinkedQueue<>();
  private final Queue<Long> groupAlerts = new ConcurrentLinkedQueue<>();
  private final Set<String> groupAlertTexts = ConcurrentHashMap.newKeySet();

  Traders(int count) {
    this.count = count;
    this.previews = new AtomicReferenceArray<>(count);
    for (Step step : Step.values()) {
      at.put(step, new AtomicLongArray(count));
      firsts.put(step, new CountDownLatch(count));
    }
  }

  int count() {
    return count;
  }

  static long userId(int trader) {
    return FIRST_ID + trader;
  }

  @Override
  public void botMessage(FakeBotApi.BotMessage message) {
    long index = message.chatId() - FIRST_ID;
    String text = message.text();
    if (message.chatId() == GROUP_ID && message.method().startsWith("send")) {
      group(message);
    } else if (index < 0 || index >= count) {
      other(message);
    } else if (hasButton(message.replyMarkup(), "Confirm") && text.startsWith("PREVIEW · PAPER")) {
      previews.compareAndSet((int) index, null, message);
      mark(Step.PREVIEW, (int) index, message.atNanos(), "preview");
    } else if (text.startsWith("Placing…")) {
      kinds.computeIfAbsent("placing", k -> new LongAdder()).increment();
    } else if (text.startsWith("✅ Placed on PAPER")) {
      mark(Step.PLACED, (int) index, message.atNanos(), "placed");
    } else if (text.startsWith("✅ BTCUSDT OCO #") && text.contains("take-profit SELL") && text.contains(" filled")) {
      mark(Step.FILL, (int) index, message.atNanos(), "fill notice");
    } else {
      other(message);
    }
  }

  /** Sorts a new message in the load run's group: an answer to {@code /alerts on}, or a fill alert. */
  private void group(FakeBotApi.BotMessage message) {
    String text = message.text();
    if (text.startsWith("🔔 This chat now gets your order-list notifications")) {
      groupAnswers.add(message.atNanos());
      kinds.computeIfAbsent("group: alerts on", k -> new LongAdder()).increment();
    } else if (text.startsWith("✅ BTCUSDT OCO #") && text.contains(" filled")) {
      boolean first = groupAlertTexts.add(text);
      kinds.computeIfAbsent(first ? "group alert" : "group alert (repeat)", k -> new LongAdder()).increment();
      if (first) {
        groupAlerts.add(message.atNanos());
      }
    } else {
      other(message);
    }
  }

  /** When each answer to {@code /alerts on} arrived in the group (System.nanoTime, in order). */
  List<Long> groupAnswers() {
    return groupAnswers.stream().sorted().toList();
  }

  /** When each distinct fill alert arrived in the group (System.nanoTime, in order). */
  List<Long> groupAlerts() {
    return groupAlerts.stream().sorted().toList();
  }

  /** Stamps a step the harness took itself (a message sent, a button pressed). */
  void stamp(Step step, int trader, long nanos) {
    at.get(step).set(trader, nanos);
    firsts.get(step).countDown();
  }

  FakeBotApi.BotMessage preview(int trader) {
    return previews.get(trader);
  }

  /** The callback data of the preview's Confirm button. */
  String confirmData(int trader) {
    for (JsonNode row : preview(trader).replyMarkup().path("inline_keyboard")) {
      for (JsonNode button : row) {
        if (button.path("text").asText().equals("Confirm")) {
          return button.path("callback_data").asText();
        }
      }
    }
    throw new IllegalStateException("no Confirm button for trader " + trader);
  }

  /** Waits until every trader reached {@code step}; answers whether all did within {@code limit}. */
  boolean await(Step step, Duration limit) throws InterruptedException {
    return firsts.get(step).await(limit.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** How many traders reached {@code step}. */
  int reached(Step step) {
    return count - (int) firsts.get(step).getCount();
  }

  /** When each trader reached {@code step} (System.nanoTime; 0: not yet). */
  long[] times(Step step) {
    AtomicLongArray times = at.get(step);
    long[] copy = new long[count];
    for (int i = 0; i < count; i++) {
      copy[i] = times.get(i);
    }
    return copy;
  }

  /** Bot messages by kind: {@code preview}, {@code placed}, {@code fill notice}, their repeats, {@code other}… */
  Map<String, Long> kinds() {
    Map<String, Long> counts = new TreeMap<>();
    kinds.forEach((kind, n) -> counts.put(kind, n.sum()));
    return counts;
  }

  List<String> otherSamples() {
    return List.copyOf(samples);
  }

  private void mark(Step step, int trader, long nanos, String kind) {
    if (at.get(step).compareAndSet(trader, 0, nanos)) {
      kinds.computeIfAbsent(kind, k -> new LongAdder()).increment();
      firsts.get(step).countDown();
    } else {
      kinds.computeIfAbsent(kind + " (repeat)", k -> new LongAdder()).increment();
    }
  }

  private void other(FakeBotApi.BotMessage message) {
    kinds.computeIfAbsent("other", k -> new LongAdder()).increment();
    if (samples.size() < SAMPLES) {
      samples.add(message.method() + " to " + message.chatId() + ": " + message.text().replace('\n', ' '));
    }
  }

  private static boolean hasButton(JsonNode markup, String label) {
    if (markup == null) {
      return false;
    }
    for (JsonNode row : markup.path("inline_keyboard")) {
      for (JsonNode button : row) {
        if (button.path("text").asText().equals(label)) {
          return true;
        }
      }
    }
    return false;
  }
}
