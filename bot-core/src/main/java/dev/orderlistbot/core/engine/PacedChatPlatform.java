package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.chat.OutboundMessage;
import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.port.out.ChatDeliveryException;
import dev.orderlistbot.core.port.out.ChatPlatform;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds every new message of one platform to its {@link DeliveryPolicy}, whoever sends it: the
 * conversation's answers (a burst of previews) and the outbox's notices share the platform's pace,
 * as the platform counts them together. A send waits on its own thread (a virtual thread in the
 * app) for its chat's and the platform's turn, so it goes at the pace the platform allows instead of
 * being refused and lost.
 *
 * <p>The pace is booked ahead, but the platform counts a message when it arrives: a photo still
 * uploading, or a sender the busy CPU wakes late, can bunch messages the pace booked apart. So the
 * platform's {@link FloodLimits} are kept as well, over each send's whole flight ({@link
 * SendWindows}): a send starts only while its chat's and the platform's windows have room, counting
 * the sends in flight and those answered less than a window's span ago, and a chat's messages start
 * in the order they were given.
 *
 * <p>When the platform still answers "too many requests, retry after N" (429), nothing more goes on
 * the platform before that instant, and the message is sent once more after it if the wait is at
 * most {@link #LONGEST_WAIT}; a longer one is the caller's to handle (the outbox retries it then).
 * Edits and deletions are not held: the platforms' limits count messages sent.
 *
 * <p>Several instances of the bot that send with one token share the platform's overall limit:
 * each keeps to its share ({@code sharedBy}, how many send now), so together they keep to it.
 *
 * <p>Thread-safe.
 */
public final class PacedChatPlatform implements ChatPlatform {
  /** The longest "retry after" a send waits out before trying once more itself. */
  static final Duration LONGEST_WAIT = Duration.ofSeconds(10);

  private static final Logger LOG = LoggerFactory.getLogger(PacedChatPlatform.class);

  private final ChatPlatform platform;
  private final DeliveryPolicy policy;
  private final FloodLimits limits;
  private final SendPacer pacer = new SendPacer();
  private final SendWindows windows = new SendWindows();
  private final Clock clock;
  private final Pause pause;
  private final IntSupplier sharedBy;

  /** The only sender on the platform with its token. */
  public PacedChatPlatform(ChatPlatform platform, DeliveryPolicy policy, FloodLimits limits, Clock clock, Pause pause) {
    this(platform, policy, limits, clock, pause, () -> 1);
  }

  /**
   * @param policy how far apart sends are booked (the pace)
   * @param limits the platform's ceilings, kept as it counts arrivals however late a send gets there
   * @param sharedBy how many instances send on the platform with the same token now (at least 1;
   *     asked at every send)
   */
  public PacedChatPlatform(
      ChatPlatform platform, DeliveryPolicy policy, FloodLimits limits, Clock clock, Pause pause, IntSupplier sharedBy) {
    this.platform = Objects.requireNonNull(platform, "platform");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.pause = Objects.requireNonNull(pause, "pause");
    this.sharedBy = Objects.requireNonNull(sharedBy, "sharedBy");
  }

  private int senders() {
    return Math.max(1, sharedBy.getAsInt());
  }

  /** The policy with this instance's share of the platform's overall limit. */
  private DeliveryPolicy share(int senders) {
    if (senders == 1 || policy.global().isNone()) {
      return policy;
    }
    DeliveryPolicy.Limit all = policy.global();
    return new DeliveryPolicy(
        policy.privateChat(), policy.groupChat(), new DeliveryPolicy.Limit(all.burst(), all.interval().multipliedBy(senders)));
  }

  @Override
  public String platform() {
    return platform.platform();
  }

  @Override
  public MessageRef send(ChatRef chat, OutboundMessage message) {
    try {
      return sendInTurn(chat, message);
    } catch (ChatDeliveryException e) {
      Optional<Duration> asked = e.retryAfter();
      if (!e.retryable() || asked.isEmpty()) {
        throw e;
      }
      Instant until = clock.instant().plus(asked.get());
      pacer.holdOffPlatform(platform.platform(), share(senders()), until);
      if (asked.get().compareTo(LONGEST_WAIT) > 0) {
        throw e;
      }
      LOG.info("{} asked to wait {} s before sending more; {} waits and is sent once more", platform.platform(),
          asked.get().toSeconds(), chat);
      return sendInTurn(chat, message);
    }
  }

  /**
   * Waits for the message's booked turn, then for room in the platform's windows (booking again
   * if the platform is held off meanwhile), and sends it; the send counts in the windows from its
   * start until a span after its answer.
   */
  private MessageRef sendInTurn(ChatRef chat, OutboundMessage message) {
    int senders = senders();
    FloodLimits mine = limits.sharedBy(senders);
    long ticket = windows.join(chat);
    boolean started = false;
    try {
      do {
        awaitTurn(chat, share(senders));
      } while (!awaitRoom(chat, ticket, mine));
      started = true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChatDeliveryException("stopped while waiting for " + platform.platform() + "'s pace", true, Optional.empty(), e);
    } finally {
      if (!started) {
        windows.leave(chat, ticket);
      }
    }
    try {
      return platform.send(chat, message);
    } finally {
      windows.answered(chat, mine, clock.instant());
    }
  }

  /**
   * Books the message's turn (the chat's and the platform's) and waits for it. A hold-off the
   * platform asked for after the booking moves it: the message books again, behind the hold, so the
   * senders booked before it do not all go at the instant it ends.
   */
  private void awaitTurn(ChatRef chat, DeliveryPolicy mine) throws InterruptedException {
    Instant at = pacer.book(chat, mine, clock.instant());
    pause.until(at);
    while (pacer.heldUntil(platform.platform()).isAfter(at)) {
      at = pacer.book(chat, mine, clock.instant());
      pause.until(at);
    }
  }

  /**
   * Waits until the send is first in its chat's line and the windows have room, and starts it;
   * answers false, not started, when the platform was held off meanwhile (another send was told to
   * wait): the send then books its turn again, behind the hold.
   */
  private boolean awaitRoom(ChatRef chat, long ticket, FloodLimits mine) throws InterruptedException {
    while (true) {
      Instant now = clock.instant();
      if (pacer.heldUntil(platform.platform()).isAfter(now)) {
        return false;
      }
      Optional<Instant> later = windows.tryStart(chat, ticket, mine, now);
      if (later.isEmpty()) {
        return true;
      }
      pause.until(later.get());
    }
  }

  @Override
  public void edit(MessageRef message, OutboundMessage replacement) {
    platform.edit(message, replacement);
  }

  @Override
  public boolean delete(MessageRef message) {
    return platform.delete(message);
  }

  @Override
  public Optional<Boolean> isAdmin(ChatRef chat, UserRef user) {
    return platform.isAdmin(chat, user);
  }

  @Override
  public boolean answersPrivatelyInGroups() {
    return platform.answersPrivatelyInGroups();
  }

  @Override
  public boolean sendsHere() {
    return platform.sendsHere();
  }

  @Override
  public String toString() {
    return "paced " + platform;
  }
}
