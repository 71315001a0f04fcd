package dev.orderlistbot.core.engine;

import static dev.orderlistbot.core.engine.TestBot.ALICE;
import static dev.orderlistbot.core.engine.TestBot.GROUP;
import static dev.orderlistbot.core.engine.TestBot.dm;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.chat.ChatEvent;
import dev.orderlistbot.core.chat.ChatKind;
import dev.orderlistbot.core.chat.CodeButtons;
import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.domain.KeyType;
import dev.orderlistbot.core.domain.Secret;
import dev.orderlistbot.core.domain.TradingEnvironment;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.port.out.AuditAction;
import dev.orderlistbot.core.port.out.AuditEntry;
import dev.orderlistbot.core.security.Totp;
import dev.orderlistbot.testing.LogCapture;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Step-up codes on LIVE (issue 16): a placement above the operator's notional, {@code /panic close}
 * and key changes run only after the user's PIN or authenticator code is right, once; wrong codes
 * count, five lock for 15 minutes and tell the admins; a code is never taken after its question
 * expired nor twice within its 30-second step; no PIN, code or secret reaches a chat or a log.
 */
class StepUpTest {
  private static final String API_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
  private static final String HMAC_SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
  private static final String PIN = "480315";
  /** 0.01 BTC at 30000: 300 USDT, above the 100 USDT threshold. */
  private static final String LARGE = "/oco BTCUSDT sell 0.01 tp 32000 sl 29000/28900";
  /** 0.001 BTC: 30 USDT, below it. */
  private static final String SMALL = "/oco BTCUSDT sell 0.001 tp 32000 sl 29000/28900";
  private static final UserRef ADMIN = new UserRef("telegram", "9000");
  private static final StepUpPolicy POLICY = new StepUpPolicy(Optional.of(new BigDecimal("100")), true, true, false);

  @TempDir Path dir;
  private TestBot bot;
  private FakeExchange exchange;
  private LogCapture logs;

  @BeforeEach
  void start() {
    logs = new LogCapture();
    bot = live(dir, POLICY);
    exchange = (FakeExchange) bot.exchange;
    // key changes need a code, and Alice has none yet: her key was stored before the operator asked for codes
    bot.vault().store(ALICE, new ApiCredentials(KeyType.HMAC, API_KEY, Secret.of(HMAC_SECRET)));
  }

  @AfterEach
  void stop() {
    bot.close();
    logs.close();
  }

  private static TestBot live(Path dir, StepUpPolicy policy) {
    EngineConfig config = EngineConfig.of(TradingEnvironment.LIVE, Set.of(ALICE), Set.of(ADMIN)).withStepUp(policy);
    return new TestBot(dir, config, new FakeExchange(), Optional.empty(), Optional.of(new RecordingEventSource()));
  }

  private void setPin() {
    bot.say(ALICE, "/2fa pin");
    MessageRef pin = bot.say(ALICE, PIN);
    assertThat(bot.telegram.deleted()).contains(pin);
    assertThat(bot.lastReply(ALICE)).startsWith("✅ Your step-up PIN is set.");
  }

  /** Alice previews {@code line} and presses Confirm: the step-up question is the last message. */
  private MessageRef previewAndConfirm(String line) {
    bot.say(ALICE, line);
    MessageRef preview = bot.lastButtons(dm(ALICE));
    bot.press(ALICE, preview, Replies.CONFIRM);
    return preview;
  }

  @Test
  void aLargeLivePlacementIsPlacedOnlyAfterTheRightPinAndOnlyOnce() {
    setPin();
    bot.say(ALICE, LARGE);
    MessageRef preview = bot.lastButtons(dm(ALICE));
    ChatEvent.ButtonPressed confirm = bot.pressEvent(ALICE, preview, Replies.CONFIRM);
    bot.engine().handle(confirm);

    assertThat(exchange.placeCalls).hasValue(0);
    assertThat(bot.lastReply(ALICE)).startsWith("🔐 Send your step-up code").contains("to confirm OCO SELL 0.01 BTCUSDT");
    MessageRef code = bot.say(ALICE, PIN);

    assertThat(bot.telegram.deleted()).contains(code);
    assertThat(exchange.placeCalls).hasValue(1);
    assertThat(bot.telegram.now(preview).text()).startsWith("✅ Placed on LIVE");
    bot.say(ALICE, PIN);
    bot.engine().handle(confirm);
    assertThat(bot.lastReply(ALICE)).isEqualTo(Replies.alreadyConfirmed());
    assertThat(exchange.placeCalls).hasValue(1);
  }

  @Test
  void aCodeTypedWithASpaceAsAuthenticatorAppsShowItIsTaken() {
    setPin();
    previewAndConfirm(LARGE);

    MessageRef code = bot.say(ALICE, PIN.substring(0, 3) + " " + PIN.substring(3));

    assertThat(bot.telegram.deleted()).contains(code);
    assertThat(exchange.placeCalls).hasValue(1);
  }

  @Test
  void theConfirmOfALargePlacementCarriesTheCodeTokenAFormAnswers() {
    setPin();
    bot.say(ALICE, LARGE);
    MessageRef preview = bot.lastButtons(dm(ALICE));
    String token = bot.telegram.now(preview).buttons().getFirst().token();
    assertThat(token).startsWith(CodeButtons.CONFIRM);

    bot.engine().handle(new ChatEvent.CodeEntered(dm(ALICE), ChatKind.PRIVATE, ALICE, preview, token, "000000"));
    assertThat(exchange.placeCalls).hasValue(0);
    assertThat(bot.lastReply(ALICE)).isEqualTo(StepUpReplies.wrongCode(4));

    bot.engine().handle(new ChatEvent.CodeEntered(dm(ALICE), ChatKind.PRIVATE, ALICE, preview, token, PIN));
    assertThat(exchange.placeCalls).hasValue(1);
    bot.engine().handle(new ChatEvent.CodeEntered(dm(ALICE), ChatKind.PRIVATE, ALICE, preview, token, PIN));
    assertThat(exchange.placeCalls).hasValue(1);
  }

  @Test
  void aSmallPlacementNeedsNoCode() {
    bot.say(ALICE, SMALL);
    bot.press(ALICE, bot.lastButtons(dm(ALICE)), Replies.CONFIRM);

    assertThat(exchange.placeCalls).hasValue(1);
  }

  @Test
  void withoutACodeSetALargePlacementIsRefusedAtItsPreviewWithWhatToDo() {
    bot.say(ALICE, LARGE);

    assertThat(bot.lastReply(ALICE)).startsWith("🔐 The operator requires a step-up code to placing").contains("/2fa pin");
    assertThat(bot.telegram.lastWithButtons(dm(ALICE))).isEmpty();
  }

  @Test
  void aWrongCodeDoesNotPlaceCountsAndSaysTheAttemptsLeftThenTheRightOneStillWorks() {
    setPin();
    previewAndConfirm(LARGE);

    MessageRef wrong = bot.say(ALICE, "111111");

    assertThat(bot.telegram.deleted()).contains(wrong);
    assertThat(exchange.placeCalls).hasValue(0);
    assertThat(bot.lastReply(ALICE)).isEqualTo(StepUpReplies.wrongCode(4));
    assertThat(bot.audit(ALICE)).extracting(AuditEntry::action).contains(AuditAction.STEP_UP_FAILED);
    bot.say(ALICE, PIN);
    assertThat(exchange.placeCalls).hasValue(1);
  }

  @Test
  void fiveWrongCodesLockForFifteenMinutesTellTheAdminsAndSurviveARestart() {
    setPin();
    previewAndConfirm(LARGE);
    for (int i = 0; i < 5; i++) {
      bot.say(ALICE, "11111" + i);
    }

    assertThat(bot.lastReply(ALICE)).startsWith("🔒 Too many wrong step-up codes");
    assertThat(bot.lastReply(ADMIN)).startsWith("🔒 Admin notice: telegram user 1001 gave 5 wrong step-up codes");
    assertThat(bot.audit(ALICE)).extracting(AuditEntry::action).contains(AuditAction.STEP_UP_LOCKED);
    bot.restart();
    bot.say(ALICE, LARGE);
    assertThat(bot.lastReply(ALICE)).startsWith("🔒 Too many wrong step-up codes");
    assertThat(exchange.placeCalls).hasValue(0);

    bot.clock.advance(StepUpPolicy.LOCK);
    previewAndConfirm(LARGE);
    bot.say(ALICE, PIN);
    assertThat(exchange.placeCalls).hasValue(1);
  }

  @Test
  void whileLockedEvenTheRightCodeIsRefused() {
    setPin();
    previewAndConfirm(LARGE);
    for (int i = 0; i < 4; i++) {
      bot.say(ALICE, "22222" + i);
    }
    MessageRef second = previewAndConfirm(LARGE);
    bot.say(ALICE, "333333");
    assertThat(bot.lastReply(ALICE)).startsWith("🔒 Too many wrong step-up codes");

    bot.say(ALICE, PIN);
    bot.press(ALICE, second, Replies.CONFIRM);

    assertThat(bot.lastReply(ALICE)).startsWith("🔒 Too many wrong step-up codes");
    assertThat(exchange.placeCalls).hasValue(0);
  }

  @Test
  void aCodeAfterThePreviewExpiredPlacesNothing() {
    setPin();
    MessageRef preview = previewAndConfirm(LARGE);
    bot.clock.advance(bot.config.confirmTtl().plusSeconds(1));

    bot.say(ALICE, PIN);

    assertThat(exchange.placeCalls).hasValue(0);
    assertThat(bot.lastReply(ALICE)).contains("That came too late");
    bot.press(ALICE, preview, Replies.CONFIRM);
    assertThat(bot.telegram.now(preview).text()).isEqualTo(Replies.expired());
  }

  @Test
  void aPinSentWhenNoQuestionWaitsIsDeletedAllTheSame() {
    setPin();

    MessageRef stray = bot.say(ALICE, PIN);

    assertThat(bot.telegram.deleted()).contains(stray);
    assertThat(bot.lastReply(ALICE)).isEqualTo(StepUpReplies.strayCode(true));
    assertThat(exchange.placeCalls).hasValue(0);
  }

  @Test
  void anAuthenticatorTurnsOnWithItsFirstCodeAndACodeIsNeverTakenTwiceInItsStep() {
    bot.say(ALICE, "/2fa totp");
    String uri = bot.lastReply(ALICE);
    Secret secret = Secret.ofBytes(base32(secretOf(uri)));
    bot.say(ALICE, "000000".equals(Totp.code(secret, bot.clock.instant())) ? "111111" : "000000");
    assertThat(bot.lastReply(ALICE)).isEqualTo(StepUpReplies.wrongCode(4));
    bot.say(ALICE, Totp.code(secret, bot.clock.instant()));
    assertThat(bot.lastReply(ALICE)).startsWith("✅ Your authenticator is on");

    bot.clock.advance(Duration.ofSeconds(30));
    previewAndConfirm(LARGE);
    String code = Totp.code(secret, bot.clock.instant());
    bot.say(ALICE, code);
    assertThat(exchange.placeCalls).hasValue(1);

    previewAndConfirm(LARGE);
    bot.say(ALICE, code);
    assertThat(bot.lastReply(ALICE)).isEqualTo(StepUpReplies.replayed());
    assertThat(exchange.placeCalls).hasValue(1);
    bot.clock.advance(Duration.ofSeconds(30));
    bot.say(ALICE, Totp.code(secret, bot.clock.instant()));
    assertThat(exchange.placeCalls).hasValue(2);
    assertThat(bot.audit(ALICE)).extracting(AuditEntry::action).contains(AuditAction.STEP_UP_SET);
    assertThat(logs.all()).doesNotContain(code).doesNotContain(secretOf(uri));
    assertThat(bot.telegram.transcript().replace(uri, "")).doesNotContain(secretOf(uri)).doesNotContain(code);
  }

  @Test
  void panicCloseAsksForTheCodeButPanicDoesNot() {
    setPin();
    bot.say(ALICE, SMALL);
    bot.press(ALICE, bot.lastButtons(dm(ALICE)), Replies.CONFIRM);
    bot.say(ALICE, "/panic close");
    bot.press(ALICE, bot.lastButtons(dm(ALICE)), Replies.CONFIRM);

    assertThat(bot.lastReply(ALICE)).startsWith("🔐 Send your step-up code").contains("panic close");
    assertThat(exchange.marketOrders).isEmpty();
    bot.say(ALICE, PIN);
    assertThat(exchange.marketOrders).hasSize(1);
  }

  @Test
  void aKeyChangeRunsOnlyAfterTheRightCode() {
    setPin();
    bot.say(ALICE, "/delkey");
    assertThat(bot.vault().list(ALICE)).hasSize(1);
    assertThat(bot.lastReply(ALICE)).contains(StepUpReplies.keyChange());

    bot.say(ALICE, PIN);

    assertThat(bot.vault().list(ALICE)).isEmpty();
  }

  @Test
  void raisingOnesOwnLimitRunsOnlyAfterTheRightCodeWhileLoweringItNeverAsks(@TempDir Path other) {
    bot.close();
    bot = live(other, new StepUpPolicy(Optional.empty(), false, false, true));
    setPin();
    bot.say(ALICE, "/limits list 500");
    assertThat(bot.lastReply(ALICE)).doesNotContain("🔐");
    bot.say(ALICE, "/limits list 300");
    assertThat(bot.lastReply(ALICE)).doesNotContain("🔐");

    bot.say(ALICE, "/limits list 800");
    assertThat(bot.lastReply(ALICE)).startsWith("🔐 Send your step-up code").contains(StepUpReplies.limitRaise());
    bot.say(ALICE, "/limits");
    assertThat(bot.lastReply(ALICE)).contains("300").doesNotContain("800");
    bot.say(ALICE, "/limits list 800");
    bot.say(ALICE, PIN);
    bot.say(ALICE, "/limits");
    assertThat(bot.lastReply(ALICE)).contains("800");

    bot.say(ALICE, "/limits reset");
    assertThat(bot.lastReply(ALICE)).contains(StepUpReplies.limitRaise());
    bot.say(ALICE, "/limits");
    assertThat(bot.lastReply(ALICE)).contains("800");
  }

  @Test
  void withoutACodeSetAKeyChangeIsRefusedWithWhatToDo() {
    bot.say(ALICE, "/setkey " + API_KEY + " " + HMAC_SECRET);

    assertThat(bot.lastReply(ALICE)).isEqualTo(StepUpReplies.codeNeededButNoneSet(StepUpReplies.keyChange()));
    assertThat(bot.vault().list(ALICE)).hasSize(1);
    assertThat(bot.telegram.transcript()).doesNotContain(HMAC_SECRET);
  }

  @Test
  void twoFactorWorksOnlyInPrivateAndTurningItOffNeedsTheCode() {
    bot.sayInGroup(ALICE, "/2fa pin");
    assertThat(bot.lastReply(GROUP)).isEqualTo(StepUpReplies.privateOnly());
    setPin();
    bot.say(ALICE, "/2fa");
    assertThat(bot.lastReply(ALICE)).startsWith("Step-up code: a 6-digit PIN.").contains("placements above 100 USDT");

    bot.say(ALICE, "/2fa off");
    bot.say(ALICE, "999999");
    bot.say(ALICE, "/2fa");
    assertThat(bot.lastReply(ALICE)).startsWith("Step-up code: a 6-digit PIN.");
    bot.say(ALICE, "/2fa off");
    bot.say(ALICE, PIN);
    assertThat(bot.lastReply(ALICE)).isEqualTo(StepUpReplies.removed());
    assertThat(bot.audit(ALICE)).extracting(AuditEntry::action).contains(AuditAction.STEP_UP_REMOVED);
  }

  @Test
  void aPinOrCodeNeverReachesAChatOrALog() {
    setPin();
    previewAndConfirm(LARGE);
    bot.say(ALICE, "123987");
    bot.say(ALICE, PIN);

    assertThat(bot.telegram.transcript()).doesNotContain(PIN).doesNotContain("123987");
    assertThat(logs.all()).doesNotContain(PIN).doesNotContain("123987").doesNotContain(HMAC_SECRET);
    String hash = bot.stores(s -> s.stepUps().find(ALICE)).orElseThrow().pinHash().orElseThrow();
    assertThat(hash).startsWith("$argon2id$").doesNotContain(PIN);
  }

  @Test
  void onTheConsoleTheNextLineIsTheCode() {
    UserRef console = EngineConfig.CONSOLE_USER;
    bot.vault().store(console, new ApiCredentials(KeyType.HMAC, API_KEY, Secret.of(HMAC_SECRET)));
    bot.say(console, "/2fa pin");
    bot.say(console, PIN);
    bot.say(console, LARGE);
    bot.press(console, bot.lastButtons(dm(console)), Replies.CONFIRM);
    assertThat(bot.lastReply(console)).startsWith("🔐 Send your step-up code");

    bot.say(console, PIN);

    assertThat(exchange.placeCalls).hasValue(1);
    assertThat(bot.console.transcript()).doesNotContain(PIN);
  }

  @Test
  void wrongCodesSentAtOnceAreEachCountedAndLockOnce() throws Exception {
    setPin();
    bot.say(ALICE, LARGE);
    MessageRef preview = bot.lastButtons(dm(ALICE));
    String token = bot.telegram.now(preview).buttons().getFirst().token();
    java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
    java.util.List<Thread> threads = new java.util.ArrayList<>();
    for (int i = 0; i < StepUpPolicy.MAX_WRONG_CODES; i++) {
      String wrong = "90000" + i;
      Thread thread = Thread.ofPlatform().start(() -> {
        try {
          go.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        bot.engine().handle(new ChatEvent.CodeEntered(dm(ALICE), ChatKind.PRIVATE, ALICE, preview, token, wrong));
      });
      threads.add(thread);
    }
    go.countDown();
    for (Thread thread : threads) {
      thread.join();
    }

    assertThat(bot.audit(ALICE)).filteredOn(e -> e.action() == AuditAction.STEP_UP_FAILED).hasSize(StepUpPolicy.MAX_WRONG_CODES);
    assertThat(bot.audit(ALICE)).filteredOn(e -> e.action() == AuditAction.STEP_UP_LOCKED).hasSize(1);
    assertThat(bot.telegram.texts(dm(ADMIN))).hasSize(1);
    bot.engine().handle(new ChatEvent.CodeEntered(dm(ALICE), ChatKind.PRIVATE, ALICE, preview, token, PIN));
    assertThat(exchange.placeCalls).hasValue(0);
  }

  @Test
  void twoRightCodesAtOncePlaceOnce() throws Exception {
    setPin();
    bot.say(ALICE, LARGE);
    MessageRef preview = bot.lastButtons(dm(ALICE));
    String token = bot.telegram.now(preview).buttons().getFirst().token();
    ChatEvent.CodeEntered entered = new ChatEvent.CodeEntered(dm(ALICE), ChatKind.PRIVATE, ALICE, preview, token, PIN);
    Thread one = Thread.ofPlatform().start(() -> bot.engine().handle(entered));
    Thread two = Thread.ofPlatform().start(() -> bot.engine().handle(entered));
    one.join();
    two.join();

    assertThat(exchange.placeCalls).hasValue(1);
  }

  @Test
  void onPaperNoCodeIsEverAsked(@TempDir Path other) {
    EngineConfig config = EngineConfig.of(TradingEnvironment.PAPER, Set.of(ALICE), Set.of()).withStepUp(POLICY);
    FakeExchange paperExchange = new FakeExchange();
    try (TestBot paper = new TestBot(other, config, paperExchange, Optional.empty(), Optional.of(new RecordingEventSource()))) {
      paper.say(ALICE, LARGE);
      paper.press(ALICE, paper.lastButtons(dm(ALICE)), Replies.CONFIRM);

      assertThat(paperExchange.placeCalls).hasValue(1);
    }
  }

  static String secretOf(String text) {
    Matcher m = Pattern.compile("secret=([A-Z2-7]+)").matcher(text);
    assertThat(m.find()).as("an otpauth URI in: %s", text).isTrue();
    return m.group(1);
  }

  static byte[] base32(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int buffer = 0;
    int bits = 0;
    for (int i = 0; i < text.length(); i++) {
      buffer = (buffer << 5) | "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".indexOf(text.charAt(i));
      bits += 5;
      if (bits >= 8) {
        out.write((buffer >> (bits - 8)) & 0xff);
        bits -= 8;
      }
    }
    return out.toByteArray();
  }
}
