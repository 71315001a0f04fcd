package dev.orderlistbot.db;

import dev.orderlistbot.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.orderlistbot.core.chat.Button;
import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.order.LegStatus;
import dev.orderlistbot.core.port.out.CardLeg;
import dev.orderlistbot.core.port.out.LastPrice;
import dev.orderlistbot.core.port.out.ListBasis;
import dev.orderlistbot.core.port.out.ListForEvent;
import dev.orderlistbot.core.port.out.OrderCard;
import dev.orderlistbot.core.domain.CredentialId;
import dev.orderlistbot.core.domain.KeyType;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.TradingEnvironment;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.domain.order.ListKind;
import dev.orderlistbot.core.port.out.AlertMode;
import dev.orderlistbot.core.port.out.AlertSubscription;
import dev.orderlistbot.core.port.out.AuditAction;
import dev.orderlistbot.core.port.out.AuditEntry;
import dev.orderlistbot.core.port.out.BreakevenPlan;
import dev.orderlistbot.core.port.out.ClaimResult;
import dev.orderlistbot.core.port.out.ConfirmationState;
import dev.orderlistbot.core.port.out.KeyCheck;
import dev.orderlistbot.core.port.out.MergeRank;
import dev.orderlistbot.core.port.out.OrderListState;
import dev.orderlistbot.core.port.out.OutboxBacklog;
import dev.orderlistbot.core.port.out.OutboxEntry;
import dev.orderlistbot.core.port.out.OutboxMessage;
import dev.orderlistbot.core.port.out.PendingConfirmation;
import dev.orderlistbot.core.port.out.TrackedLeg;
import dev.orderlistbot.core.port.out.TrackedOrderList;
import dev.orderlistbot.core.port.out.SealedBox;
import dev.orderlistbot.core.port.out.SealedStepUpSecret;
import dev.orderlistbot.core.port.out.StepUpState;
import dev.orderlistbot.core.port.out.SealedCredential;
import dev.orderlistbot.core.port.out.StorageException;
import dev.orderlistbot.core.port.out.KeyPosture;
import dev.orderlistbot.core.port.out.KeyPostureAnswer;
import dev.orderlistbot.core.port.out.KeyPostureCheck;
import dev.orderlistbot.core.port.out.Stores;
import dev.orderlistbot.core.port.out.UserRole;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every storage port promises, run against H2 ({@link H2StoresTest}) and PostgreSQL
 * ({@link PostgresStoresTest}, skipped when no server answers). Each test uses fresh ids, so tests
 * can share one schema.
 */
abstract class StoresContract {
  static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

  final MutableClock clock = new MutableClock(START);
  String run;
  UserRef alice;
  UserRef bob;
  ChatRef aliceChat;

  @BeforeEach
  void freshIds() {
    run = UUID.randomUUID().toString().substring(0, 8);
    alice = new UserRef("telegram", "alice-" + run);
    bob = new UserRef("telegram", "bob-" + run);
    aliceChat = new ChatRef("telegram", "chat-" + run);
  }

  abstract Database database();

  Stores stores() {
    return database().stores();
  }

  PendingConfirmation pending(String token, UserRef requester, Duration ttl) {
    return PendingConfirmation.pending(
        UUID.randomUUID(), token, requester, new ChatRef(requester.platform(), "chat-" + run),
        "{\"oco\":\"BTCUSDT sell 0.01\"}", clock.instant(), clock.instant().plus(ttl));
  }

  String token(String name) {
    return name + "-" + run;
  }

  @Test
  void anOwedActionIsListedOnceItIsOldEnoughAndPaidOnce() {
    UUID early = UUID.randomUUID();
    UUID late = UUID.randomUUID();
    stores().owedActions().owe(early, START);
    stores().owedActions().owe(early, START.plusSeconds(50));
    stores().owedActions().owe(late, START.plusSeconds(60));

    List<UUID> owed = stores().owedActions().owedUntil(START.plusSeconds(61), 1000);
    assertThat(owed).contains(early, late);
    assertThat(owed.indexOf(early)).isLessThan(owed.indexOf(late));
    assertThat(stores().owedActions().owedUntil(START.plusSeconds(30), 1000)).contains(early).doesNotContain(late);
    assertThat(stores().owedActions().isOwed(early)).isTrue();
    assertThat(stores().owedActions().paid(early)).isTrue();
    assertThat(stores().owedActions().paid(early)).isFalse();
    assertThat(stores().owedActions().isOwed(early)).isFalse();
    assertThat(stores().owedActions().owedUntil(START.plusSeconds(61), 1000)).doesNotContain(early).contains(late);
  }

  @Test
  void registeringAUserTwiceKeepsTheFirstRegistration() {
    assertThat(stores().users().register(alice, UserRole.TRADER).role()).isEqualTo(UserRole.TRADER);
    assertThat(stores().users().register(alice, UserRole.ADMIN).role()).isEqualTo(UserRole.TRADER);
    assertThat(stores().users().changeRole(alice, UserRole.BLOCKED)).isTrue();
    assertThat(stores().users().find(alice).orElseThrow().role()).isEqualTo(UserRole.BLOCKED);
    assertThat(stores().users().find(bob)).isEmpty();
    assertThat(stores().users().changeRole(bob, UserRole.ADMIN)).isFalse();
  }

  @Test
  void userSettingsArePutReplacedAndRemoved() {
    stores().users().register(alice, UserRole.TRADER);
    stores().users().putSetting(alice, "lang", "en");
    stores().users().putSetting(alice, "lang", "de");
    stores().users().putSetting(alice, "confirm", "always");
    assertThat(stores().users().find(alice).orElseThrow().settings())
        .containsExactlyInAnyOrderEntriesOf(java.util.Map.of("lang", "de", "confirm", "always"));
    assertThat(stores().users().removeSetting(alice, "lang")).isTrue();
    assertThat(stores().users().removeSetting(alice, "lang")).isFalse();
    assertThatThrownBy(() -> stores().users().putSetting(bob, "lang", "en")).isInstanceOf(StorageException.class);
  }

  @Test
  void theRequesterClaimsAConfirmationOnceAndOnlyOnce() {
    stores().confirmations().create(pending(token("once"), alice, Duration.ofMinutes(2)));

    ClaimResult first = stores().confirmations().claim(token("once"), alice);
    ClaimResult second = stores().confirmations().claim(token("once"), alice);

    assertThat(first).isInstanceOfSatisfying(
        ClaimResult.Claimed.class, c -> assertThat(c.confirmation().state()).isEqualTo(ConfirmationState.CLAIMED));
    assertThat(second).isEqualTo(new ClaimResult.AlreadyHandled(ConfirmationState.CLAIMED));
  }

  @Test
  void anotherUserCannotClaimAndLeavesTheConfirmationPending() {
    stores().confirmations().create(pending(token("theirs"), alice, Duration.ofMinutes(2)));

    assertThat(stores().confirmations().claim(token("theirs"), bob)).isEqualTo(new ClaimResult.NotRequester());
    assertThat(stores().confirmations().cancel(token("theirs"), bob)).isEqualTo(new ClaimResult.NotRequester());
    assertThat(stores().confirmations().claim(token("theirs"), alice)).isInstanceOf(ClaimResult.Claimed.class);
  }

  @Test
  void anExpiredConfirmationCannotBeClaimedAndIsMarkedExpired() {
    stores().confirmations().create(pending(token("late"), alice, Duration.ofSeconds(30)));
    clock.advance(Duration.ofSeconds(30));

    assertThat(stores().confirmations().claim(token("late"), alice)).isEqualTo(new ClaimResult.Expired());
    assertThat(stores().confirmations().findByToken(token("late")).orElseThrow().state())
        .isEqualTo(ConfirmationState.EXPIRED);
    assertThat(stores().confirmations().claim(token("late"), alice)).isEqualTo(new ClaimResult.Expired());
  }

  @Test
  void aConfirmationShownLateGetsItsWholeTimeToLiveFromWhenItWasShown() {
    stores().confirmations().create(pending(token("paced"), alice, Duration.ofSeconds(60)));
    clock.advance(Duration.ofSeconds(35)); // the preview waited for the platform's pace

    assertThat(stores().confirmations().attachMessageRef(token("paced"), "msg-7", clock.instant())).isTrue();
    clock.advance(Duration.ofSeconds(59));

    assertThat(stores().confirmations().claim(token("paced"), alice)).isInstanceOf(ClaimResult.Claimed.class);
  }

  @Test
  void aConfirmationShownAfterItRanOutIsNotRenewed() {
    stores().confirmations().create(pending(token("too-late"), alice, Duration.ofSeconds(30)));
    clock.advance(Duration.ofSeconds(30));

    assertThat(stores().confirmations().attachMessageRef(token("too-late"), "msg-8", clock.instant())).isTrue();

    assertThat(stores().confirmations().claim(token("too-late"), alice)).isEqualTo(new ClaimResult.Expired());
    assertThat(stores().confirmations().attachMessageRef(token("never"), "msg-9", clock.instant())).isFalse();
  }

  @Test
  void aConfirmationAlreadyConfirmedKeepsItsExpiryWhenItsMessageIsAttached() {
    stores().confirmations().create(pending(token("pressed"), alice, Duration.ofSeconds(60)));
    Instant expires = stores().confirmations().findByToken(token("pressed")).orElseThrow().expiresAt();
    clock.advance(Duration.ofSeconds(10));
    assertThat(stores().confirmations().claim(token("pressed"), alice)).isInstanceOf(ClaimResult.Claimed.class);

    assertThat(stores().confirmations().attachMessageRef(token("pressed"), "msg-11", clock.instant())).isTrue();

    assertThat(stores().confirmations().findByToken(token("pressed")).orElseThrow().expiresAt()).isEqualTo(expires);
  }

  @Test
  void aConfirmationShownAtOnceKeepsItsTimeToLive() {
    stores().confirmations().create(pending(token("at-once"), alice, Duration.ofSeconds(30)));
    stores().confirmations().attachMessageRef(token("at-once"), "msg-10", clock.instant());
    clock.advance(Duration.ofSeconds(30));

    assertThat(stores().confirmations().claim(token("at-once"), alice)).isEqualTo(new ClaimResult.Expired());
  }

  @Test
  void anUnknownTokenIsNotFound() {
    assertThat(stores().confirmations().claim(token("nothing"), alice)).isEqualTo(new ClaimResult.NotFound());
  }

  @Test
  void aCancelledConfirmationCannotBeConfirmedAfterwards() {
    stores().confirmations().create(pending(token("cancel"), alice, Duration.ofMinutes(2)));

    assertThat(stores().confirmations().cancel(token("cancel"), alice)).isInstanceOfSatisfying(
        ClaimResult.Claimed.class, c -> assertThat(c.confirmation().state()).isEqualTo(ConfirmationState.CANCELLED));
    assertThat(stores().confirmations().claim(token("cancel"), alice))
        .isEqualTo(new ClaimResult.AlreadyHandled(ConfirmationState.CANCELLED));
  }

  @Test
  void overdueConfirmationsExpireInBulkAndMessageRefsAttach() {
    stores().confirmations().create(pending(token("bulk1"), alice, Duration.ofSeconds(10)));
    stores().confirmations().create(pending(token("bulk2"), alice, Duration.ofHours(1)));
    assertThat(stores().confirmations().attachMessageRef(token("bulk2"), "msg-42", clock.instant())).isTrue();
    clock.advance(Duration.ofMinutes(1));

    assertThat(stores().confirmations().expireOverdue()).isGreaterThanOrEqualTo(1);
    assertThat(stores().confirmations().findByToken(token("bulk1")).orElseThrow().state())
        .isEqualTo(ConfirmationState.EXPIRED);
    PendingConfirmation still = stores().confirmations().findByToken(token("bulk2")).orElseThrow();
    assertThat(still.state()).isEqualTo(ConfirmationState.PENDING);
    assertThat(still.messageRef()).contains("msg-42");
    assertThat(still.payload()).isEqualTo("{\"oco\":\"BTCUSDT sell 0.01\"}");
  }

  @Test
  void placedOrderListsAreFoundByEitherIdAndFollowTheirState() {
    String clientId = "olb-" + run;
    stores().orderLists().record(
        new TrackedOrderList(clientId, alice, aliceChat, ListKind.OCO, new Symbol("BTCUSDT"), OptionalLong.empty(),
            List.of(new TrackedLeg(clientId + "-tp", OptionalLong.empty()), new TrackedLeg(clientId + "-sl", OptionalLong.empty())),
            OrderListState.UNKNOWN, clock.instant(), clock.instant()));
    long exchangeId = UUID.randomUUID().getMostSignificantBits() >>> 1;

    assertThat(stores().orderLists().attachExchangeIds(clientId, exchangeId,
        List.of(new TrackedLeg(clientId + "-tp", OptionalLong.of(11)), new TrackedLeg(clientId + "-sl", OptionalLong.of(12))))).isTrue();
    assertThat(stores().orderLists().updateState(clientId, OrderListState.EXECUTING)).isTrue();

    TrackedOrderList found = stores().orderLists().findByOrderListId(exchangeId).orElseThrow();
    assertThat(found.listClientOrderId()).isEqualTo(clientId);
    assertThat(found.legs()).extracting(TrackedLeg::orderId).containsExactly(OptionalLong.of(11), OptionalLong.of(12));
    assertThat(found.chat()).isEqualTo(aliceChat);
    assertThat(stores().orderLists().listOpen(alice)).extracting(TrackedOrderList::listClientOrderId).containsExactly(clientId);

    stores().orderLists().updateState(clientId, OrderListState.ALL_DONE);
    assertThat(stores().orderLists().listOpen(alice)).isEmpty();
    assertThat(stores().orderLists().findByListClientOrderId(clientId).orElseThrow().state()).isEqualTo(OrderListState.ALL_DONE);
    assertThat(stores().orderLists().updateState("unknown-" + run, OrderListState.ALL_DONE)).isFalse();
  }

  @Test
  void twoOwnersListsWithTheSameExchangeIdAreEachFoundForTheirOwner() {
    long exchangeId = UUID.randomUUID().getMostSignificantBits() >>> 1;
    String alices = "olb-a-" + run;
    String bobs = "olb-b-" + run;
    for (String clientId : List.of(alices, bobs)) {
      UserRef owner = clientId.equals(alices) ? alice : bob;
      stores().orderLists().record(
          new TrackedOrderList(clientId, owner, aliceChat, ListKind.OCO, new Symbol(clientId.equals(alices) ? "BTCUSDT" : "ETHUSDT"),
              OptionalLong.empty(), List.of(new TrackedLeg(clientId + "-tp", OptionalLong.empty())), OrderListState.UNKNOWN,
              clock.instant(), clock.instant()));
      stores().orderLists().attachExchangeIds(clientId, exchangeId, List.of(new TrackedLeg(clientId + "-tp", OptionalLong.of(11))));
    }

    assertThat(stores().orderLists().findByOrderListId(alice, exchangeId)).map(TrackedOrderList::listClientOrderId).contains(alices);
    assertThat(stores().orderLists().findByOrderListId(bob, exchangeId)).map(TrackedOrderList::listClientOrderId).contains(bobs);
    assertThat(stores().orderLists().findByOrderListId(new UserRef("telegram", "carol-" + run), exchangeId)).isEmpty();
  }

  @Test
  void aConditionalStateChangeNeverOverwritesWhatAnEventRecordedMeanwhile() {
    String clientId = recordExecuting("cas");

    assertThat(stores().orderLists().changeState(clientId, OrderListState.EXECUTING, OrderListState.CANCELLING)).isTrue();
    // a fill arrives while the cancel is on its way
    stores().orderLists().updateState(clientId, OrderListState.ALL_DONE);

    assertThat(stores().orderLists().changeState(clientId, OrderListState.CANCELLING, OrderListState.EXECUTING)).isFalse();
    assertThat(stores().orderLists().findByListClientOrderId(clientId).orElseThrow().state()).isEqualTo(OrderListState.ALL_DONE);
    assertThat(stores().orderLists().changeState("unknown-" + run, OrderListState.EXECUTING, OrderListState.ALL_DONE)).isFalse();
  }

  @Test
  void aConditionalStateChangeStampsTheTimeItChanged() {
    String clientId = recordExecuting("stamp");
    clock.advance(Duration.ofSeconds(90));

    assertThat(stores().orderLists().changeState(clientId, OrderListState.EXECUTING, OrderListState.CANCELLING)).isTrue();

    TrackedOrderList found = stores().orderLists().findByListClientOrderId(clientId).orElseThrow();
    assertThat(found.state()).isEqualTo(OrderListState.CANCELLING);
    assertThat(found.updatedAt()).isEqualTo(START.plusSeconds(90));
  }

  @Test
  void aListBeingCancelledIsStillOpenSoItIsCaughtUpAndItsOwnerResumed() {
    String clientId = recordExecuting("cancelling");
    stores().orderLists().changeState(clientId, OrderListState.EXECUTING, OrderListState.CANCELLING);

    assertThat(stores().orderLists().listOpen(alice)).extracting(TrackedOrderList::listClientOrderId).containsExactly(clientId);
    assertThat(stores().orderLists().ownersWithOpenLists()).contains(alice);

    assertThat(stores().orderLists().changeState(clientId, OrderListState.CANCELLING, OrderListState.ALL_DONE)).isTrue();
    assertThat(stores().orderLists().listOpen(alice)).isEmpty();
    assertThat(stores().orderLists().ownersWithOpenLists()).doesNotContain(alice);
  }

  /** Records an executing OCO of Alice's; answers its client id. */
  private String recordExecuting(String name) {
    String clientId = "olb-" + name + "-" + run;
    stores().orderLists().record(
        new TrackedOrderList(clientId, alice, aliceChat, ListKind.OCO, new Symbol("BTCUSDT"), OptionalLong.empty(),
            List.of(new TrackedLeg(clientId + "-tp", OptionalLong.empty()), new TrackedLeg(clientId + "-sl", OptionalLong.empty())),
            OrderListState.EXECUTING, clock.instant(), clock.instant()));
    return clientId;
  }

  @Test
  void aListIsFoundWithExactlyItsOwnLegsInOrderAndAListWithoutLegsWithNone() {
    // two lists of one owner under one exchange id (Binance numbers lists per symbol): the newer is
    // found, with its own three legs in their order, none of the older's
    long exchangeId = UUID.randomUUID().getMostSignificantBits() >>> 1;
    String older = "olo-" + run;
    String newer = "oln-" + run;
    stores().orderLists().record(
        new TrackedOrderList(older, alice, aliceChat, ListKind.OCO, new Symbol("ETHUSDT"), OptionalLong.of(exchangeId),
            List.of(new TrackedLeg(older + "-tp", OptionalLong.of(1)), new TrackedLeg(older + "-sl", OptionalLong.of(2))),
            OrderListState.EXECUTING, clock.instant(), clock.instant()));
    clock.advance(Duration.ofSeconds(1));
    stores().orderLists().record(
        new TrackedOrderList(newer, alice, aliceChat, ListKind.OTOCO, new Symbol("BTCUSDT"), OptionalLong.of(exchangeId),
            List.of(new TrackedLeg(newer + "-w", OptionalLong.of(7)), new TrackedLeg(newer + "-tp", OptionalLong.of(8)),
                new TrackedLeg(newer + "-sl", OptionalLong.empty())),
            OrderListState.EXECUTING, clock.instant(), clock.instant()));
    String bare = "olz-" + run;
    stores().orderLists().record(
        new TrackedOrderList(bare, alice, aliceChat, ListKind.OCO, new Symbol("BTCUSDT"), OptionalLong.empty(), List.of(),
            OrderListState.UNKNOWN, clock.instant(), clock.instant()));

    TrackedOrderList byOwner = stores().orderLists().findByOrderListId(alice, exchangeId).orElseThrow();
    assertThat(byOwner.listClientOrderId()).isEqualTo(newer);
    assertThat(byOwner.legs()).extracting(TrackedLeg::clientOrderId).containsExactly(newer + "-w", newer + "-tp", newer + "-sl");
    assertThat(byOwner.legs()).extracting(TrackedLeg::orderId).containsExactly(OptionalLong.of(7), OptionalLong.of(8), OptionalLong.empty());
    assertThat(stores().orderLists().findByListClientOrderId(older).orElseThrow().legs())
        .extracting(TrackedLeg::clientOrderId)
        .containsExactly(older + "-tp", older + "-sl");
    assertThat(stores().orderLists().findByListClientOrderId(bare).orElseThrow().legs()).isEmpty();
    assertThat(stores().orderLists().findByListClientOrderId("missing-" + run)).isEmpty();
    assertThat(stores().orderLists().findByOrderListId(bob, exchangeId)).isEmpty();
  }

  @Test
  void aLegSeenEndedStaysEndedEvenWhenTheExchangeIdsArriveLater() {
    String clientId = "olc-" + run;
    stores().orderLists().record(
        new TrackedOrderList(clientId, alice, aliceChat, ListKind.OCO, new Symbol("BTCUSDT"), OptionalLong.empty(),
            List.of(new TrackedLeg(clientId + "-tp", OptionalLong.empty()), new TrackedLeg(clientId + "-sl", OptionalLong.empty())),
            OrderListState.UNKNOWN, clock.instant(), clock.instant()));

    assertThat(stores().orderLists().markLegEnded(clientId, clientId + "-tp", true)).isTrue();
    assertThat(stores().orderLists().markLegEnded(clientId, clientId + "-nope", false)).isFalse();
    stores().orderLists().attachExchangeIds(clientId, UUID.randomUUID().getMostSignificantBits() >>> 1,
        List.of(new TrackedLeg(clientId + "-tp", OptionalLong.of(21)), new TrackedLeg(clientId + "-sl", OptionalLong.of(22))));

    assertThat(stores().orderLists().findByListClientOrderId(clientId).orElseThrow().legs())
        .extracting(TrackedLeg::ended, TrackedLeg::filled)
        .containsExactly(tuple(true, true), tuple(false, false));
  }

  @Test
  void aLegSeenEndingFilledStaysFilledWhenALaterEndSaysNothingFilled() {
    String clientId = "olf-" + run;
    stores().orderLists().record(
        new TrackedOrderList(clientId, alice, aliceChat, ListKind.OTOCO, new Symbol("BTCUSDT"), OptionalLong.of(31),
            List.of(new TrackedLeg(clientId + "-w", OptionalLong.of(1)), new TrackedLeg(clientId + "-tp", OptionalLong.of(2)),
                new TrackedLeg(clientId + "-sl", OptionalLong.of(3))),
            OrderListState.EXECUTING, clock.instant(), clock.instant()));

    stores().orderLists().markLegEnded(clientId, clientId + "-w", true);
    stores().orderLists().markLegEnded(clientId, clientId + "-w", false);
    stores().orderLists().markLegEnded(clientId, clientId + "-sl", false);

    assertThat(stores().orderLists().findByListClientOrderId(clientId).orElseThrow().legs())
        .extracting(TrackedLeg::clientOrderId, TrackedLeg::ended, TrackedLeg::filled)
        .containsExactly(tuple(clientId + "-w", true, true), tuple(clientId + "-tp", false, false), tuple(clientId + "-sl", true, false));
    assertThat(stores().orderLists().listOpen(alice).stream().filter(l -> l.listClientOrderId().equals(clientId)).findFirst().orElseThrow().legs())
        .extracting(TrackedLeg::filled)
        .containsExactly(true, false, false);
  }

  @Test
  void enqueuingTheSameDedupeKeyTwiceStoresOneMessage() {
    OutboxMessage fill = new OutboxMessage("fill:" + run, aliceChat, "TP filled");

    assertThat(stores().outbox().enqueue(fill)).isTrue();
    assertThat(stores().outbox().enqueue(fill)).isFalse();
    assertThat(stores().outbox().enqueue(new OutboxMessage("fill:" + run, aliceChat, "other text"))).isFalse();

    List<OutboxEntry> due = claimMine(50);
    assertThat(due).extracting(e -> e.message().text()).containsExactly("TP filled");
  }

  @Test
  void aClaimedMessageIsLeasedThenRescheduledOrDelivered() {
    stores().outbox().enqueue(new OutboxMessage("lease:" + run, aliceChat, "hello"));
    OutboxEntry entry = claimMine(50).getFirst();
    assertThat(entry.attempts()).isEqualTo(1);
    assertThat(claimMine(50)).isEmpty();

    assertThat(stores().outbox().reschedule(entry.id(), clock.instant().plusSeconds(5))).isTrue();
    clock.advance(Duration.ofSeconds(5));
    OutboxEntry again = claimMine(50).getFirst();
    assertThat(again.attempts()).isEqualTo(2);

    assertThat(stores().outbox().markDelivered(again.id())).isTrue();
    assertThat(stores().outbox().markDelivered(again.id())).isFalse();
    clock.advance(Duration.ofMinutes(5));
    assertThat(claimMine(50)).isEmpty();
    assertThat(stores().outbox().enqueue(new OutboxMessage("lease:" + run, aliceChat, "hello"))).isFalse();
  }

  @Test
  void theBacklogCountsPendingMessagesClaimedOrNotButNotDeliveredOrFailedOnes() {
    long before = stores().outbox().backlog().pending();
    for (String name : List.of("waiting", "claimed", "delivered", "failed")) {
      stores().outbox().enqueue(new OutboxMessage("backlog-" + name + ":" + run, aliceChat, name));
    }
    List<OutboxEntry> claimed = claimMine(50);
    stores().outbox().reschedule(byText(claimed, "waiting").id(), clock.instant());
    stores().outbox().markDelivered(byText(claimed, "delivered").id());
    stores().outbox().markFailed(byText(claimed, "failed").id(), "chat not found");

    OutboxBacklog backlog = stores().outbox().backlog();

    assertThat(backlog.pending()).isEqualTo(before + 2);
    assertThat(backlog.oldestCreatedAt()).isPresent().get().satisfies(t -> assertThat(t).isBeforeOrEqualTo(clock.instant()));
  }

  private static OutboxEntry byText(List<OutboxEntry> entries, String text) {
    return entries.stream().filter(e -> e.message().text().equals(text)).findFirst().orElseThrow();
  }

  @Test
  void aCrashedDispatchersMessageComesBackAfterTheLease() {
    stores().outbox().enqueue(new OutboxMessage("crash:" + run, aliceChat, "hello"));
    assertThat(claimMine(50)).hasSize(1);
    clock.advance(Duration.ofSeconds(61));
    assertThat(claimMine(50)).hasSize(1).first().extracting(OutboxEntry::attempts).isEqualTo(2);
  }

  @Test
  void aClaimForOnePlatformTakesOnlyItsMessagesAndAClaimForTheOthersTheRest() {
    ChatRef discord = new ChatRef("discord-" + run, "42");
    ChatRef slack = new ChatRef("slack-" + run, "7");
    stores().outbox().enqueue(new OutboxMessage("t:" + run, aliceChat, "to telegram"));
    stores().outbox().enqueue(new OutboxMessage("d:" + run, discord, "to discord"));
    stores().outbox().enqueue(new OutboxMessage("s:" + run, slack, "to slack"));

    assertThat(stores().outbox().claimDue(discord.platform(), 50, Duration.ofSeconds(60)))
        .extracting(e -> e.message().text())
        .containsExactly("to discord");
    assertThat(stores().outbox().claimDueExcept(java.util.Set.of("telegram", discord.platform()), 50, Duration.ofSeconds(60)))
        .extracting(e -> e.message().text())
        .contains("to slack")
        .doesNotContain("to telegram", "to discord");
    assertThat(claimMine(50)).extracting(e -> e.message().text()).containsExactly("to telegram");
  }

  @Test
  void onlyTheHolderOfAnUnlapsedClaimCanRenewItAndALapsedClaimIsTheNextClaimersAlone() {
    stores().outbox().enqueue(new OutboxMessage("renew:" + run, aliceChat, "hello"));
    OutboxEntry first = claimMine(50).getFirst();

    assertThat(stores().outbox().renewClaim(first.id(), first.claimToken(), Duration.ofSeconds(60))).isTrue();
    assertThat(stores().outbox().renewClaim(first.id(), "someone-else", Duration.ofSeconds(60))).isFalse();
    clock.advance(Duration.ofSeconds(59));
    assertThat(claimMine(50)).as("renewed: not due yet").isEmpty();
    clock.advance(Duration.ofSeconds(1));
    assertThat(stores().outbox().renewClaim(first.id(), first.claimToken(), Duration.ofSeconds(60))).as("lapsed").isFalse();

    OutboxEntry second = claimMine(50).getFirst();
    assertThat(second.claimToken()).isNotEqualTo(first.claimToken());
    assertThat(stores().outbox().renewClaim(first.id(), first.claimToken(), Duration.ofSeconds(60))).isFalse();
    assertThat(stores().outbox().renewClaim(second.id(), second.claimToken(), Duration.ofSeconds(60))).isTrue();
    stores().outbox().markDelivered(second.id());
    assertThat(stores().outbox().renewClaim(second.id(), second.claimToken(), Duration.ofSeconds(60))).as("delivered").isFalse();
  }

  @Test
  void aMergedMessageReplacesThePendingTextUntilADispatcherClaimsIt() {
    String merge = "fills:" + run;
    assertThat(stores().outbox().enqueueMerged(new OutboxMessage("p1:" + run, aliceChat, "0.002 of 0.01"), merge, partial("0.002"), Duration.ofSeconds(5))).isTrue();
    clock.advance(Duration.ofSeconds(2));
    assertThat(stores().outbox().enqueueMerged(new OutboxMessage("p2:" + run, aliceChat, "0.004 of 0.01"), merge, partial("0.004"), Duration.ofSeconds(5))).isTrue();
    assertThat(claimMine(50)).isEmpty();

    clock.advance(Duration.ofSeconds(3));
    OutboxEntry claimed = claimMine(50).getFirst();
    assertThat(claimed.message().text()).isEqualTo("0.004 of 0.01");
    assertThat(claimed.message().dedupeKey()).isEqualTo("p1:" + run);

    // the claimed row is being sent: a later notice is a new row, the claimed text stays
    assertThat(stores().outbox().enqueueMerged(new OutboxMessage("filled:" + run, aliceChat, "filled"), merge, FILLED, Duration.ZERO)).isTrue();
    assertThat(claimMine(50)).extracting(e -> e.message().text()).containsExactly("filled");
  }

  @Test
  void theFinalMessageOfAMergeGoesAtOnce() {
    String merge = "fills:final:" + run;
    stores().outbox().enqueueMerged(new OutboxMessage("p:" + run, aliceChat, "partial"), merge, partial("0.004"), Duration.ofSeconds(5));
    stores().outbox().enqueueMerged(new OutboxMessage("f:" + run, aliceChat, "filled"), merge, FILLED, Duration.ZERO);

    assertThat(claimMine(50)).extracting(e -> e.message().text()).containsExactly("filled");
  }

  @Test
  void aWaitingFinalNoticeIsNeverReplacedByAPartialOneNorAPartialByALowerFill() {
    String merge = "fills:rank:" + run;
    assertThat(stores().outbox().enqueueMerged(new OutboxMessage("p4:" + run, aliceChat, "0.004 of 0.01"), merge, partial("0.004"), Duration.ofSeconds(5))).isTrue();
    assertThat(stores().outbox().enqueueMerged(new OutboxMessage("p2:" + run, aliceChat, "0.002 of 0.01"), merge, partial("0.002"), Duration.ofSeconds(5))).isFalse();
    assertThat(stores().outbox().enqueueMerged(new OutboxMessage("p4b:" + run, aliceChat, "0.0040 of 0.01"), merge, partial("0.0040"), Duration.ofSeconds(5))).isFalse();
    clock.advance(Duration.ofSeconds(5));
    OutboxEntry partial = claimMine(50).getFirst();
    assertThat(partial.message().text()).isEqualTo("0.004 of 0.01");
    stores().outbox().markDelivered(partial.id());

    assertThat(stores().outbox().enqueueMerged(new OutboxMessage("f:" + run, aliceChat, "filled"), merge, FILLED, Duration.ZERO)).isTrue();
    assertThat(stores().outbox().enqueueMerged(new OutboxMessage("p6:" + run, aliceChat, "0.006 of 0.01"), merge, partial("0.006"), Duration.ofSeconds(5))).isFalse();
    clock.advance(Duration.ofSeconds(5));

    assertThat(claimMine(50)).extracting(e -> e.message().text()).containsExactly("filled");
  }

  @Test
  void aPartialNoticeOlderThanAFinalOneAlreadyClaimedIsDroppedNotQueuedAfterIt() {
    String merge = "fills:sent:" + run;
    stores().outbox().enqueueMerged(new OutboxMessage("f:" + run, aliceChat, "filled"), merge, FILLED, Duration.ZERO);
    assertThat(claimMine(50)).extracting(e -> e.message().text()).containsExactly("filled");

    assertThat(stores().outbox().enqueueMerged(new OutboxMessage("p:" + run, aliceChat, "0.006 of 0.01"), merge, partial("0.006"), Duration.ZERO)).isFalse();
    clock.advance(Duration.ofMinutes(5));

    assertThat(claimMine(50)).extracting(e -> e.message().text()).containsExactly("filled");
  }

  @Test
  void aPartialNoticeAlreadyTriedIsSupersededByTheFillQueuedAfterIt() {
    // the partial was tried (a 429) and waits for its retry; the fill cannot merge into a row a
    // dispatcher has tried, so it is a row of its own: the partial must not be shown after it
    String merge = "fills:retried:" + run;
    stores().outbox().enqueueMerged(new OutboxMessage("p:" + run, aliceChat, "0.005 of 0.01"), merge, partial("0.005"), Duration.ZERO);
    OutboxEntry tried = claimMine(50).getFirst();
    stores().outbox().reschedule(tried.id(), clock.instant().plusSeconds(30));
    stores().outbox().enqueueMerged(new OutboxMessage("f:" + run, aliceChat, "filled"), merge, FILLED, Duration.ZERO);
    clock.advance(Duration.ofMinutes(1));

    List<OutboxEntry> due = claimMine(50);

    assertThat(stores().outbox().isSuperseded(byText(due, "0.005 of 0.01"))).isTrue();
    assertThat(stores().outbox().isSuperseded(byText(due, "filled"))).isFalse();
  }

  @Test
  void mergeRanksAreKeptPerTargetChat() {
    String merge = "fills:chats:" + run;
    ChatRef group = new ChatRef("telegram", "-100" + run.hashCode());
    stores().outbox().enqueueMerged(new OutboxMessage("f:" + run, aliceChat, "filled"), merge, FILLED, Duration.ZERO);

    assertThat(stores().outbox().enqueueMerged(new OutboxMessage("p:" + run, group, "0.006 of 0.01"), merge, partial("0.006"), Duration.ZERO)).isTrue();
  }

  @Test
  void aNoticeOlderThanTheLastOneMergedIntoADeliveredRowIsDropped() {
    // 0.002 opens the row; 0.004 to 0.008 merge into it while it waits; the row is then sent: a
    // snapshot of 0.006 (a REST answer taken before the last fills) is older news than what was told
    String merge = "fills:told:" + run;
    for (String filled : List.of("0.002", "0.004", "0.006", "0.008")) {
      assertThat(stores().outbox().enqueueMerged(new OutboxMessage(filled + ":" + run, aliceChat, filled + " of 0.01"), merge, partial(filled), Duration.ZERO))
          .isTrue();
    }
    OutboxEntry told = claimMine(50).getFirst();
    assertThat(told.message().text()).isEqualTo("0.008 of 0.01");
    stores().outbox().markDelivered(told.id());

    assertThat(stores().outbox().enqueueMerged(new OutboxMessage("late:" + run, aliceChat, "0.006 of 0.01"), merge, partial("0.006"), Duration.ZERO))
        .isFalse();
    assertThat(stores().outbox().enqueueMerged(new OutboxMessage("next:" + run, aliceChat, "0.009 of 0.01"), merge, partial("0.009"), Duration.ZERO))
        .isTrue();
    assertThat(claimMine(50)).extracting(e -> e.message().text()).containsExactly("0.009 of 0.01");
  }

  @Test
  void onlyTheNewestRowOfAnOrderTakesMergesEvenWhenAnOlderOneIsPostponedBackToUntried() {
    // the first row is claimed (a newer notice then opens a row of its own), then the pace postpones
    // it back to untried: later notices merge into the newest row only, and the older row stays
    // older news, superseded by the newest
    String merge = "fills:postponed:" + run;
    stores().outbox().enqueueMerged(new OutboxMessage("p2:" + run, aliceChat, "0.002 of 0.01"), merge, partial("0.002"), Duration.ZERO);
    OutboxEntry first = claimMine(50).getFirst();
    stores().outbox().enqueueMerged(new OutboxMessage("p4:" + run, aliceChat, "0.004 of 0.01"), merge, partial("0.004"), Duration.ofSeconds(5));
    assertThat(stores().outbox().postpone(first.id(), clock.instant())).isTrue();

    assertThat(stores().outbox().enqueueMerged(new OutboxMessage("p3:" + run, aliceChat, "0.003 of 0.01"), merge, partial("0.003"), Duration.ofSeconds(5)))
        .as("ranks below the newest row, though above the postponed one")
        .isFalse();
    assertThat(stores().outbox().enqueueMerged(new OutboxMessage("p6:" + run, aliceChat, "0.006 of 0.01"), merge, partial("0.006"), Duration.ofSeconds(5)))
        .isTrue();
    clock.advance(Duration.ofSeconds(5));

    List<OutboxEntry> due = claimMine(50);
    assertThat(due).extracting(e -> e.message().text()).containsExactlyInAnyOrder("0.002 of 0.01", "0.006 of 0.01");
    assertThat(stores().outbox().isSuperseded(byText(due, "0.002 of 0.01"))).isTrue();
    assertThat(stores().outbox().isSuperseded(byText(due, "0.006 of 0.01"))).isFalse();
  }

  @Test
  void aNoticeMergesIntoItsRowAgainOnceThePacePostponedItBackToUntried() {
    String merge = "fills:again:" + run;
    stores().outbox().enqueueMerged(new OutboxMessage("p2:" + run, aliceChat, "0.002 of 0.01"), merge, partial("0.002"), Duration.ZERO);
    OutboxEntry held = claimMine(50).getFirst();
    assertThat(stores().outbox().postpone(held.id(), clock.instant().plusSeconds(3))).isTrue();

    assertThat(stores().outbox().enqueueMerged(new OutboxMessage("p5:" + run, aliceChat, "0.005 of 0.01"), merge, partial("0.005"), Duration.ofSeconds(5)))
        .isTrue();
    clock.advance(Duration.ofSeconds(3));

    assertThat(claimMine(50)).extracting(e -> e.message().text()).containsExactly("0.005 of 0.01");
  }

  private static final MergeRank FILLED = MergeRank.finalNotice(new BigDecimal("0.01"));

  private static MergeRank partial(String filled) {
    return MergeRank.partial(new BigDecimal(filled));
  }

  @Test
  void aPostponedMessageIsNotCountedAsAnAttempt() {
    stores().outbox().enqueue(new OutboxMessage("paced:" + run, aliceChat, "hello"));
    OutboxEntry entry = claimMine(50).getFirst();

    assertThat(stores().outbox().postpone(entry.id(), clock.instant().plusSeconds(1))).isTrue();
    clock.advance(Duration.ofSeconds(1));

    assertThat(claimMine(50)).singleElement().extracting(OutboxEntry::attempts).isEqualTo(1);
  }

  @Test
  void aFailedMessageIsKeptAndNeverClaimedAgain() {
    stores().outbox().enqueue(new OutboxMessage("gone:" + run, aliceChat, "hello"));
    OutboxEntry entry = claimMine(50).getFirst();

    assertThat(stores().outbox().markFailed(entry.id(), "chat not found")).isTrue();
    assertThat(stores().outbox().markFailed(entry.id(), "again")).isFalse();
    assertThat(stores().outbox().markDelivered(entry.id())).isFalse();
    clock.advance(Duration.ofHours(1));

    assertThat(claimMine(50)).isEmpty();
    assertThat(stores().outbox().failed(1000)).extracting(OutboxEntry::id).contains(entry.id());
    assertThat(stores().outbox().enqueue(new OutboxMessage("gone:" + run, aliceChat, "hello"))).isFalse();
  }

  private List<OutboxEntry> claimMine(int max) {
    return stores().outbox().claimDue(max, Duration.ofSeconds(60)).stream()
        .filter(e -> e.message().target().equals(aliceChat))
        .toList();
  }

  @Test
  void processedEventsAreInsertedOnlyIfAbsent() {
    String list = recordList("once", OrderListState.EXECUTING);

    assertThat(stores().processedEvents().markProcessed("exec:" + run)).isTrue();
    assertThat(stores().processedEvents().markProcessed("exec:" + run)).isFalse();
    assertThat(stores().processedEvents().markProcessed("exec:" + run, list)).isFalse();
    assertThat(stores().processedEvents().markProcessed("exec-linked:" + run, list)).isTrue();
    assertThat(stores().processedEvents().markProcessed("exec-linked:" + run)).isFalse();
  }

  @Test
  void aProcessedEventIsForgottenOnlyOnceItsListIsSettledForLongerThanTheWindow() {
    String open = recordList("open", OrderListState.EXECUTING);
    String done = recordList("done", OrderListState.EXECUTING);
    String late = recordList("late", OrderListState.EXECUTING);
    stores().processedEvents().markProcessed("open-fill:" + run, open);
    stores().processedEvents().markProcessed("done-fill:" + run, done);
    stores().processedEvents().markProcessed("late-fill:" + run, late);
    stores().orderLists().updateState(done, OrderListState.ALL_DONE);
    clock.advance(Duration.ofDays(40));
    // finished just now: a catch-up that started before could still hand its events over
    stores().orderLists().updateState(late, OrderListState.ALL_DONE);

    assertThat(stores().processedEvents().purgeSettledBefore(clock.instant().minus(Duration.ofDays(30)))).isGreaterThanOrEqualTo(1);

    assertThat(stores().processedEvents().markProcessed("done-fill:" + run, done)).as("settled 40 days ago: forgotten").isTrue();
    assertThat(stores().processedEvents().markProcessed("open-fill:" + run, open)).as("still open: kept").isFalse();
    assertThat(stores().processedEvents().markProcessed("late-fill:" + run, late)).as("settled just now: kept").isFalse();
  }

  @Test
  void aProcessedEventThatNamesNoListIsKeptWhileAnyListCreatedBeforeItIsUnsettled() {
    clock.advance(Duration.ofDays(-400)); // before every other test's lists, should they share the schema
    stores().processedEvents().markProcessed("before-any:" + run);
    clock.advance(Duration.ofDays(1));
    String open = recordList("older", OrderListState.EXECUTING);
    clock.advance(Duration.ofDays(1));
    stores().processedEvents().markProcessed("after-open:" + run);
    clock.advance(Duration.ofDays(40));

    stores().processedEvents().purgeSettledBefore(clock.instant().minus(Duration.ofDays(30)));

    assertThat(stores().processedEvents().markProcessed("before-any:" + run)).as("no list it can be about is unsettled").isTrue();
    assertThat(stores().processedEvents().markProcessed("after-open:" + run)).as("may be about the open list").isFalse();

    stores().orderLists().updateState(open, OrderListState.ALL_DONE);
    clock.advance(Duration.ofDays(31));
    stores().processedEvents().purgeSettledBefore(clock.instant().minus(Duration.ofDays(30)));

    assertThat(stores().processedEvents().markProcessed("after-open:" + run)).as("its list settled 31 days ago").isTrue();
  }

  @Test
  void confirmationsOverForLongerThanTheGraceAreDeletedButAClaimedOneIsKept() {
    for (String name : List.of("unclaimed", "withdrawn", "expired", "claimed")) {
      stores().confirmations().create(pending(token(name), alice, Duration.ofMinutes(1)));
    }
    stores().confirmations().cancel(token("withdrawn"), alice);
    stores().confirmations().claim(token("claimed"), alice);
    clock.advance(Duration.ofMinutes(2));
    stores().confirmations().expireOverdue();
    stores().confirmations().create(pending(token("long-lived"), alice, Duration.ofDays(5)));
    clock.advance(Duration.ofDays(8));
    stores().confirmations().create(pending(token("just-expired"), alice, Duration.ofMinutes(1)));
    clock.advance(Duration.ofMinutes(2));

    assertThat(stores().confirmations().purgeExpiredBefore(clock.instant().minus(Duration.ofDays(7)))).isGreaterThanOrEqualTo(3);

    for (String gone : List.of("unclaimed", "withdrawn", "expired")) {
      assertThat(stores().confirmations().findByToken(token(gone))).as(gone).isEmpty();
    }
    for (String kept : List.of("claimed", "long-lived", "just-expired")) {
      assertThat(stores().confirmations().findByToken(token(kept))).as(kept).isPresent();
    }
  }

  @Test
  void auditEntriesOlderThanTheCutoffAreDeleted() {
    stores().audit().record(new AuditEntry(clock.instant(), alice, AuditAction.CREDENTIALS_STORED, "old", Optional.empty()));
    clock.advance(Duration.ofDays(10));
    stores().audit().record(new AuditEntry(clock.instant(), alice, AuditAction.CREDENTIALS_REVOKED, "recent", Optional.empty()));

    assertThat(stores().audit().purgeBefore(clock.instant().minus(Duration.ofDays(5)))).isGreaterThanOrEqualTo(1);

    assertThat(stores().audit().recentBy(alice, 10)).extracting(AuditEntry::subject).containsExactly("recent");
  }

  @Test
  void unsettledListsAreThoseOfEveryOwnerWhoseOutcomeIsUnknownOldestFirst() {
    String older = recordList("unsettled-a", OrderListState.UNKNOWN);
    recordList("settled", OrderListState.EXECUTING);
    recordList("refused", OrderListState.REJECTED);
    clock.advance(Duration.ofSeconds(1));
    String newer = recordList("unsettled-b", OrderListState.UNKNOWN);

    List<String> mine =
        stores().orderLists().listUnsettled().stream()
            .map(TrackedOrderList::listClientOrderId)
            .filter(id -> id.endsWith(run))
            .toList();

    assertThat(mine).containsExactly(older, newer);
    assertThat(stores().orderLists().changeState(older, OrderListState.UNKNOWN, OrderListState.REJECTED)).isTrue();
    assertThat(stores().orderLists().listUnsettled()).extracting(TrackedOrderList::listClientOrderId).doesNotContain(older);
  }

  @Test
  void aListWhoseTraderIsOwedAnAnswerStaysUnsettledAfterAnEventMovedItOnUntilTheAnswerIsGiven() {
    String clientId = recordList("owed", OrderListState.UNKNOWN);

    assertThat(stores().orderLists().markAwaitingAnswer(clientId)).isTrue();
    stores().orderLists().updateState(clientId, OrderListState.EXECUTING);
    List<String> owed = stores().orderLists().listUnsettled().stream().map(TrackedOrderList::listClientOrderId).toList();
    boolean cleared = stores().orderLists().clearAwaitingAnswer(clientId);

    assertThat(owed).contains(clientId);
    assertThat(cleared).isTrue();
    assertThat(stores().orderLists().clearAwaitingAnswer(clientId)).as("told once").isFalse();
    assertThat(stores().orderLists().listUnsettled()).extracting(TrackedOrderList::listClientOrderId).doesNotContain(clientId);
  }

  @Test
  void everyListInOneStateMovesToAnotherAtOnceAndNoOtherDoes() {
    String cancelling = recordList("cancelling", OrderListState.CANCELLING);
    String executing = recordList("executing", OrderListState.EXECUTING);
    clock.advance(Duration.ofSeconds(3));

    int moved = stores().orderLists().changeEveryState(OrderListState.CANCELLING, OrderListState.EXECUTING);

    assertThat(moved).isGreaterThanOrEqualTo(1);
    TrackedOrderList reopened = stores().orderLists().findByListClientOrderId(cancelling).orElseThrow();
    assertThat(reopened.state()).isEqualTo(OrderListState.EXECUTING);
    assertThat(reopened.updatedAt()).isEqualTo(clock.instant());
    assertThat(stores().orderLists().findByListClientOrderId(executing).orElseThrow().updatedAt()).isEqualTo(START);
  }

  @Test
  void aConfirmationIsFoundByItsIdInWhateverState() {
    PendingConfirmation confirmation = pending(token("by-id"), alice, Duration.ofMinutes(2));
    stores().confirmations().create(confirmation);
    stores().confirmations().claim(token("by-id"), alice);

    assertThat(stores().confirmations().findById(confirmation.id()))
        .hasValueSatisfying(found -> {
          assertThat(found.token()).isEqualTo(token("by-id"));
          assertThat(found.state()).isEqualTo(ConfirmationState.CLAIMED);
        });
    assertThat(stores().confirmations().findById(UUID.randomUUID())).isEmpty();
  }

  @Test
  void aMessageThatReplacesTheSameMessageAsALaterOneIsSupersededByIt() {
    stores().outbox().enqueue(new OutboxMessage("first:" + run, aliceChat, "cannot tell", Optional.of("preview-7")));
    stores().outbox().enqueue(new OutboxMessage("other:" + run, aliceChat, "another preview", Optional.of("preview-8")));
    stores().outbox().enqueue(new OutboxMessage("new:" + run, aliceChat, "a notice"));
    List<OutboxEntry> before = claimMine(50);
    stores().outbox().enqueue(new OutboxMessage("second:" + run, aliceChat, "placed after all", Optional.of("preview-7")));

    assertThat(stores().outbox().isSuperseded(byText(before, "cannot tell"))).isTrue();
    assertThat(stores().outbox().isSuperseded(byText(before, "another preview"))).isFalse();
    assertThat(stores().outbox().isSuperseded(byText(before, "a notice"))).isFalse();
    clock.advance(Duration.ofMinutes(5));
    assertThat(stores().outbox().isSuperseded(byText(claimMine(50), "placed after all"))).isFalse();
  }

  @Test
  void aMessageThatReplacesAnotherKeepsWhichOneThroughItsClaim() {
    stores().outbox().enqueue(new OutboxMessage("replace:" + run, aliceChat, "✅ Placed", Optional.of("preview-42")));
    stores().outbox().enqueue(new OutboxMessage("new:" + run, aliceChat, "a notice"));

    List<OutboxEntry> claimed = claimMine(50);

    assertThat(byText(claimed, "✅ Placed").message().replaces()).contains("preview-42");
    assertThat(byText(claimed, "a notice").message().replaces()).isEmpty();
  }

  /** Records one of Alice's OCOs in {@code state}; answers its client id. */
  private String recordList(String name, OrderListState state) {
    String clientId = "olb-" + name + "-" + run;
    stores().orderLists().record(
        new TrackedOrderList(clientId, alice, aliceChat, ListKind.OCO, new Symbol("BTCUSDT"), OptionalLong.empty(),
            List.of(new TrackedLeg(clientId + "-tp", OptionalLong.empty())), state, clock.instant(), clock.instant()));
    return clientId;
  }

  @Test
  void aBreakevenPlanIsFoundByAnyOfItsListsInTargetOrderAndMarkedDoneOnce() {
    List<String> lists = List.of("ob-plan" + run + "-0", "ob-plan" + run + "-1", "ob-plan" + run + "-2");
    BreakevenPlan plan =
        new BreakevenPlan("plan-" + run, alice, new Symbol("BTCUSDT"), lists, false, clock.instant());

    assertThat(stores().breakevenPlans().record(plan)).isTrue();
    assertThat(stores().breakevenPlans().record(plan)).as("recorded once").isFalse();

    assertThat(stores().breakevenPlans().findByList(lists.get(2))).contains(plan);
    assertThat(stores().breakevenPlans().findByList(lists.get(0)).orElseThrow().laterLists())
        .containsExactly(lists.get(1), lists.get(2));
    assertThat(stores().breakevenPlans().findByList("ob-other" + run)).isEmpty();
    assertThat(stores().breakevenPlans().listWaiting()).filteredOn(p -> p.planId().equals(plan.planId())).containsExactly(plan);

    assertThat(stores().breakevenPlans().markDone(plan.planId())).isTrue();
    assertThat(stores().breakevenPlans().markDone(plan.planId())).as("done once").isFalse();
    assertThat(stores().breakevenPlans().findByList(lists.get(1)).orElseThrow().done()).isTrue();
    assertThat(stores().breakevenPlans().listWaiting()).noneMatch(p -> p.planId().equals(plan.planId()));
  }

  @Test
  void aListBelongsToOneBreakevenPlanOnly() {
    String shared = "ob-shared" + run;
    stores().breakevenPlans().record(
        new BreakevenPlan("plan-a-" + run, alice, new Symbol("BTCUSDT"), List.of(shared, shared + "-1"), false, clock.instant()));

    assertThat(stores().breakevenPlans().record(
            new BreakevenPlan("plan-b-" + run, alice, new Symbol("BTCUSDT"), List.of("ob-x" + run, shared), false, clock.instant())))
        .isFalse();
    assertThat(stores().breakevenPlans().findByList(shared).orElseThrow().planId()).isEqualTo("plan-a-" + run);
    assertThat(stores().breakevenPlans().findByList("ob-x" + run)).as("nothing of the refused plan is kept").isEmpty();
  }

  @Test
  void recordingABreakevenPlanInsideATransactionThatRollsBackKeepsNothing() {
    String id = "plan-rb-" + run;
    assertThatThrownBy(() -> database().transactor().inTransaction(stores -> {
          stores.breakevenPlans().record(
              new BreakevenPlan(id, alice, new Symbol("BTCUSDT"), List.of("ob-rb" + run, "ob-rb" + run + "-1"), false, clock.instant()));
          throw new IllegalStateException("boom");
        }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(stores().breakevenPlans().findByList("ob-rb" + run)).isEmpty();
  }

  @Test
  void alertSubscriptionsAreOnePerChatAndOwner() {
    ChatRef group = new ChatRef("telegram", "group-" + run);
    stores().subscriptions().subscribe(new AlertSubscription(group, alice, AlertMode.ON));
    stores().subscriptions().subscribe(new AlertSubscription(group, alice, AlertMode.REDACTED));
    stores().subscriptions().subscribe(new AlertSubscription(group, bob, AlertMode.ON));

    assertThat(stores().subscriptions().forOwner(alice)).containsExactly(new AlertSubscription(group, alice, AlertMode.REDACTED));
    assertThat(stores().subscriptions().forChat(group)).hasSize(2);
    assertThat(stores().subscriptions().unsubscribe(group, alice)).isTrue();
    assertThat(stores().subscriptions().unsubscribe(group, alice)).isFalse();
    assertThat(stores().subscriptions().forChat(group)).extracting(AlertSubscription::owner).containsExactly(bob);
  }

  @Test
  void theSubscriptionsOfManyOwnersReadAtOnceAreEachOwnersAsReadAlone() {
    // 70 owners on one platform (more than one read's 64), two on another, one without any, and a
    // repeated owner: each gets exactly what forOwner answers, in its order
    List<UserRef> owners = new ArrayList<>();
    for (int i = 0; i < 70; i++) {
      UserRef owner = new UserRef("telegram", "many-" + i + "-" + run);
      owners.add(owner);
      stores().subscriptions().subscribe(new AlertSubscription(new ChatRef("telegram", "g" + i + "-" + run), owner, AlertMode.ON));
      clock.advance(Duration.ofSeconds(1));
      if (i % 3 == 0) {
        stores().subscriptions().subscribe(new AlertSubscription(new ChatRef("discord", "c" + i + "-" + run), owner, AlertMode.REDACTED));
      }
    }
    UserRef onDiscord = new UserRef("discord", "d-" + run);
    stores().subscriptions().subscribe(new AlertSubscription(new ChatRef("discord", "dc-" + run), onDiscord, AlertMode.ON));
    UserRef none = new UserRef("telegram", "none-" + run);
    owners.add(onDiscord);
    owners.add(none);
    owners.add(owners.getFirst());

    Map<UserRef, List<AlertSubscription>> read = stores().subscriptions().forOwners(owners);

    assertThat(read).hasSize(72);
    for (UserRef owner : owners) {
      assertThat(read.get(owner)).as(owner.toString()).isEqualTo(stores().subscriptions().forOwner(owner));
    }
    assertThat(read.get(owners.getFirst())).hasSize(2);
    assertThat(read.get(none)).isEmpty();
    assertThat(stores().subscriptions().forOwners(List.of(owners.get(5)))).containsOnlyKeys(owners.get(5));
  }

  @Test
  void theAuditLogListsAnActorsLatestEntriesFirst() {
    stores().audit().record(new AuditEntry(clock.instant(), alice, AuditAction.CREDENTIALS_STORED, "cred-1", Optional.empty()));
    clock.advance(Duration.ofMinutes(1));
    stores().audit().record(new AuditEntry(clock.instant(), alice, AuditAction.ORDER_LIST_CONFIRMED, "conf-1", Optional.of(aliceChat)));
    stores().audit().record(new AuditEntry(clock.instant(), bob, AuditAction.ORDER_LIST_CANCELLED, "conf-2", Optional.empty()));

    List<AuditEntry> recent = stores().audit().recentBy(alice, 10);
    assertThat(recent).extracting(AuditEntry::action)
        .containsExactly(AuditAction.ORDER_LIST_CONFIRMED, AuditAction.CREDENTIALS_STORED);
    assertThat(recent.getFirst().chat()).contains(aliceChat);
    assertThat(stores().audit().recentBy(alice, 1)).hasSize(1);
  }

  @Test
  void theAuditLogListsEveryonesLatestEntriesFirstForAdmins() {
    // far ahead of every other entry, so these are the newest even in a database other runs share
    Instant later = START.plus(Duration.ofDays(36_500));
    stores().audit().record(new AuditEntry(later, alice, AuditAction.CREDENTIALS_STORED, "everyone-1-" + run, Optional.empty()));
    stores().audit().record(new AuditEntry(later, bob, AuditAction.PANIC_CONFIRMED, "everyone-2-" + run, Optional.of(aliceChat)));
    stores().audit().record(new AuditEntry(later, alice, AuditAction.AUDIT_READ, "everyone-3-" + run, Optional.empty()));

    assertThat(stores().audit().recentOfEveryone(2)).extracting(AuditEntry::subject)
        .containsExactly("everyone-3-" + run, "everyone-2-" + run);
    assertThat(stores().audit().recent(Optional.empty(), 3)).extracting(AuditEntry::actor).containsExactly(alice, bob, alice);
    assertThat(stores().audit().recent(Optional.of(bob), 10)).singleElement().satisfies(entry -> {
      assertThat(entry.action()).isEqualTo(AuditAction.PANIC_CONFIRMED);
      assertThat(entry.chat()).contains(aliceChat);
      assertThat(entry.occurredAt()).isEqualTo(later);
    });
    assertThatThrownBy(() -> stores().audit().recentOfEveryone(0)).isInstanceOf(IllegalArgumentException.class);
  }

  private CredentialId storedCredential() {
    CredentialId id = new CredentialId(UUID.randomUUID());
    stores().credentials().insert(new SealedCredential(id, alice, KeyType.HMAC, "api-" + run,
        new SealedBox(new byte[] {1}, new byte[] {2}), new SealedBox(new byte[] {3}, new byte[] {4}),
        1, "0123456789abcdef", clock.instant()));
    return id;
  }

  @Test
  void aKeysPostureIsStoredReplacedAndGoesWithItsCredential() {
    CredentialId id = storedCredential();
    KeyPostureCheck known =
        new KeyPostureCheck(id, clock.instant(), TradingEnvironment.LIVE, new KeyPostureAnswer.Known(new KeyPosture(false, true, true, false, true)));
    stores().keyPostures().save(known);
    assertThat(stores().keyPostures().find(id)).contains(known);

    clock.advance(Duration.ofMinutes(5));
    KeyPostureCheck skipped =
        new KeyPostureCheck(id, clock.instant(), TradingEnvironment.DEMO,
            new KeyPostureAnswer.NotChecked(KeyPostureAnswer.Why.NOT_SERVED_HERE));
    stores().keyPostures().save(skipped);
    assertThat(stores().keyPostures().find(id)).contains(skipped);

    assertThat(stores().credentials().delete(alice, id)).isTrue();
    assertThat(stores().keyPostures().find(id)).isEmpty();
  }

  @Test
  void aPostureIsStoredOnlyForAStoredCredential() {
    CredentialId unknown = new CredentialId(UUID.randomUUID());
    KeyPostureCheck check =
        new KeyPostureCheck(unknown, clock.instant(), TradingEnvironment.LIVE, new KeyPostureAnswer.Known(KeyPosture.SPOT_ONLY_FROM_WHITELISTED_IPS));

    assertThatThrownBy(() -> stores().keyPostures().save(check)).isInstanceOf(StorageException.class);
    assertThat(stores().keyPostures().find(unknown)).isEmpty();
  }

  @Test
  void sealedCredentialsRoundTripTheirBytesAndAreScopedByOwner() {
    CredentialId id = new CredentialId(UUID.randomUUID());
    SealedCredential row = new SealedCredential(id, alice, KeyType.ED25519, "api-" + run,
        new SealedBox(new byte[] {1, 2, 3}, new byte[] {4, 5, 6, 0, -1}), new SealedBox(new byte[] {7}, new byte[] {8, 9}),
        1, "0123456789abcdef", clock.instant());
    stores().credentials().insert(row);

    assertThat(stores().credentials().find(alice, id)).contains(row);
    assertThat(stores().credentials().find(bob, id)).isEmpty();
    assertThat(stores().credentials().updateDataKey(id, 2, new SealedBox(new byte[] {1}, new byte[] {1}), 3)).isFalse();
    assertThat(stores().credentials().updateDataKey(id, 1, new SealedBox(new byte[] {1}, new byte[] {2}), 2)).isTrue();
    assertThat(stores().credentials().listByOwner(alice)).singleElement().extracting(SealedCredential::keyVersion).isEqualTo(2);
    assertThat(stores().credentials().delete(bob, id)).isFalse();
    assertThat(stores().credentials().delete(alice, id)).isTrue();
    assertThatThrownBy(() -> { stores().credentials().insert(row); stores().credentials().insert(row); })
        .isInstanceOf(StorageException.class).hasMessageContaining("store a sealed credential");
  }

  @Test
  void aTransactionCommitsEverythingOrNothing() {
    OutboxMessage notice = new OutboxMessage("tx:" + run, aliceChat, "done");
    assertThatThrownBy(() -> database().transactor().inTransaction(s -> {
          s.processedEvents().markProcessed("tx-event:" + run);
          s.outbox().enqueue(notice);
          throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class).hasMessage("boom");
    assertThat(stores().processedEvents().markProcessed("tx-event:" + run)).isTrue();
    assertThat(stores().outbox().enqueue(notice)).isTrue();
  }

  @Test
  void aDuplicateInsideATransactionLeavesTheTransactionUsable() {
    OutboxMessage notice = new OutboxMessage("dup:" + run, aliceChat, "once");
    stores().outbox().enqueue(notice);

    boolean fresh = database().transactor().inTransaction(s -> {
      boolean again = s.outbox().enqueue(notice);
      s.processedEvents().markProcessed("after-dup:" + run);
      return again;
    });

    assertThat(fresh).isFalse();
    assertThat(stores().processedEvents().markProcessed("after-dup:" + run)).isFalse();
    // the refused insert left no row behind in the committed transaction
    assertThat(claimMine(50)).extracting(e -> e.message().dedupeKey()).containsOnlyOnce("dup:" + run);
  }

  @Test
  void storesCannotBeUsedAfterTheirTransactionEnded() {
    AtomicReference<Stores> leaked = new AtomicReference<>();
    database().transactor().inTransaction(s -> { leaked.set(s); return null; });
    assertThatThrownBy(() -> leaked.get().processedEvents().markProcessed("late:" + run))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void keyChecksAnswerTheLatestVersion() {
    // one vault per database: only the H2 tests own the whole table; here a version far from 1..3
    int base = 1000 + Math.abs(run.hashCode() % 100_000);
    stores().keyChecks().insert(new KeyCheck(base, new SealedBox(new byte[] {1}, new byte[] {2}), clock.instant()));
    stores().keyChecks().insert(new KeyCheck(base + 1, new SealedBox(new byte[] {3}, new byte[] {4}), clock.instant()));
    assertThat(stores().keyChecks().latest().orElseThrow().keyVersion()).isGreaterThanOrEqualTo(base + 1);
    assertThatThrownBy(() -> stores().keyChecks().insert(new KeyCheck(base, new SealedBox(new byte[] {1}, new byte[] {2}), clock.instant())))
        .isInstanceOf(StorageException.class);
    assertThat(stores().keyChecks().delete(base)).isTrue();
    assertThat(stores().keyChecks().delete(base + 1)).isTrue();
  }

  @Test
  void aMessageKeepsItsRowsOfButtonsThroughTheOutboxAndAMergeReplacesThem() {
    List<List<Button>> card =
        List.of(
            List.of(new Button("Cancel list", "k:CANCEL:8821"), new Button("Close at market · 0.01", "k:CLOSE:8821")),
            List.of(new Button("Move stop to breakeven", "k:BREAKEVEN:8821")));
    stores().outbox().enqueue(new OutboxMessage("card:" + run, aliceChat, "the card", Optional.of("preview-9"), card).asCardOf("ob-c-" + run));
    String merge = "fills:buttons:" + run;
    stores().outbox().enqueueMerged(
        new OutboxMessage("m1:" + run, aliceChat, "first", Optional.empty(), List.of(List.of(new Button("Old", "k:CANCEL:1")))),
        merge, partial("0.001"), Duration.ofSeconds(5));
    stores().outbox().enqueueMerged(
        new OutboxMessage("m2:" + run, aliceChat, "second", Optional.empty(), List.of(List.of(new Button("New", "k:CANCEL:2")))),
        merge, partial("0.002"), Duration.ofSeconds(5));
    clock.advance(Duration.ofSeconds(5));

    List<OutboxEntry> due = claimMine(50);

    assertThat(byText(due, "the card").message().buttons()).isEqualTo(card);
    assertThat(byText(due, "the card").message().replaces()).contains("preview-9");
    assertThat(byText(due, "the card").message().cardOf()).contains("ob-c-" + run);
    assertThat(byText(due, "second").message().cardOf()).isEmpty();
    assertThat(byText(due, "second").message().buttons()).containsExactly(List.of(new Button("New", "k:CANCEL:2")));
  }

  @Test
  void aMessageWithoutButtonsHasNoneAfterItsClaim() {
    stores().outbox().enqueue(new OutboxMessage("plain:" + run, aliceChat, "a notice"));

    assertThat(claimMine(50).getFirst().message().buttons()).isEmpty();
  }

  @Test
  void aCardEditIsSupersededByALaterEditOfTheSameCardButNeverByANotice() {
    stores().outbox().enqueue(new OutboxMessage("card1:" + run, aliceChat, "card r1", Optional.of("card-5"), List.of()));
    stores().outbox().enqueue(new OutboxMessage("notice:" + run, aliceChat, "entry filled"));
    List<OutboxEntry> before = claimMine(50);
    assertThat(stores().outbox().isSuperseded(byText(before, "card r1"))).isFalse();
    stores().outbox().enqueue(new OutboxMessage("card2:" + run, aliceChat, "card r2", Optional.of("card-5"), List.of()));

    assertThat(stores().outbox().isSuperseded(byText(before, "card r1"))).isTrue();
    assertThat(stores().outbox().isSuperseded(byText(before, "entry filled"))).isFalse();
  }

  OrderCard card(String clientId) {
    return new OrderCard(
        clientId, TradingEnvironment.TESTNET, aliceChat, Optional.empty(), "v=1\nkind=OCO\n", Optional.empty(),
        List.of(CardLeg.untraded(clientId + "-tp", LegStatus.NEW), CardLeg.untraded(clientId + "-sl", LegStatus.NEW)),
        Optional.empty(), 0);
  }

  @Test
  void theCardOfASettledListIsForgottenOnceOldWhileAFollowedListKeepsItsCard() {
    String done = "ob-done-" + run;
    String open = "ob-open-" + run;
    for (String id : List.of(done, open)) {
      stores().orderLists().record(
          new TrackedOrderList(id, alice, aliceChat, ListKind.OCO, new Symbol("BTCUSDT"), OptionalLong.empty(),
              List.of(new TrackedLeg(id + "-tp", OptionalLong.empty()), new TrackedLeg(id + "-sl", OptionalLong.empty())),
              OrderListState.EXECUTING, clock.instant(), clock.instant()));
      stores().cards().create(card(id));
    }
    stores().orderLists().updateState(done, OrderListState.ALL_DONE);

    assertThat(stores().cards().purgeSettledBefore(START)).as("nothing is old enough yet").isZero();
    assertThat(stores().cards().purgeSettledBefore(START.plus(Duration.ofDays(1)))).isPositive();
    assertThat(stores().cards().find(done)).isEmpty();
    assertThat(stores().cards().find(open)).isPresent();
  }

  @Test
  void anOrderCardIsStoredOnceAndReadBackWhole() {
    OrderCard card = card("ob-card-" + run);

    assertThat(stores().cards().create(card)).isTrue();
    assertThat(stores().cards().create(card.shownIn(aliceChat, Optional.of("77")))).isFalse();

    assertThat(stores().cards().find(card.listClientOrderId())).contains(card);
    assertThat(stores().cards().find("ob-none-" + run)).isEmpty();
  }

  @Test
  void aListForAnEventComesWithItsLegsBasisAndCardExactlyAsTheirOwnReadsAnswerThem() {
    String id = "ob-event-" + run;
    stores().orderLists().record(
        new TrackedOrderList(id, alice, aliceChat, ListKind.OTOCO, new Symbol("BTCUSDT"), OptionalLong.of(42),
            List.of(new TrackedLeg(id + "-w", OptionalLong.of(7)), new TrackedLeg(id + "-tp", OptionalLong.empty()),
                new TrackedLeg(id + "-sl", OptionalLong.of(9))),
            OrderListState.EXECUTING, clock.instant(), clock.instant()));
    stores().orderLists().markLegEnded(id, id + "-w", true);
    stores().limits().recordBasis(new ListBasis(id, new BigDecimal("30000.5"), Side.SELL, new BigDecimal("1.0001"),
        new BigDecimal("0.01"), new BigDecimal("300.005")));
    OrderCard card = card(id);
    stores().cards().create(
        card.withLegs(
                List.of(new CardLeg(id + "-tp", LegStatus.PARTIALLY_FILLED, new BigDecimal("0.004"), new BigDecimal("128.002"),
                    Optional.of(START.plusMillis(1_234)))),
                Optional.of(new LastPrice(new BigDecimal("32000.50"), START.plusSeconds(3))))
            .withQuoteAsset(Optional.of("USDT"))
            .shownIn(aliceChat, Optional.of("77")));

    ListForEvent found = stores().listForEvent(id).orElseThrow();

    assertThat(found.list()).isEqualTo(stores().orderLists().findByListClientOrderId(id).orElseThrow());
    assertThat(found.list().legs()).extracting(TrackedLeg::clientOrderId).containsExactly(id + "-w", id + "-tp", id + "-sl");
    assertThat(found.basis()).isPresent().isEqualTo(stores().limits().basis(id));
    assertThat(found.card()).isPresent().isEqualTo(stores().cards().find(id));
    assertThat(found.card().orElseThrow().messageId()).contains("77");
  }

  @Test
  void aListForAnEventWithoutBasisCardOrLegsHasThemEmptyAndAnUnknownListIsNotFound() {
    String id = "ob-bare-" + run;
    stores().orderLists().record(
        new TrackedOrderList(id, alice, aliceChat, ListKind.OCO, new Symbol("BTCUSDT"), OptionalLong.empty(), List.of(),
            OrderListState.UNKNOWN, clock.instant(), clock.instant()));

    ListForEvent found = stores().listForEvent(id).orElseThrow();

    assertThat(found.list()).isEqualTo(stores().orderLists().findByListClientOrderId(id).orElseThrow());
    assertThat(found.list().legs()).isEmpty();
    assertThat(found.basis()).isEmpty();
    assertThat(found.card()).isEmpty();
    assertThat(stores().listForEvent("ob-none-" + run)).isEmpty();
  }

  @Test
  void anOrderCardUpdateWritesEveryFieldOnlyOverTheRevisionItRead() {
    OrderCard card = card("ob-rev-" + run);
    stores().cards().create(card);
    List<CardLeg> filled =
        List.of(
            new CardLeg(card.listClientOrderId() + "-tp", LegStatus.FILLED, new BigDecimal("0.01"), new BigDecimal("320.005"),
                Optional.of(START.plusMillis(2_345))),
            CardLeg.untraded(card.listClientOrderId() + "-sl", LegStatus.EXPIRED));
    OrderCard next =
        card.withLegs(filled, Optional.of(new LastPrice(new BigDecimal("32000.50"), START.plusSeconds(3))))
            .withQuoteAsset(Optional.of("USDT"))
            .nextRevision()
            .nextRevision();

    assertThat(stores().cards().update(next)).as("two revisions ahead of the stored one").isFalse();
    assertThat(stores().cards().update(card.withQuoteAsset(Optional.of("USDT")))).as("the stored revision itself").isFalse();
    OrderCard one =
        card.withLegs(filled, Optional.of(new LastPrice(new BigDecimal("32000.50"), START.plusSeconds(3))))
            .withQuoteAsset(Optional.of("USDT"))
            .nextRevision();
    assertThat(stores().cards().update(one)).isTrue();
    assertThat(stores().cards().update(one)).as("a second write over the same revision").isFalse();
    OrderCard moved = one.shownIn(new ChatRef("telegram", "other-" + run), Optional.of("991")).nextRevision();
    assertThat(stores().cards().update(moved)).isTrue();

    OrderCard read = stores().cards().find(card.listClientOrderId()).orElseThrow();
    assertThat(read).isEqualTo(moved);
    assertThat(read.legs().getFirst().cumulativeQuote()).isEqualByComparingTo("320.005");
    assertThat(read.lastPrice().orElseThrow().price().toPlainString()).isEqualTo("32000.50");
    assertThat(read.revision()).isEqualTo(2);
    assertThat(stores().cards().update(card("ob-unknown-" + run).nextRevision())).isFalse();
  }

  // ---- step-up codes (V15) ----

  private static SealedStepUpSecret sealedTotp(int version) {
    return new SealedStepUpSecret(new SealedBox(new byte[] {1, 2}, new byte[] {3, 4, 5}), new SealedBox(new byte[] {6}, new byte[] {7, 8}), version);
  }

  @Test
  void aStepUpSettingIsSavedReadAndReplacedWithItsFailuresAndLock() {
    assertThat(stores().stepUps().find(alice)).isEmpty();
    StepUpState pin = StepUpState.none(alice, START).withPin("$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA", START);
    stores().stepUps().save(pin);
    StepUpState wrong = pin.afterWrongCode(Optional.empty(), START.plusSeconds(1));
    stores().stepUps().save(wrong);
    StepUpState locked = wrong.afterWrongCode(Optional.of(START.plusSeconds(900)), START.plusSeconds(2));
    stores().stepUps().save(locked);

    assertThat(stores().stepUps().find(alice)).contains(locked);
    assertThat(stores().stepUps().find(bob)).isEmpty();
    assertThat(locked.failures()).isZero();
    assertThat(wrong.failures()).isEqualTo(1);
  }

  @Test
  void aSealedTotpSecretIsKeptAsItsBoxesAndReSealedOnlyUnderItsExpectedVersion() {
    StepUpState state = StepUpState.none(bob, START).withPendingTotp(sealedTotp(1), START).withTotpActive(4242, START);
    stores().stepUps().save(state);

    assertThat(stores().stepUps().find(bob)).contains(state);
    assertThat(stores().stepUps().listSealed()).extracting(StepUpState::user).contains(bob).doesNotContain(alice);
    SealedBox resealed = new SealedBox(new byte[] {9}, new byte[] {9, 9});
    assertThat(stores().stepUps().updateDataKey(bob, 2, resealed, 3)).as("not under version 2").isFalse();
    assertThat(stores().stepUps().updateDataKey(bob, 1, resealed, 2)).isTrue();
    SealedStepUpSecret read = stores().stepUps().find(bob).orElseThrow().totp().orElseThrow();
    assertThat(read.keyVersion()).isEqualTo(2);
    assertThat(read.sealedDataKey()).isEqualTo(resealed);
    assertThat(read.sealedSecret()).isEqualTo(sealedTotp(1).sealedSecret());
    assertThat(stores().stepUps().find(bob).orElseThrow().lastTotpStep()).isEqualTo(4242);
  }

  @Test
  void twoFirstSavesOfOneUsersStepUpSettingAtOnceBothSucceedAndOneOfThemIsKept() throws Exception {
    String hash = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA";

    FirstWrites.race(
        300,
        round -> () -> stores().stepUps().save(StepUpState.none(stepUpRacer(round), START).withPin(hash, START)),
        round -> () -> stores().stepUps().save(StepUpState.none(stepUpRacer(round), START).withPendingTotp(sealedTotp(1), START)));

    for (int round = 0; round < 300; round++) {
      UserRef user = stepUpRacer(round);
      assertThat(stores().stepUps().find(user)).get().isIn(
          StepUpState.none(user, START).withPin(hash, START), StepUpState.none(user, START).withPendingTotp(sealedTotp(1), START));
    }
  }

  private UserRef stepUpRacer(int round) {
    return new UserRef("telegram", "step-up-racer-" + run + "-" + round);
  }
}
