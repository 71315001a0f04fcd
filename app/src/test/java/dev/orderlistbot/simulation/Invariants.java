package dev.orderlistbot.simulation;

import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.order.ListOrderStatus;
import dev.orderlistbot.core.port.out.OrderListState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The promises the bot makes with real money, checked on a settled run's {@link Observation}. Each
 * broken one is a line naming the invariant, so a failure says what broke and where.
 */
final class Invariants {
  static final String PLACED_AT_MOST_ONCE = "placed-at-most-once";
  static final String TRACKED_MATCHES_EXCHANGE = "tracked-matches-exchange";
  static final String ONE_NOTICE_PER_FILL = "one-notice-per-fill-per-chat";
  static final String NO_NOTICE_TWICE = "no-notice-twice";
  static final String NO_STALE_NOTICE = "no-stale-notice";
  static final String NOTHING_PENDING = "nothing-pending";
  static final String NO_PLACING_FOREVER = "no-placing-forever";
  static final String UNGUARDED_POSITION_SAID = UnguardedPositions.UNGUARDED_POSITION_SAID;

  private Invariants() {}

  static List<String> check(Observation run) {
    List<String> broken = new ArrayList<>();
    run.placements().forEach((id, times) -> {
      if (times > 1) {
        broken.add(PLACED_AT_MOST_ONCE + ": " + id + " was sent " + times + " times");
      }
    });
    for (Observation.ListFact list : run.lists()) {
      OrderListState expected = expectedState(list);
      if (list.tracked() != expected) {
        broken.add(TRACKED_MATCHES_EXCHANGE + ": " + list.clientListId() + " is tracked " + list.tracked()
            + " but the exchange has it " + list.onExchange().map(Enum::name).orElse("nowhere"));
      }
    }
    fills(run, broken);
    notices(run, broken);
    if (run.pendingNotices() > 0) {
      broken.add(NOTHING_PENDING + ": " + run.pendingNotices() + " outbox row(s) still pending");
    }
    // a preview ends saying what happened: not "Placing…", and not "cannot tell" once the run settled
    run.shownTexts().stream()
        .filter(text -> text.startsWith("Placing…") || text.contains("cannot tell whether it was placed")
            || text.startsWith("⚠️ Something went wrong while placing")
            // a trade action ends saying what became of it, never "Moving the stop…" or "Closing…"
            || text.startsWith("⏳ Moving the stop") || text.startsWith("⏳ Closing")
            || text.contains("Binance did not confirm the new list"))
        .findFirst()
        .ifPresent(text -> broken.add(NO_PLACING_FOREVER + ": a preview still says \"" + text + "\""));
    UnguardedPositions.check(run, broken);
    return broken;
  }

  private static OrderListState expectedState(Observation.ListFact list) {
    if (list.onExchange().isEmpty()) {
      return OrderListState.REJECTED;
    }
    ListOrderStatus status = list.onExchange().get();
    return switch (status) {
      case ALL_DONE -> OrderListState.ALL_DONE;
      case REJECT -> OrderListState.REJECTED;
      case EXECUTING, UNKNOWN -> OrderListState.EXECUTING;
    };
  }

  /** Every fill is told exactly once in the chat its list was placed from (at most once in a chat that is gone). */
  private static void fills(Observation run, List<String> broken) {
    Map<Long, ChatRef> chatOf = new HashMap<>();
    run.lists().forEach(list -> list.orderListId().ifPresent(id -> chatOf.put(id, list.chat())));
    for (Observation.Fill fill : run.fills()) {
      ChatRef chat = chatOf.get(fill.orderListId());
      if (chat == null) {
        broken.add(ONE_NOTICE_PER_FILL + ": #" + fill.orderListId() + " filled, and the bot has no record of that list");
        continue;
      }
      long told =
          run.notices().stream()
              .filter(n -> n.chat().equals(chat) && isFillNotice(n.text(), fill))
              .count();
      boolean gone = run.goneChats().contains(chat);
      if (told > 1 || (told == 0 && !gone)) {
        broken.add(ONE_NOTICE_PER_FILL + ": the " + role(fill.role()) + " fill of #" + fill.orderListId() + " was told "
            + told + " time(s) in " + chat);
      }
    }
  }

  /** No chat gets one notice twice, nor a partial fill after the fill of the same order. */
  private static void notices(Observation run, List<String> broken) {
    Set<String> seen = new HashSet<>();
    Set<String> filled = new HashSet<>();
    for (SimChats.Delivery notice : run.notices()) {
      String key = notice.chat() + " " + notice.text();
      if (!seen.add(key)) {
        broken.add(NO_NOTICE_TWICE + ": " + notice.chat() + " got \"" + notice.text() + "\" twice");
      }
      for (Observation.Fill fill : run.fills()) {
        String order = notice.chat() + " " + fill.orderId();
        if (isFillNotice(notice.text(), fill)) {
          filled.add(order);
        } else if (isPartialNotice(notice.text(), fill) && filled.contains(order)) {
          broken.add(NO_STALE_NOTICE + ": " + notice.chat() + " got \"" + notice.text() + "\" after the fill of that order");
        }
      }
    }
  }

  /** A fill's notice: "✅ … filled", or "⚠️ … filled, but its …" for an entry whose exits had ended. */
  static boolean isFillNotice(String text, Observation.Fill fill) {
    boolean fillSentence = text.startsWith("✅ ") || (text.startsWith("⚠️ ") && text.contains(" filled, but its "));
    return fillSentence && text.contains("#" + fill.orderListId() + ": " + role(fill.role()) + " ") && text.contains(" filled");
  }

  static boolean isPartialNotice(String text, Observation.Fill fill) {
    return text.startsWith("◑ ") && text.contains("#" + fill.orderListId() + ": " + role(fill.role()) + " ");
  }

  /** The trader's word for a leg role suffix, as the notices say it. */
  static String role(String suffix) {
    return switch (suffix) {
      case "w" -> "entry";
      case "tp" -> "take-profit";
      case "sl" -> "stop-loss";
      default -> suffix;
    };
  }
}
