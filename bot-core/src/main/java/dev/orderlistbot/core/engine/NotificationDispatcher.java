package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.chat.OutboundMessage;
import dev.orderlistbot.core.chat.Picture;
import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.port.out.ChatDeliveryException;
import dev.orderlistbot.core.port.out.ChatPlatform;
import dev.orderlistbot.core.port.out.EngineTelemetry;
import dev.orderlistbot.core.port.out.EngineTelemetry.RetryReason;
import dev.orderlistbot.core.port.out.OutboxEntry;
import dev.orderlistbot.core.port.out.OutboxMessage;
import dev.orderlistbot.core.port.out.Stores;
import dev.orderlistbot.core.port.out.Transactor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the notification outbox to the chat platforms. The app calls {@link #trigger()} on its own
 * schedule (every second or so) and the router calls it right after it enqueued something; {@link
 * #drainOnce()} does the same work on the calling thread (tests, and the last drain at shutdown).
 *
 * <p>Each running platform has a {@link DeliveryLane} of its own, and one more lane takes the
 * messages of platforms that are not running: {@link #trigger()} only asks every lane for a drain
 * and returns, and each lane claims and sends its own platform's messages on the injected executor,
 * one drain at a time. So a platform whose sends hang holds up neither the caller (the exchange
 * stream's thread, the app's timer) nor another platform.
 *
 * <p>Each message is claimed with a lease (so two dispatchers, or a crashed one, never double-send
 * within the lease), and right before its send the claim is checked and the lease extended ({@link
 * dev.orderlistbot.core.port.out.NotificationOutbox#renewClaim}): a message is sent only while this
 * drain's claim on it holds, so a batch that outlives its lease on a slow platform leaves the rest
 * to whichever drain has claimed them since. One send must end within the lease (2 min; the
 * platforms' clients give up after 30 s). Then it is paced by its platform's {@link
 * DeliveryPolicy}, sent, and marked delivered. A
 * message over a rate limit is put back for the instant it may go (the claim is not counted as an
 * attempt); nothing sleeps. A send the platform refused for now is retried, however often it fails,
 * with exponential back-off (5 s doubling to at most 15 min) or after the wait the platform asked
 * for, whichever is longer; that wait also holds back the chat's other messages, so they keep
 * their order. Only a refusal
 * that is not retryable (the chat is gone, the bot was blocked) stops a message: it is marked
 * failed in the outbox (kept, not deleted) and logged. A message for a platform that is not running
 * waits a minute and is tried again.
 *
 * <p>A drain sends the messages of its batch chat after chat, or different chats side by side
 * ({@link ChatFanOut}); a chat's own messages always go one after another, in order.
 *
 * <p>Delivery is at least once: a crash between sending and marking delivered sends the message
 * again after the lease. Every message put back for later is reported to the {@link
 * EngineTelemetry} with its {@link RetryReason}. Thread-safe.
 */
public final class NotificationDispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(NotificationDispatcher.class);

  static final int BATCH = 50;
  static final Duration LEASE = Duration.ofMinutes(2);
  static final Duration FIRST_BACKOFF = Duration.ofSeconds(5);
  static final Duration MAX_BACKOFF = Duration.ofMinutes(15);
  static final Duration PLATFORM_DOWN_WAIT = Duration.ofMinutes(1);

  private final Transactor transactor;
  private final ChatPlatforms platforms;
  private final Map<String, DeliveryPolicy> policies;
  private final Clock clock;
  private final EngineTelemetry telemetry;
  private final SendPacer pacer = new SendPacer();
  private final OutboxPictures pictures;
  private final List<DeliveryLane> lanes;
  private final DrainWaker waker;
  private final ChatFanOut fanOut;
  private final BooleanSupplier othersLive;
  /** The instants a drain was asked for (a held-back notice's slot), each asked once. */
  private final Set<Instant> wakes = ConcurrentHashMap.newKeySet();

  /** With {@link DispatchSettings#defaults()}. */
  public NotificationDispatcher(Transactor transactor, ChatPlatforms platforms, Clock clock, Executor executor) {
    this(transactor, platforms, clock, executor, DispatchSettings.defaults());
  }

  /** With these rate limits and the other {@link DispatchSettings#defaults()}. */
  public NotificationDispatcher(
      Transactor transactor,
      ChatPlatforms platforms,
      Map<String, DeliveryPolicy> policies,
      Clock clock,
      Executor executor) {
    this(transactor, platforms, clock, executor, DispatchSettings.defaults().withPolicies(policies));
  }

  /**
   * @param executor runs the drains {@link #trigger()} asks for, each platform's as tasks of their
   *     own: give it a thread per task (virtual threads, in the app; a task that throws is a failed
   *     drain, for it to report), or run them on the caller's thread (tests); one thread shared by
   *     every task would let a hanging platform hold up the others again
   * @param settings the rate limits, telemetry, pictures, wake-ups and fan-out
   */
  public NotificationDispatcher(
      Transactor transactor, ChatPlatforms platforms, Clock clock, Executor executor, DispatchSettings settings) {
    Objects.requireNonNull(settings, "settings");
    this.fanOut = settings.fanOut();
    this.othersLive = settings.othersLive();
    this.waker = settings.waker();
    this.pictures = settings.pictures();
    this.transactor = Objects.requireNonNull(transactor, "transactor");
    this.platforms = Objects.requireNonNull(platforms, "platforms");
    this.policies = settings.policies();
    this.clock = Objects.requireNonNull(clock, "clock");
    this.telemetry = settings.telemetry();
    List<DeliveryLane> all = new ArrayList<>();
    for (String platform : platforms.ids()) {
      all.add(new DeliveryLane(platform, executor, () -> drainPlatform(platform)));
    }
    all.add(new DeliveryLane("stopped platforms", executor, this::drainStoppedPlatforms));
    this.lanes = List.copyOf(all);
  }

  /**
   * Asks every platform's lane for a drain soon and returns at once; requests made while a lane's
   * drain runs are merged into one more drain after it.
   */
  public void trigger() {
    lanes.forEach(DeliveryLane::trigger);
  }

  /**
   * Sends every message that is due now and within the rate limits, platform after platform, on the
   * calling thread (which waits for every send); answers how many were delivered.
   */
  public int drainOnce() {
    int delivered = 0;
    for (String platform : platforms.ids()) {
      delivered += drainPlatform(platform);
    }
    return delivered + drainStoppedPlatforms();
  }

  private int drainPlatform(String platform) {
    if (!platforms.sendsHere(platform)) {
      // another instance holds its connection and sends its notices
      return 0;
    }
    return drain(stores -> stores.outbox().claimDue(platform, BATCH, LEASE));
  }

  /**
   * Puts back the messages of platforms that are not running (nothing is sent); while other
   * instances are live, one of them may run such a platform, and its messages are left to it.
   */
  private int drainStoppedPlatforms() {
    if (othersLive.getAsBoolean()) {
      return 0;
    }
    return drain(stores -> stores.outbox().claimDueExcept(platforms.ids(), BATCH, LEASE));
  }

  private int drain(Function<Stores, List<OutboxEntry>> claim) {
    return fanOut.drain(() -> transactor.inTransaction(claim), BATCH, this::deliver);
  }

  private boolean deliver(OutboxEntry entry) {
    ChatRef target = entry.message().target();
    Optional<ChatPlatform> platform = platforms.forChat(target);
    if (platform.isEmpty()) {
      LOG.warn("notification {}: no platform {} is running; trying again later", entry.id(), target.platform());
      postpone(entry, clock.instant().plus(PLATFORM_DOWN_WAIT), RetryReason.PLATFORM_DOWN);
      return false;
    }
    if (!transactor.inTransaction(stores -> stores.outbox().renewClaim(entry.id(), entry.claimToken(), LEASE))) {
      // this drain's batch outlived its lease: the message may be another drain's now; not sent here
      LOG.info("notification {} to {}: its claim lapsed before its turn; left to whoever holds it now", entry.id(), target);
      return false;
    }
    if (transactor.inTransaction(stores -> stores.outbox().isSuperseded(entry))) {
      // a later answer replaces the same message (it may already be shown): this one is older news
      LOG.info("notification {} to {}: a later one replaces the same message; not shown", entry.id(), target);
      transactor.inTransaction(stores -> stores.outbox().markDelivered(entry.id()));
      return false;
    }
    DeliveryPolicy policy = policies.getOrDefault(target.platform(), DeliveryPolicy.defaultFor(target.platform()));
    // an answer that replaces the bot's own message in place (a placement's result on its preview)
    // is the conversation's, as it was when the engine edited it directly: it is not paced, and does
    // not hold back the chat's notices
    Optional<Instant> notYet =
        entry.message().replaces().isPresent() ? Optional.empty() : pacer.reserve(target, policy, clock.instant());
    if (notYet.isPresent()) {
      postpone(entry, notYet.get(), RetryReason.RATE_LIMITED);
      wakeAt(notYet.get());
      return false;
    }
    try {
      Optional<MessageRef> sent = show(platform.get(), entry);
      transactor.inTransaction(stores -> stores.outbox().markDelivered(entry.id()));
      recordCard(entry, sent);
      telemetry.notificationDelivered();
      return true;
    } catch (ChatDeliveryException e) {
      if (e.retryable()) {
        Duration wait = backoff(entry.attempts());
        Duration asked = e.retryAfter().orElse(Duration.ZERO);
        LOG.info("notification {} to {} deferred after attempt {}: {}", entry.id(), target, entry.attempts(), e.getMessage());
        RetryReason reason = e.retryAfter().isPresent() ? RetryReason.RETRY_AFTER : RetryReason.TRANSIENT;
        retryLater(entry, policy, asked.compareTo(wait) > 0 ? asked : wait, reason);
      } else {
        LOG.warn("notification {} to {} failed for good after {} attempt(s), kept as failed: {}", entry.id(), target, entry.attempts(), e.getMessage());
        String reason = String.valueOf(e.getMessage());
        transactor.inTransaction(stores -> stores.outbox().markFailed(entry.id(), reason));
      }
      return false;
    } catch (RuntimeException e) {
      LOG.error("notification {} to {} failed; trying again later", entry.id(), target, e);
      retryLater(entry, policy, backoff(entry.attempts()), RetryReason.TRANSIENT);
      return false;
    }
  }

  /**
   * Sends the message, or edits the one it replaces; a message that can no longer be edited (deleted,
   * too old to edit) gets the text as a new message, so the trader still reads it. A picture the
   * platform refuses (or cannot put on the message it replaces) leaves the text and buttons to go
   * out alone.
   */
  private Optional<MessageRef> show(ChatPlatform platform, OutboxEntry entry) {
    OutboxMessage message = entry.message();
    // the text with its buttons (an order card's actions): an edit replaces both
    OutboundMessage text = message.outbound();
    Optional<Picture> picture = pictures.pictureFor(message);
    OutboundMessage full = picture.map(text::withPicture).orElse(text);
    if (message.replaces().isPresent()) {
      MessageRef replaced = new MessageRef(message.target(), message.replaces().get());
      if (edited(platform, replaced, full) || (picture.isPresent() && edited(platform, replaced, text))) {
        return Optional.empty();
      }
      LOG.info("notification {}: message {} cannot be edited; sent as a new one", entry.id(), message.replaces().get());
    }
    try {
      return Optional.of(platform.send(message.target(), full));
    } catch (ChatDeliveryException e) {
      if (picture.isEmpty() || e.retryable()) {
        throw e;
      }
      LOG.info("notification {}: the platform refused its picture ({}); sent as text", entry.id(), e.getMessage());
      return Optional.of(platform.send(message.target(), text));
    }
  }

  /** Whether the edit was made; false when the platform will not edit that message so; throws a retryable refusal. */
  private static boolean edited(ChatPlatform platform, MessageRef message, OutboundMessage replacement) {
    try {
      platform.edit(message, replacement);
      return true;
    } catch (ChatDeliveryException e) {
      if (e.retryable()) {
        throw e;
      }
      LOG.info("message {} could not be edited{}: {}", message, replacement.picture().isPresent() ? " with its picture" : "", e.getMessage());
      return false;
    }
  }

  /**
   * A card that went out as a new message: that message is the card's from now on (see {@link
   * OutboxMessage#cardOf()}). Best effort: a failure leaves the card on its old message (logged).
   */
  private void recordCard(OutboxEntry entry, Optional<MessageRef> sent) {
    Optional<String> card = entry.message().cardOf();
    if (card.isEmpty() || sent.isEmpty()) {
      return;
    }
    try {
      if (transactor.inTransaction(stores -> CardUpdates.sentAs(stores, card.get(), entry.message().replaces(), sent.get()))) {
        LOG.info("notification {}: the card of {} is now message {}", entry.id(), card.get(), sent.get());
      }
    } catch (RuntimeException e) {
      LOG.warn("notification {}: the card of {} could not be moved to its new message {}", entry.id(), card.get(), sent.get(), e);
    }
  }

  /**
   * Tries the message again after {@code wait}, and holds the chat's other messages back until then,
   * so they do not overtake it (a fill after its partial fill, not before).
   */
  private void retryLater(OutboxEntry entry, DeliveryPolicy policy, Duration wait, RetryReason reason) {
    Instant at = clock.instant().plus(wait);
    pacer.holdOff(entry.message().target(), policy, at);
    transactor.inTransaction(stores -> stores.outbox().reschedule(entry.id(), at));
    telemetry.notificationRetried(reason);
  }

  /** Asks for a drain at {@code at}, once for each instant. */
  private void wakeAt(Instant at) {
    if (wakes.add(at)) {
      waker.at(at, () -> {
        wakes.remove(at);
        trigger();
      });
    }
  }

  private void postpone(OutboxEntry entry, Instant at, RetryReason reason) {
    transactor.inTransaction(stores -> stores.outbox().postpone(entry.id(), at));
    telemetry.notificationRetried(reason);
  }

  /** 5 s after the first attempt, doubling, at most 15 min; never gives up. */
  static Duration backoff(int attempts) {
    Duration wait = FIRST_BACKOFF;
    for (int i = 1; i < attempts && wait.compareTo(MAX_BACKOFF) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
  }
}
