package dev.orderlistbot.simulation;

import dev.orderlistbot.core.chat.Button;
import dev.orderlistbot.core.chat.ChatEvent;
import dev.orderlistbot.core.chat.ChatKind;
import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.chat.OutboundMessage;
import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.domain.order.PlacedOrderList;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The people: traders who write order-list commands in their private chats or the group, read the
 * preview and tap its buttons (at once, twice, too late; and someone else taps first), and now and
 * then cancel a list. Every line and tap is a task; while the bot is down they go nowhere.
 */
final class Traders {
  static final UserRef ALICE = new UserRef("telegram", "1001");
  static final UserRef BOB = new UserRef("telegram", "1002");
  static final UserRef CAROL = new UserRef("discord", "2001");
  static final UserRef MALLORY = new UserRef("telegram", "666");
  static final ChatRef GROUP = new ChatRef("telegram", "-100200300");
  static final List<UserRef> TRADERS = List.of(ALICE, BOB, CAROL);

  private final SimScheduler scheduler;
  private final Random random;
  private final Faults faults;
  private final Supplier<Optional<SimBot>> bot;
  private final Supplier<BigDecimal> price;
  private final Deque<UserRef> speaking = new ArrayDeque<>();
  private final List<Line> said = new ArrayList<>();
  private long lines;

  /** A line a trader wrote to the bot (while it was up). */
  record Line(UserRef user, String text) {}

  Traders(SimScheduler scheduler, Faults faults, Supplier<Optional<SimBot>> bot, Supplier<BigDecimal> price, SimChats chats) {
    this.scheduler = scheduler;
    this.random = scheduler.random();
    this.faults = faults;
    this.bot = bot;
    this.price = price;
    chats.onButtons(this::sees);
  }

  static ChatRef dm(UserRef user) {
    return new ChatRef(user.platform(), user.userId());
  }

  /** Each trader writes a few commands during the first {@code activity}. */
  void plan(Duration activity) {
    for (UserRef trader : TRADERS) {
      int commands = 1 + random.nextInt(4);
      for (int i = 0; i < commands; i++) {
        Duration at = Duration.ofMillis((long) (random.nextDouble() * activity.toMillis()));
        scheduler.at(at, "", SimScheduler.WORLD, () -> act(trader));
      }
    }
  }

  private void act(UserRef trader) {
    ChatRef chat = trader.platform().equals("telegram") && random.nextInt(3) == 0 ? GROUP : dm(trader);
    int roll = random.nextInt(8);
    say(trader, chat, roll < 2 ? cancelLine(trader) : roll < 4 ? manageLine(trader) : orderLine());
  }

  /**
   * Managing one of the trader's lists (issue 15): a stop moved to a price near the market or to
   * breakeven, a close at market, a reduction, now and then a {@code /panic}; often refused (a stop on the wrong side, an entry
   * not filled), which is an answer too.
   */
  private String manageLine(UserRef trader) {
    List<PlacedOrderList> open = bot.get().map(b -> b.exchange().openLists(trader)).orElse(List.of());
    long id = open.isEmpty() ? 999_999 : open.get(random.nextInt(open.size())).id().value();
    long p = price.get().longValue();
    return switch (random.nextInt(5)) {
      case 0 -> "/movestop " + id + " " + (p - 20 - random.nextInt(300));
      case 1 -> "/movestop " + id + " be";
      case 2 -> "/close " + id;
      case 3 -> random.nextInt(4) == 0 ? (random.nextBoolean() ? "/panic" : "/panic close") : "/close " + id;
      default -> "/reduce " + id + " 0.00" + (1 + random.nextInt(9));
    };
  }

  private String orderLine() {
    long p = price.get().longValue();
    int near = 50 + random.nextInt(400);
    int far = 50 + random.nextInt(400);
    return switch (random.nextInt(3)) {
      case 0 -> "/oco BTCUSDT sell 0.01 tp " + (p + near) + " sl " + (p - far);
      case 1 -> "/oco BTCUSDT buy 0.01 tp " + (p - near) + " sl " + (p + far);
      default -> {
        long entry = p - random.nextInt(300);
        yield "/otoco BTCUSDT buy 0.01 @ " + entry + " tp " + (entry + near) + " sl " + (entry - far);
      }
    };
  }

  /** {@code /cancel ID} of a list the trader can see on the exchange, or of one that does not exist. */
  private String cancelLine(UserRef trader) {
    List<PlacedOrderList> open = bot.get().map(b -> b.exchange().openLists(trader)).orElse(List.of());
    return "/cancel " + (open.isEmpty() ? 999_999 : open.get(random.nextInt(open.size())).id().value());
  }

  /** Every line the traders wrote while the bot was up, in order. */
  List<Line> lines() {
    return List.copyOf(said);
  }

  private void say(UserRef user, ChatRef chat, String text) {
    if (bot.get().isPresent()) {
      said.add(new Line(user, text));
    }
    ChatKind kind = chat.equals(GROUP) ? ChatKind.GROUP : ChatKind.PRIVATE;
    MessageRef ref = new MessageRef(chat, "user-" + lines++);
    handle(user, new ChatEvent.TextMessage(chat, kind, user, ref, text));
  }

  private void handle(UserRef user, ChatEvent event) {
    Optional<SimBot> up = bot.get();
    if (up.isEmpty()) {
      return;
    }
    speaking.push(user);
    try {
      up.get().handle(event);
    } finally {
      speaking.pop();
    }
  }

  /** Someone sees a message with buttons: the one whose line it answers taps, as people do. */
  private void sees(MessageRef message, OutboundMessage shown) {
    // the one speaking taps; a message nobody's line answered (a notice's buttons) is tapped by whoever
    // owns its chat, on that chat's platform
    UserRef requester =
        !speaking.isEmpty() && speaking.peek().platform().equals(message.chat().platform()) ? speaking.peek() : ownerOf(message.chat());
    List<Button> buttons = shown.buttons();
    Button confirm = buttons.get(0);
    Button cancel = buttons.get(buttons.size() - 1);
    boolean withdraw = buttons.size() > 1 && random.nextInt(10) == 0;
    Button tap = withdraw ? cancel : confirm;
    long delay = faults.strikes(Fault.PRESS_LATE, 0.15) ? 61_000 + random.nextInt(60_000) : 500 + random.nextInt(20_000);
    press(requester, message, tap, delay);
    if (faults.strikes(Fault.PRESS_TWICE, 0.3)) {
      press(requester, message, random.nextBoolean() ? tap : cancel, delay + random.nextInt(2_000));
    }
    if (faults.strikes(Fault.PRESS_WRONG_USER, 0.2)) {
      UserRef other = message.chat().equals(GROUP) ? (requester.equals(ALICE) ? BOB : ALICE) : stranger(message.chat());
      press(other, message, confirm, Math.max(0, delay - 1 - random.nextInt(500)));
    }
  }

  /** Who reads a chat: a private chat's own user (its id is theirs), the group's Alice. */
  private static UserRef ownerOf(ChatRef chat) {
    return chat.equals(GROUP) ? ALICE : new UserRef(chat.platform(), chat.chatId());
  }

    /** Someone the bot does not serve, on the chat's platform. */
  private static UserRef stranger(ChatRef chat) {
    return chat.platform().equals(MALLORY.platform()) ? MALLORY : new UserRef(chat.platform(), MALLORY.userId());
  }

  private void press(UserRef user, MessageRef message, Button button, long delayMillis) {
    ChatKind kind = message.chat().equals(GROUP) ? ChatKind.GROUP : ChatKind.PRIVATE;
    scheduler.at(
        Duration.ofMillis(delayMillis), "", SimScheduler.WORLD,
        () -> handle(user, new ChatEvent.ButtonPressed(message.chat(), kind, user, message, button.token())));
  }
}
