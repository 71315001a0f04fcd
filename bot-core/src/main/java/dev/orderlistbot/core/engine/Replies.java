package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.command.CommandSpec;
import dev.orderlistbot.core.command.ParseError;
import dev.orderlistbot.core.domain.Asset;
import dev.orderlistbot.core.domain.Balance;
import dev.orderlistbot.core.domain.KeyType;
import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.TradingEnvironment;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.domain.order.LegRole;
import dev.orderlistbot.core.domain.order.ListKind;
import dev.orderlistbot.core.port.out.AlertMode;
import dev.orderlistbot.core.port.out.AlertSubscription;
import dev.orderlistbot.core.port.out.ExchangeError;
import dev.orderlistbot.core.rules.Violation;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every sentence the engine says, in one place: wording stays consistent, tests can compare it, and
 * nothing here ever receives a secret (only key types and fingerprints). Longer than the size budget
 * on purpose: splitting it would scatter the wording again. Layouts of figures (previews, order
 * lists, fills) are composed by {@link Texts} from the words here.
 */
final class Replies {
  static final String CONFIRM = "Confirm";
  static final String CANCEL = "Cancel";
  static final String CANCEL_ALL = "Cancel all";
  static final String KEEP = "Keep them";
  static final String CARD_CANCEL = "Cancel list";
  static final String CARD_CLOSE = "Close at market";
  static final String CARD_BREAKEVEN = "Move stop to breakeven";

  private Replies() {}

  // ---- general ----

  /**
   * The true answer of an action that was read half-way by another instance (which told what it saw
   * then): this one replaces that earlier answer.
   */
  static String correction(String answer) {
    return "⚠️ Correction: an earlier answer about this action was given while it was still running and may be wrong."
        + " This is what happened:\n" + answer;
  }

  static String somethingWentWrong(String ref) {
    return "Something went wrong (ref " + ref + "). Nothing more was done; please try again later.";
  }

  static String notAllowed(UserRef user) {
    return "Sorry, you are not allowed to use this bot. Your id is " + user
        + ". The operator can allow you by adding it to BOT_ALLOWED_USERS.";
  }

  /**
   * The one answer to a user over the command rate; what they send until {@code retryIn} is
   * dropped without another.
   */
  static String slowDown(EngineConfig.CommandLimit limit, Duration retryIn) {
    long seconds = Math.max(1, retryIn.plusMillis(999).toSeconds());
    return "Slow down: you sent " + limit.commands() + " commands in " + limit.window().toSeconds()
        + " seconds, the most I take from one user. Try again in " + seconds + " s; I am ignoring what you"
        + " send until then. Confirm, Cancel and /cancel still work meanwhile.";
  }

  static String helpHint() {
    return "I understand commands only. Send /help to see them.";
  }

  static String parseError(ParseError error) {
    return error.message() + error.example().map(e -> "\nFor example: " + e).orElse("");
  }

  static String exchangeError(ExchangeError error) {
    return switch (error) {
      case ExchangeError.Refused r -> "The exchange refused: " + sentence(r.reason());
      case ExchangeError.NotFound n -> sentence(n.reason());
      case ExchangeError.RateLimited r ->
          "Binance asked the bot to slow down until " + Figures.time(r.until())
              + ". Nothing was sent; please try again after that.";
      case ExchangeError.HeldBack h ->
          sentence(h.reason()) + " Nothing was sent; please try again after " + Figures.time(h.until())
              + ". Placing and cancelling order lists still works meanwhile.";
      case ExchangeError.CredentialsRejected c ->
          "Binance did not accept your API key: " + sentence(c.reason())
              + " Check the key, its IP restriction and its Spot trading permission, then store it again"
              + " with /setkey in a private chat.";
      case ExchangeError.Unavailable u ->
          "Binance cannot be reached right now (" + stripDot(u.reason())
              + "). Nothing was changed; please try again in a moment.";
      case ExchangeError.OutcomeUnknown o ->
          "Binance did not answer in time, so it may or may not have done it. Check with /orders before"
              + " trying again.";
    };
  }

  // ---- start and help ----

  static String welcome(TradingEnvironment environment) {
    String start = "Welcome to orderlist-bot. Orders go to " + environment.name() + ".\n";
    if (!environment.needsApiKeys()) {
      return start
          + "PAPER is a simulated exchange: no API key is needed and nothing real is traded.\n"
          + "Try: " + CommandSpec.OCO.example() + " and press Confirm.\n"
          + "Move the paper market with " + CommandSpec.PAPER.example() + ".\n"
          + "/help lists every command.";
    }
    return start
        + (environment == TradingEnvironment.LIVE ? "LIVE means real money.\n" : "")
        + "First add your Binance API key in a private chat with me: /keygen (recommended: the private"
        + " key never leaves the bot) or /setkey.\n"
        + "Then try: " + CommandSpec.OCO.example() + "\n"
        + "/help lists every command.";
  }

  static String help() {
    return "Commands:\n"
        + Arrays.stream(CommandSpec.values())
            .map(spec -> spec.usage() + " — " + spec.summary())
            .collect(Collectors.joining("\n"))
        + "\nSend /help COMMAND to learn more about one.";
  }

  static String help(CommandSpec spec) {
    return spec.usage() + "\n" + spec.summary() + "\nFor example: " + spec.example();
  }

  // ---- previews and placement ----

  static String noKey() {
    return "You have no API key stored yet. In a private chat with me send /keygen (I make a key pair and"
        + " you register its public key at Binance) or /setkey API_KEY SECRET.";
  }

  static String refused(List<Violation> violations) {
    return "This order list cannot be placed:\n"
        + violations.stream().map(v -> "• " + v.message()).collect(Collectors.joining("\n"));
  }

  static String previewTitle(TradingEnvironment environment) {
    return "PREVIEW · " + environment.name();
  }

  static String previewNotional(String notional, String last) {
    return "Notional: " + notional + " (last price " + last + ")";
  }

  static String previewRewardToRisk(String ratio) {
    return "Reward:risk " + ratio;
  }

  static String previewConverted(String price) {
    return "Quantity converted at " + price + ".";
  }

  static String previewPaysFromFill() {
    return "The exits sell exactly what the entry buys.";
  }

  static String previewCountsUnchecked() {
    return "⚠️ Your open orders could not be counted just now, so the exchange's open-order limits were not checked: "
        + "if this list is over one, the exchange refuses it and nothing is placed.";
  }

  static String previewConfirmWithin(Duration ttl) {
    return "Press Confirm within " + seconds(ttl) + " to place it.";
  }

  static String distanceFromLast(String percent) {
    return "(" + percent + " from last)";
  }

  static String placing(TradingEnvironment environment) {
    return "Placing… (" + environment.name() + ")";
  }

  static String placed(TradingEnvironment environment, String summary, String listId, String legs) {
    return "✅ Placed on " + environment.name() + ": " + summary + ".\nOrder list #" + listId + "; orders: " + legs
        + ".";
  }

  static String notPlaced(ExchangeError error) {
    return "❌ Not placed. " + exchangeError(error);
  }

  static String placementUnknown(ClientListId clientId) {
    return "⚠️ Binance did not confirm this order list and does not show it yet, so I cannot tell whether it"
        + " was placed. It will never be sent again. It is recorded as " + clientId
        + "; I keep looking it up and will say here whether it was placed (within a few minutes).";
  }

  static String placementFailed(String ref) {
    return "⚠️ Something went wrong while placing (ref " + ref + "). The order list may or may not be on the"
        + " exchange, and it will never be sent again. I keep looking it up and will say here whether it was"
        + " placed; do not place it again before that.";
  }

  static String placedAfterAll(TradingEnvironment environment, String listName, String legs) {
    return "✅ Placed on " + environment.name() + " after all: " + listName + "; orders: " + legs + ". (Its answer"
        + " was lost on the way; looking it up by its client id found it.)";
  }

  static String notPlacedAfterAll(TradingEnvironment environment) {
    return "❌ Not placed: " + environment.name() + " has no such order list, so nothing was placed (the request never"
        + " reached the exchange, or the bot stopped before sending it). It will never be sent; place it again"
        + " if you still want it.";
  }

  static String noKeyAnyMore() {
    return "Nothing was done: you have no API key stored any more. Add one with /keygen or /setkey in a"
        + " private chat.";
  }

  static String previewCancelled() {
    return "Cancelled. Nothing was placed.";
  }

  static String cancelAllKept() {
    return "Kept. Nothing was cancelled.";
  }

  static String expired() {
    return "This has expired, so nothing was done. Send the command again (for fresh prices, in the case of"
        + " an order list).";
  }

  static String alreadyConfirmed() {
    return "This was already confirmed. Nothing is ever placed or cancelled twice.";
  }

  static String alreadyCancelled() {
    return "This was already cancelled, so nothing was done.";
  }

  static String notYourButton() {
    return "Only the trader who asked for this can press its buttons.";
  }

  static String unknownButton() {
    return "This button is no longer valid. Send the command again.";
  }

  // ---- open lists, status, cancels ----

  static String noOpenLists() {
    return "You have no open order lists.";
  }

  static String openListsTitle(TradingEnvironment environment, int shown, int total) {
    return "Your open order lists (" + environment.name() + ")"
        + (shown < total ? ", the first " + shown + " of " + total : "") + ":";
  }

  static String cancelButton(long orderListId) {
    return "Cancel #" + orderListId;
  }

  static String noSuchList(long orderListId) {
    return "There is no order list #" + orderListId + " on your account.";
  }

  static String noSuchOpenList(long orderListId) {
    return "You have no open order list #" + orderListId + ".";
  }

  static String cancelled(String list) {
    return "✖ Cancelled " + list + ".";
  }

  /**
   * A cancel that took the exits from what its entry had filled, e.g. {@code ✖ Cancelled BTCUSDT
   * OTOCO #8821. ⚠️ Its entry had filled, so 0.01 on BTCUSDT is held with no take-profit or
   * stop-loss now: place them again (/oco BTCUSDT sell 0.01 tp … sl …) or check /orders.}
   */
  static String cancelledHolding(String list, String held, String ocoCommand) {
    return cancelled(list) + " " + entryHeldWithNoExit(held, ocoCommand);
  }

  /** After a list that ended with its exits: what its entry bought is held with none, and how to put them back. */
  static String entryHeldWithNoExit(String held, String ocoCommand) {
    return "⚠️ Its entry had filled, so " + held + " is held with no take-profit or stop-loss now: place them again ("
        + ocoCommand + ") or check /orders.";
  }

  /** {@link #cancelledHolding} as a notice on its own, for when the cancel's answer never reached the trader. */
  static String cancelledHoldingLater(String list, String held, String ocoCommand) {
    return "⚠️ " + list + " was cancelled after its entry had filled, so " + held + " is held with no take-profit or"
        + " stop-loss now: place them again (" + ocoCommand + ") or check /orders.";
  }

  /** An OCO that had ended with neither order filled: what it protected is held with neither. */
  static String ocoUnguardedAfterEnd(String list) {
    return "⚠️ " + list + "'s take-profit and stop-loss ended without filling, so the quantity it protected has no"
        + " take-profit or stop-loss now: place them again (/oco …) or check /orders.";
  }

  /** A list that had ended, whose entry filled and whose exits all ended without a fill: nothing guards the position. */
  static String unguardedAfterEnd(String list, List<LegRole> exits) {
    boolean one = exits.size() == 1;
    return "⚠️ " + list + "'s entry had filled and its "
        + exits.stream().map(Replies::role).collect(Collectors.joining(" and ")) + " ended without filling, so what it"
        + " bought or sold has no " + exits.stream().map(Replies::role).collect(Collectors.joining(" or ")) + " now: place "
        + (one ? "it" : "them") + " again (/oco …) or check /orders.";
  }

  /** "Nothing to cancel" for a list whose end the bot never heard: it is being looked up. */
  static String nothingToCancelLookingUp(ExchangeError error, String list) {
    return exchangeError(error) + " I did not hear how " + list + " ended, so I am looking it up and will tell"
        + " you here if anything of it filled.";
  }

  static String cancelUnknown(String list, long orderListId) {
    return "⚠️ Binance did not confirm the cancel of " + list + ", so it may or may not be cancelled. I keep"
        + " following the list and tell you how it ends; check with /status " + orderListId + ".";
  }

  /** A cancel the exchange did not carry out ({@code error} says why): the list is still working. */
  static String cancelNotDone(String list, long orderListId, ExchangeError error) {
    return "⚠️ The cancel of " + list + " did not go through, so the list is still working on Binance and I"
        + " keep following it. " + exchangeError(error) + " To try again, send /cancel " + orderListId + ".";
  }

  /** A cancel that did not go through while the list ended anyway (a fill, told on its own). */
  static String cancelOvertaken(String list, long orderListId) {
    return "The cancel of " + list + " did not go through, but the list has ended on Binance meanwhile, so"
        + " nothing of it is working any more. See /status " + orderListId + " for how it ended.";
  }

  /** A cancel whose answer was lost while the list ended (by the cancel or by a fill). */
  static String cancelUnknownButEnded(String list, long orderListId) {
    return "Binance did not confirm the cancel of " + list + ", but the list has ended meanwhile (cancelled"
        + " or filled), so nothing of it is working any more. See /status " + orderListId + " for how it ended.";
  }

  // ---- sizing by risk and take-profit ladders

  static String previewRisk(String atRisk, String budget, String worst, String fee) {
    return "Risk: " + atRisk + " if the stop fills at worst " + worst + " (allowed " + budget + "; taker fee " + fee
        + " on entry and exit included)";
  }

  static String previewSizedByRisk(String quantity) {
    return "Quantity sized by risk: " + quantity + ", rounded down to the step";
  }

  static String previewEquity(String percent, String equity, List<String> unpriced) {
    return percent + " of your equity " + equity
        + (unpriced.isEmpty() ? "" : "; left out, no price in this quote asset: " + String.join(", ", unpriced));
  }

  static String planTitle(int lists, String kind, String symbol) {
    return "Take-profit ladder: " + lists + " " + kind + " lists on " + symbol + ", sharing the stop";
  }

  static String planList(int number, String summary, String target, String rewardToRisk) {
    return number + ". " + summary + " · take-profit " + target + rewardToRisk;
  }

  static String planTotals(String quantity, String notional) {
    return "Total: " + quantity + ", notional " + notional;
  }

  static String planCountsAfter(String what, int after, int limit) {
    return "Open " + what + " on the symbol after placement: " + after + " of " + limit + " allowed";
  }

  static String planBreakeven() {
    return "be: when target 1 fills, the stops of the other lists move to breakeven (the entry's average fill"
        + " price). The bot does this itself, so it works only while the bot runs.";
  }

  static String planPlaced(TradingEnvironment environment, int lists) {
    return "✅ Placed on " + environment.name() + ": all " + lists + " lists of the ladder.";
  }

  static String planPartlyPlaced(TradingEnvironment environment, int live, int lists) {
    return "⚠️ Ladder placed only in part on " + environment.name() + ": " + live + " of " + lists
        + " lists are live. Each list is below.";
  }

  static String planNothingPlaced(int lists) {
    return "❌ None of the " + lists + " lists of the ladder was placed.";
  }

  static String planListLive(int number, String summary, long orderListId) {
    return number + ". " + summary + ": live, order list #" + orderListId;
  }

  static String planListRefused(int number, String summary, String why) {
    return number + ". " + summary + ": not placed. " + why;
  }

  static String planListUnknown(int number, String summary) {
    return number + ". " + summary + ": cannot tell yet whether it was placed; you will be told here once the bot knows";
  }

  static String planListNotSent(int number, String summary) {
    return number + ". " + summary + ": not sent (the ladder stopped at the list before)";
  }

  static String planCancelLiveAsk(int live) {
    return "Cancel the " + live + " live list" + (live == 1 ? "" : "s") + " of the ladder?";
  }

  static final String CANCEL_LIVE = "Cancel live lists";

  static String cancelAllAsk(int count, String lists) {
    return "Cancel all " + count + " open order list" + (count == 1 ? "" : "s") + "?\n" + lists;
  }

  static String cancelAllDone(int cancelled, int total, List<String> failures) {
    return "Cancelled " + cancelled + " of " + total + " order list" + (total == 1 ? "" : "s") + "."
        + (failures.isEmpty() ? "" : "\n" + String.join("\n", failures));
  }

  static String cancelFailed(long orderListId, String why) {
    return "#" + orderListId + ": " + why;
  }

  // ---- market and account ----

  static String price(Symbol symbol, Price price, TradingEnvironment environment) {
    return symbol + " last price: " + Figures.number(price.value()) + " (" + environment.name() + ").";
  }

  static String balancesTitle(TradingEnvironment environment) {
    return "Your balances (" + environment.name() + "):";
  }

  static String balance(Balance balance) {
    return balance.asset() + ": free " + Figures.number(balance.free()) + ", locked "
        + Figures.number(balance.locked());
  }

  static String noBalance(Asset asset) {
    return "You hold no " + asset + ".";
  }

  static String noBalances() {
    return "Your account holds nothing yet.";
  }

  static String paperOnly(TradingEnvironment environment) {
    return "/paper works only in PAPER mode; this bot trades on " + environment.name() + ".";
  }

  static String paperNotListed(Symbol symbol) {
    return "The paper exchange does not list " + symbol + ".";
  }

  static String paperPriceSet(Symbol symbol, Price price) {
    return "Paper price of " + symbol + " set to " + Figures.number(price.value())
        + "; resting orders were matched against it.";
  }

  static String alertsOn(boolean redacted) {
    return "🔔 This chat now gets your order-list notifications"
        + (redacted ? ", without quantities" : "") + ". Stop them with /alerts off.";
  }

  static String alertsOff(boolean wasOn) {
    return wasOn
        ? "🔕 This chat no longer gets your order-list notifications."
        : "This chat was not getting your order-list notifications.";
  }

  static String alertsHere(Optional<AlertMode> mode) {
    return mode.map(m -> "Your order-list notifications are on in this chat"
            + (m == AlertMode.REDACTED ? ", without quantities." : "."))
        .orElse("Your order-list notifications are off in this chat. Turn them on with /alerts on or /alerts redacted.");
  }

  static String alertsAdminsOnly() {
    return "Only an admin of this group can send its members your order-list notifications: ask one to make you"
        + " an admin, or use /alerts in a group you administer. Your private chat always gets them.";
  }

  static String alertsAdminUnknown() {
    return "I could not check with the chat platform whether you are an admin of this group, so alerts stay as they"
        + " were. Please try /alerts on again in a minute.";
  }

  static String alertsInGroupsOnly() {
    return "Write /alerts on (or /alerts redacted, without quantities) in the group or channel that should get"
        + " your order-list notifications. Here, /alerts lists those chats; this private chat always gets them.";
  }

  static String alertsList(List<AlertSubscription> subscriptions) {
    if (subscriptions.isEmpty()) {
      return "No group gets your order-list notifications. Write /alerts on in a group to add it.";
    }
    return "Chats that get your order-list notifications:\n"
        + subscriptions.stream()
            .map(s -> "• " + s.chat().platform() + " chat " + s.chat().chatId()
                + (s.mode() == AlertMode.REDACTED ? " (without quantities)" : ""))
            .collect(Collectors.joining("\n"));
  }

  // ---- keys ----

  static String keysPrivateOnly(boolean carriedSecret, boolean deleted) {
    return "For your safety, key commands work only in a private chat with me."
        + (carriedSecret ? " " + (deleted ? "I deleted your message." : deleteItYourself()) : "");
  }

  static String streamKeyRefused(String reason) {
    return "⚠️ Binance refused your API key for live order notifications: " + reason
        + " Fills will not be announced until you store a working key with /setkey (or /keygen).";
  }

  static String streamGap() {
    return "⚠️ My connection to Binance's live order events was interrupted and is back now."
        + " A fill or expiry during the gap may not have been announced: check /orders.";
  }

  static String balancesPrivateOnly() {
    return "Balances are private: ask me with /balance in a private chat.";
  }

  /** {@code command}: what to send in private instead, e.g. {@code /status 8821}. */
  static String listsPrivateOnly(String command) {
    return "Your open order lists are private: ask me with " + command + " in a private chat.";
  }

  static String keysNotNeeded(boolean carriedSecret, boolean deleted) {
    return "In PAPER mode no API key is needed: just send an order command."
        + (carriedSecret ? " " + (deleted ? "I deleted your message." : deleteItYourself()) : "");
  }

  static String deleteItYourself() {
    return "I could not delete your message: please delete it yourself, and if it held a secret, replace that"
        + " key at Binance.";
  }

  static String keyLikeLineDeleted(boolean deleted) {
    return (deleted ? "That looked like a key, so I deleted it." : "That looked like a key. " + deleteItYourself())
        + " To store a key, send /setkey in a private chat with me.";
  }

  static String setupAskApiKey(Duration timeout) {
    return "Let's add your Binance API key. Send me the API key now (just the key); you have "
        + minutes(timeout) + ". Send /cancel to stop.\n"
        + "(If you made a key pair with /keygen, send /setkey API_KEY instead.)";
  }

  static String setupAskSecret(boolean deleted) {
    return (deleted ? "Got the API key (I deleted your message). " : "Got the API key. " + deleteItYourself() + "\n")
        + "Now send the secret key, or the PEM private key (-----BEGIN PRIVATE KEY-----) of an Ed25519 or RSA"
        + " key.";
  }

  static String setupBadApiKey() {
    return "That does not look like a Binance API key (letters and digits, usually 64). Send the API key"
        + " again, or /cancel.";
  }

  static String setupCancelled() {
    return "Key setup cancelled. Nothing was stored.";
  }

  static String setupTimedOut(boolean deleted) {
    return "Key setup timed out, so nothing was stored. "
        + (deleted ? "I deleted your message anyway." : deleteItYourself())
        + " Send /setkey to start again.";
  }

  static String keyUnusable(KeyMaterial.Problem problem) {
    return switch (problem) {
      case NOT_PKCS8 ->
          "That PEM block is not an unencrypted PKCS#8 private key (-----BEGIN PRIVATE KEY-----). Convert it"
              + " with: openssl pkcs8 -topk8 -nocrypt -in key.pem. Nothing was stored.";
      case UNREADABLE_KEY -> "That private key cannot be read as an Ed25519 or RSA key. Nothing was stored.";
      case EMPTY -> "The secret is empty. Nothing was stored.";
    };
  }

  static String noPendingKeygen() {
    return "No key pair from /keygen is waiting for its API key. Send /setkey API_KEY SECRET, or /keygen"
        + " first.";
  }

  static String keyNotStored(String why) {
    return "The key was not stored. " + why;
  }

  static String keyStored(KeyType type, String fingerprint, Optional<Boolean> accountCanTrade) {
    String stored = "🔑 Key stored: " + keyType(type) + ", fingerprint " + fingerprint + ".\n";
    return stored
        + accountCanTrade
            .map(
                canTrade ->
                    canTrade
                        ? "A signed account call with it worked, and Binance says your account can trade."
                            + " The key's own Spot trading permission is checked on your first order."
                        : "⚠️ A signed account call with it worked, but Binance says this account cannot trade"
                            + " right now: orders will be refused until trading is enabled for it at Binance.")
            .orElse("A signed account call with it worked; Spot trading permission is checked on your first order.");
  }

  static String keygen(String publicKeyPem) {
    return "Here is the public key of a new Ed25519 key pair. Its private key stays sealed inside this bot"
        + " and never travels through any chat.\n\n"
        + publicKeyPem.strip() + "\n\n"
        + "To use it:\n"
        + "1. On Binance open API Management → Create API → Self-generated.\n"
        + "2. Paste the public key above.\n"
        + "3. Enable Spot trading only (no withdrawals) and restrict access to your server's IP.\n"
        + "4. Send me /setkey API_KEY with the API key Binance shows you.";
  }

  static String noKeys() {
    return "No API key stored. Add one in a private chat with /keygen or /setkey.";
  }

  static String keysTitle() {
    return "Your keys:";
  }

  static String storedKey(KeyType type, String fingerprint, String added) {
    return "• " + keyType(type) + " · fingerprint " + fingerprint + " · added " + added;
  }

  static String pendingKey(String added) {
    return "• Ed25519 key pair from /keygen, waiting for /setkey API_KEY · made " + added;
  }

  static String keysDeleted(int count) {
    return "Deleted " + count + " stored key" + (count == 1 ? "" : "s")
        + ". Also delete the API key at Binance if you no longer use it.";
  }

  static String keyType(KeyType type) {
    return switch (type) {
      case HMAC -> "HMAC";
      case ED25519 -> "Ed25519";
      case RSA -> "RSA";
    };
  }

  // ---- words for figures and notices ----

  static String role(LegRole role) {
    return switch (role) {
      case WORKING -> "entry";
      case TAKE_PROFIT -> "take-profit";
      case STOP_LOSS -> "stop-loss";
    };
  }

  static String listName(Symbol symbol, ListKind kind, long orderListId) {
    return symbol + " " + kind + " #" + orderListId;
  }

  static String filled(String list, String leg, String followUp) {
    return "✅ " + list + ": " + leg + " filled" + followUp + ".";
  }

  static String siblingExpired(LegRole sibling) {
    return "; " + role(sibling) + " expired";
  }

  static String exitsNowWorking(List<LegRole> exits) {
    return "; " + exits.stream().map(Replies::role).collect(Collectors.joining(" and "))
        + (exits.size() == 1 ? " is" : " are") + " now working";
  }

  /**
   * An entry's fill told after its exits ended, e.g. {@code ⚠️ BTCUSDT OTOCO #8821: entry BUY 0.01 @
   * 30,000 filled, but its take-profit and stop-loss had already ended, so 0.01 on BTCUSDT has no
   * take-profit or stop-loss. Place them again (/oco BTCUSDT sell 0.01 tp … sl …) or check /orders.}
   *
   * @param exits the list's exits, take-profit first
   * @param left what is left unprotected, or empty when quantities are not to be shown
   */
  static String entryFilledExitsEnded(String list, String leg, List<LegRole> exits, Optional<String> left, String ocoCommand) {
    boolean one = exits.size() == 1;
    return "⚠️ " + list + ": " + leg + " filled, but its " + exits.stream().map(Replies::role).collect(Collectors.joining(" and "))
        + " had already ended, so " + left.orElse("the position") + " has no "
        + exits.stream().map(Replies::role).collect(Collectors.joining(" or ")) + ". Place " + (one ? "it" : "them")
        + " again (" + ocoCommand + ") or check /orders.";
  }

  /**
   * An OTO-family entry cancelled after a partial fill: its exits are placed only on a full fill, e.g.
   * {@code ⚠️ BTCUSDT OTOCO #8821: the entry BUY was cancelled after filling 0.004 of 0.01, and its
   * take-profit and stop-loss go on the book only when the entry fills in full, so 0.004 on BTCUSDT
   * has no take-profit or stop-loss. Place them (/oco BTCUSDT sell 0.004 tp … sl …) or check /orders.}
   *
   * @param filled how much of the entry filled ("0.004 of 0.01"), or empty when quantities are not to be shown
   * @param left what is left unprotected, or empty when quantities are not to be shown
   */
  static String entryCancelledPartlyFilled(
      String list, Side side, Optional<String> filled, List<LegRole> exits, Optional<String> left, String ocoCommand) {
    boolean one = exits.size() == 1;
    return "⚠️ " + list + ": the entry " + side + " was cancelled after filling " + filled.orElse("part of it") + ", and its "
        + exits.stream().map(Replies::role).collect(Collectors.joining(" and ")) + (one ? " goes" : " go")
        + " on the book only when the entry fills in full, so " + left.orElse("what it filled") + " has no "
        + exits.stream().map(Replies::role).collect(Collectors.joining(" or ")) + ". Place " + (one ? "it" : "them")
        + " (" + ocoCommand + ") or check /orders.";
  }

  /**
   * The exits cancelled after the entry filled (the bot's cancel landing just after the fill, or a
   * cancel elsewhere), e.g. {@code ⚠️ BTCUSDT OTOCO #8821: its take-profit and stop-loss were
   * cancelled after the entry filled, so 0.01 on BTCUSDT has no take-profit or stop-loss. Place them
   * again (/oco BTCUSDT sell 0.01 tp … sl …) or check /orders.}
   *
   * @param left what is left unprotected, or empty when quantities are not to be shown
   */
  static String exitsEndedAfterEntryFilled(String list, List<LegRole> exits, Optional<String> left, String ocoCommand) {
    boolean one = exits.size() == 1;
    return "⚠️ " + list + ": its " + exits.stream().map(Replies::role).collect(Collectors.joining(" and "))
        + (one ? " was" : " were") + " cancelled after the entry filled, so " + left.orElse("the position") + " has no "
        + exits.stream().map(Replies::role).collect(Collectors.joining(" or ")) + ". Place " + (one ? "it" : "them")
        + " again (" + ocoCommand + ") or check /orders.";
  }

  /**
   * The exits cancelled while the bot held the list open: after the entry filled ({@link
   * #exitsEndedAfterEntryFilled}), or an OCO's, which guarded a position held before it, e.g. {@code
   * ⚠️ BTCUSDT OCO #8821: its take-profit and stop-loss were cancelled, so 0.01 on BTCUSDT has no
   * take-profit or stop-loss any more. Place them again (/oco BTCUSDT sell 0.01 tp … sl …) or check
   * /orders.}
   */
  static String exitsCancelledLeavingPosition(String list, boolean oco, List<LegRole> exits, Optional<String> left, String ocoCommand) {
    if (!oco) {
      return exitsEndedAfterEntryFilled(list, exits, left, ocoCommand);
    }
    boolean one = exits.size() == 1;
    return "⚠️ " + list + ": its " + exits.stream().map(Replies::role).collect(Collectors.joining(" and "))
        + (one ? " was" : " were") + " cancelled, so " + left.orElse("the position") + " has no "
        + exits.stream().map(Replies::role).collect(Collectors.joining(" or ")) + " any more. Place " + (one ? "it" : "them")
        + " again (" + ocoCommand + ") or check /orders.";
  }

  /**
   * The take-profit of an OCO pair started filling, so Binance expired the stop-loss (reference 5.5):
   * what the take-profit has not filled yet rests on the book with no stop behind it.
   */
  static String stopLossExpiredByPartialTakeProfit(String list) {
    return "⚠️ " + list + ": the take-profit started filling, so the exchange expired the stop-loss (an OCO keeps one"
        + " side only). What the take-profit has not filled yet stays on the book with no stop-loss: check /orders.";
  }

  static String partiallyFilled(String list, String leg, String filled, String ordered) {
    return "◑ " + list + ": " + leg + " partially filled, " + filled + " of " + ordered + ".";
  }

  static String partiallyFilledRedacted(String list, String leg) {
    return "◑ " + list + ": " + leg + " partially filled.";
  }

  /**
   * An exit expired without filling, e.g. {@code ⚠️ BTCUSDT OCO #8821: the stop-loss expired without
   * filling (the exchange did not say why), so 0.01 on BTCUSDT has no stop any more. Place a new stop
   * (/oco BTCUSDT sell 0.01 tp … sl …) or check /orders.}
   *
   * @param left what is left unprotected, e.g. {@code 0.01 on BTCUSDT}, or empty when quantities are
   *     not to be shown
   * @param ocoCommand the command to place a new pair, e.g. {@code /oco BTCUSDT sell 0.01 tp … sl …}
   */
  static String exitExpired(String list, LegRole exit, String why, Optional<String> left, String ocoCommand) {
    String protection = exit == LegRole.STOP_LOSS ? "stop" : "take-profit";
    return "⚠️ " + list + ": the " + role(exit) + " expired without filling (" + why + "), so "
        + left.orElse("the position") + " has no " + protection + " any more. Place a new " + protection
        + " (" + ocoCommand + ") or check /orders.";
  }

  /** A pending exit that will never be placed, because the entry before it expired. */
  static String exitNeverPlaced(String list, LegRole exit) {
    return "⌛ " + list + ": the " + role(exit) + " will not be placed: the entry expired before it filled.";
  }

  /** The entry expired; {@code filled} is what it bought or sold before, when anything. */
  static String entryExpired(String list, String why, Optional<String> filled) {
    return filled
        .map(f -> "⚠️ " + list + ": the entry expired after filling " + f + " (" + why + "). What filled may have no"
            + " take-profit or stop-loss: check /orders.")
        .orElse("⌛ " + list + ": the entry expired without filling (" + why + "); nothing was bought or sold.");
  }

  /**
   * Binance ended the list, but the bot has not seen every leg end, e.g. the triggered stop-loss of
   * an OCO still resting on the book.
   */
  static String listDoneLegsResting(String list, List<LegRole> resting) {
    String legs = resting.stream().map(Replies::role).collect(Collectors.joining(" and "));
    boolean one = resting.size() == 1;
    return "▶️ " + list + " is done on the exchange, but its " + legs + (one ? " has" : " have")
        + " not ended yet: " + (one ? "it stays" : "they stay") + " on the book until "
        + (one ? "it fills, expires or is cancelled" : "they fill, expire or are cancelled") + ". See /orders.";
  }

  /** An exit refused when it was placed, while the position it was to guard is held. */
  static String exitRejected(String list, LegRole exit, Optional<String> left, String ocoCommand) {
    String protection = exit == LegRole.STOP_LOSS ? "stop" : "take-profit";
    return "⚠️ " + list + ": the " + role(exit) + " was rejected by the exchange when it was placed, so "
        + left.orElse("the position") + " has no " + protection + ". Place a new " + protection + " (" + ocoCommand
        + ") or check /orders.";
  }

  static String legRejected(String list, LegRole role) {
    return "❌ " + list + ": " + role(role) + " was rejected by the exchange.";
  }

  static String listClosed(String list) {
    return "⏹ " + list + " is closed on the exchange: no order of it is working any more.";
  }

  private static String sentence(String reason) {
    String trimmed = reason.strip();
    return trimmed.endsWith(".") || trimmed.endsWith("!") || trimmed.endsWith("?") ? trimmed : trimmed + ".";
  }

  private static String stripDot(String reason) {
    String trimmed = reason.strip();
    return trimmed.endsWith(".") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
  }

  private static String seconds(Duration ttl) {
    return ttl.toSeconds() + " s";
  }

  static String minutes(Duration timeout) {
    long minutes = Math.max(1, timeout.toMinutes());
    return minutes + " minute" + (minutes == 1 ? "" : "s");
  }

  // --- the order card (Cards draws it; these are its words) ---

  static String cardTitle(TradingEnvironment environment, String listName, boolean live) {
    return "📋 " + environment.name() + " · " + listName + (live ? "" : " · finished");
  }

  static String cardStatus(dev.orderlistbot.core.domain.order.LegStatus status) {
    return switch (status) {
      case NEW -> "open";
      case PENDING_NEW -> "waits for the entry";
      case PARTIALLY_FILLED -> "partly filled";
      case FILLED -> "filled";
      case CANCELED -> "cancelled";
      case PENDING_CANCEL -> "being cancelled";
      case REJECTED -> "rejected";
      case EXPIRED, EXPIRED_IN_MATCH -> "expired";
      case UNKNOWN -> "status unknown";
    };
  }

  static String cardFilled(String status, String quantity, String average) {
    return status + " " + quantity + " at avg " + average;
  }

  static String cardHeldPosition() {
    return "Position held before the list: its cost is unknown to the bot, so no result or R is shown.";
  }

  static String cardRisk(String money, String entry, String stop, String quantity) {
    return "Risk: " + money + " = 1R (entry " + entry + " to stop " + stop + " × " + quantity + ")";
  }

  static String cardEntryWaiting() {
    return "Entry: not filled yet.";
  }

  static String cardEntryFilled(String quantity, String average) {
    return "Entry: " + quantity + " filled at avg " + average;
  }

  static String cardResult(String realised, Optional<String> unrealised, String open) {
    return "Result: realised " + realised + unrealised.map(u -> " · unrealised " + u + " on " + open + " open").orElse("");
  }

  static String cardLastPrice(String price, String when) {
    return "Last price: " + price + " (" + when + ")";
  }

  static String cardNoLastPrice() {
    return "Last price: none heard yet.";
  }

  static String cardHint(long orderListId) {
    return "Move the stop: /movestop " + orderListId + " PRICE · trim the size: /reduce " + orderListId + " QTY";
  }

  static String notYourList(long orderListId) {
    return "Order list #" + orderListId + " is not one of yours.";
  }

  static String cardMoved(long orderListId) {
    return "This card of order list #" + orderListId + " moved to a newer message (/status " + orderListId + ").";
  }
}
