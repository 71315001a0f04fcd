package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.chat.OutboundMessage;
import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.domain.order.PlacedOrderList;
import dev.orderlistbot.core.port.out.AuditAction;
import dev.orderlistbot.core.port.out.AuditEntry;
import dev.orderlistbot.core.port.out.ExchangeClient;
import dev.orderlistbot.core.port.out.OutboxMessage;
import dev.orderlistbot.core.port.out.Stores;
import dev.orderlistbot.core.port.out.Transactor;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Tells a placement's result durably: what it changes in the store and the notice that says it are
 * written in one transaction, and the notice goes through the outbox (paced, retried, kept across a
 * restart) to replace the preview in place. Where the preview was shown privately inside a group
 * (a Discord ephemeral message, which only the interaction can edit), the preview is edited at once,
 * best effort, and the durable copy goes to the trader's private chat, never to the group.
 * Thread-safe.
 */
final class PlacementResults {
  /**
   * @param dedupeKey one per list and step, so a replayed step tells nothing twice
   * @param change the store change the result stands for; true when this call made it
   * @param text what the trader reads (where the list has no card)
   * @param placed the list the exchange holds, when the result is that it was placed: then the
   *     result is the list's card, with its buttons, and the card is shown by the result's message
   * @param audit what the audit log records of this result, in the transaction of its change and
   *     only when this call made the change (so a result told twice is audited once), in order
   */
  record Result(
      String dedupeKey, Predicate<Stores> change, String text, Optional<PlacedOrderList> placed, List<Audited> audit) {
    Result {
      Objects.requireNonNull(dedupeKey, "dedupeKey");
      Objects.requireNonNull(change, "change");
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(placed, "placed");
      audit = List.copyOf(audit);
    }

    Result(String dedupeKey, Predicate<Stores> change, String text, Optional<PlacedOrderList> placed) {
      this(dedupeKey, change, text, placed, List.of());
    }

    /** A result that is not a placed list. */
    Result(String dedupeKey, Predicate<Stores> change, String text) {
      this(dedupeKey, change, text, Optional.empty());
    }

    /** The same result, also audited as {@code action} on {@code subject} (a reference id, never a secret). */
    Result audited(AuditAction action, String subject) {
      List<Audited> more = new ArrayList<>(audit);
      more.add(new Audited(action, AuditSubjects.bounded(subject)));
      return new Result(dedupeKey, change, text, placed, more);
    }
  }

  /** An audit entry of a result, but for who, where and when, which the telling knows. */
  record Audited(AuditAction action, String subject) {
    Audited {
      Objects.requireNonNull(action, "action");
      Objects.requireNonNull(subject, "subject");
    }
  }

  /** The key of the notice that settles a placement whose outcome was unknown: told once, by whoever settles it. */
  static String settledKey(ClientListId clientId) {
    return "placement-settled:" + clientId.value();
  }

  private final Transactor transactor;
  private final ChatOut out;
  private final ExchangeClient exchange;
  private final Runnable outboxTrigger;
  private final Clock clock;

  /** @param exchange asked for the quote asset of a placed list's card */
  PlacementResults(Transactor transactor, ChatOut out, ExchangeClient exchange, Runnable outboxTrigger, Clock clock) {
    this.transactor = transactor;
    this.out = out;
    this.exchange = exchange;
    this.outboxTrigger = outboxTrigger;
    this.clock = clock;
  }

  /** The answer to a Confirm: always told, whatever the store change found. */
  void tell(MessageRef preview, UserRef owner, Result result) {
    write(preview.chat(), Optional.of(preview.messageId()), owner, result, Mode.ALWAYS);
  }

  /**
   * The answer to an action the bot ran: on {@code shown} (the message that showed it) when there is
   * one, else as a new message; always told.
   */
  void tell(ChatRef chat, Optional<String> shown, UserRef owner, Result result) {
    write(chat, shown, owner, result, Mode.ALWAYS);
  }

  /**
   * The answer to a close, reduction or panic the bot ran, whose change is "was still owed": always
   * told. When it was no longer owed, another instance's settlement told its reading meanwhile (this
   * one's lease lapsed half-way), so this true answer follows as a new message that says it corrects
   * that one, under its own key. Answers whether it was told as the answer (not a correction): only
   * then may buttons follow it, the settlement's own (a Retry that looks up what was sent) standing
   * otherwise, lest two buttons each send a market order for one position.
   */
  boolean tellOwed(ChatRef chat, Optional<String> shown, UserRef owner, Result result) {
    return write(chat, shown, owner, result, Mode.CORRECTING);
  }

  /**
   * A note an action owes someone besides its answer (a panic's note to a list's owner): told, and
   * should another instance's settlement have told one under its key first, told after it as a
   * correction.
   */
  void tellOrCorrect(ChatRef chat, Optional<String> shown, UserRef owner, Result result) {
    write(chat, shown, owner, result, Mode.CORRECTING);
  }

  /**
   * A later settlement: told only when this call made the change (otherwise whoever made it told
   * it); answers whether it did.
   *
   * @param previewId the preview's message id in {@code chat}, when it is known
   */
  boolean settle(ChatRef chat, Optional<String> previewId, UserRef owner, Result result) {
    return write(chat, previewId, owner, result, Mode.ONLY_IF_CHANGED);
  }

  /** {@code result} told after another instance's answer under its key, as a correction of it. */
  private static OutboxMessage correction(Result result, ChatRef chat) {
    return new OutboxMessage(result.dedupeKey() + ":correction", chat, Replies.correction(result.text()));
  }

  /** Whether a result is told when its change was made before (by someone else). */
  private enum Mode {
    ALWAYS,
    ONLY_IF_CHANGED,
    /** always, and when the change was made before, as a correction of what was told then */
    CORRECTING
  }

  private boolean write(ChatRef chat, Optional<String> previewId, UserRef owner, Result result, Mode mode) {
    boolean onlyIfChanged = mode == Mode.ONLY_IF_CHANGED;
    ChatRef noticeChat = out.noticeChat(owner, chat);
    boolean inPlace = noticeChat.equals(chat);
    Optional<String> replaces = inPlace ? previewId : Optional.empty();
    Optional<String> quoteAsset = result.placed().flatMap(list -> CardUpdates.quoteAsset(exchange, list.symbol()));
    record Told(boolean changed, OutboundMessage shown) {}
    Told told =
        transactor.inTransaction(
            stores -> {
              boolean made = result.change().test(stores);
              if (made || mode == Mode.CORRECTING) {
                result.audit().forEach(
                    a -> stores.audit().record(new AuditEntry(clock.instant(), owner, a.action(), a.subject(), Optional.of(chat))));
              }
              OutboundMessage shown = OutboundMessage.text(result.text());
              if (!made && mode == Mode.CORRECTING) {
                shown = OutboundMessage.text(Replies.correction(result.text()));
                stores.outbox().enqueue(correction(result, noticeChat));
              } else if (made || !onlyIfChanged) {
                // a placed list's result is its card under the result's sentence; from now on this
                // message shows the card, and the card's edits replace it (sentence and all)
                String sentence = result.text();
                shown =
                    result.placed()
                        .flatMap(list -> CardUpdates.placed(stores, list.clientId(), list, quoteAsset, noticeChat, replaces))
                        .map(card -> new OutboundMessage(sentence + "\n\n" + card.text(), card.buttonRows()))
                        .orElse(shown);
                OutboxMessage answer = new OutboxMessage(result.dedupeKey(), noticeChat, shown.text(), replaces, shown.buttonRows());
                boolean stored = stores.outbox().enqueue(result.placed().map(list -> answer.asCardOf(list.clientId().value())).orElse(answer));
                if (!stored && mode == Mode.CORRECTING) {
                  // another instance's settlement told this key first (a panic's note to a list's owner): this follows it
                  stores.outbox().enqueue(correction(result, noticeChat));
                }
              }
              return new Told(made, shown);
            });
    if (told.changed() || !onlyIfChanged) {
      if (!inPlace && (told.changed() || mode != Mode.CORRECTING)) {
        previewId.ifPresent(id -> out.edit(new MessageRef(chat, id), OutboundMessage.text(told.shown().text())));
      }
      outboxTrigger.run();
    }
    return told.changed();
  }
}
