package dev.orderlistbot.core.command;

import static dev.orderlistbot.core.command.Lines.parsed;
import static dev.orderlistbot.core.command.Lines.refusedNaming;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderlistbot.core.domain.UserRef;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code /audit [USER] [N]}: every form and every mistake, each answered with the right form. */
class AuditCommandTest {
  private static final UserRef TELEGRAM_USER = new UserRef("telegram", "123456789");

  @Test
  void aloneItAsksForTheLatestTwentyEntriesOfEveryone() {
    assertThat(parsed("/audit")).isEqualTo(new Command.ShowAudit(Optional.empty(), 20));
  }

  @Test
  void aNumberAloneIsHowManyEntries() {
    assertThat(parsed("/audit 50")).isEqualTo(new Command.ShowAudit(Optional.empty(), 50));
    assertThat(parsed("/audit 1")).isEqualTo(new Command.ShowAudit(Optional.empty(), 1));
    assertThat(parsed("/audit 100")).isEqualTo(new Command.ShowAudit(Optional.empty(), 100));
  }

  @Test
  void aUserIsWrittenAsInBotAdminsAndMayBeFollowedByTheNumber() {
    assertThat(parsed("/audit telegram:123456789")).isEqualTo(new Command.ShowAudit(Optional.of(TELEGRAM_USER), 20));
    assertThat(parsed("/audit Telegram:123456789 5")).isEqualTo(new Command.ShowAudit(Optional.of(TELEGRAM_USER), 5));
    assertThat(parsed("/audit discord:112233445566778899 100"))
        .isEqualTo(new Command.ShowAudit(Optional.of(new UserRef("discord", "112233445566778899")), 100));
  }

  @ParameterizedTest
  @CsvSource({"/audit 0, 0", "/audit 101, 101", "/audit 5000, 5000", "/audit 2x, 2x", "/audit telegram:1 many, many", "/audit telegram:1 -3, -3"})
  void aNumberOutsideOneToAHundredIsRefusedWithTheRange(String line, String token) {
    assertThat(refusedNaming(line, token).message()).contains("a whole number from 1 to 100").contains("/audit 50");
  }

  @ParameterizedTest
  @CsvSource({"/audit alice, alice", "/audit telegram:, telegram:", "/audit :123, :123", "/audit 9telegram:1, 9telegram:1"})
  void aUserNotWrittenAsPlatformColonIdIsRefusedWithTheForm(String line, String token) {
    assertThat(refusedNaming(line, token).message()).contains("is not a user: write platform:id as in BOT_ADMINS");
  }

  @Test
  void aWordAfterTheNumberIsRefusedWithTheUsage() {
    assertThat(refusedNaming("/audit telegram:1 5 more", "more").message()).contains("/audit [USER] [N]");
    assertThat(refusedNaming("/audit 5 telegram:1", "telegram:1").message()).contains("/audit [USER] [N]");
  }

  @Test
  void theCommandCannotHoldACountOutsideItsRange() {
    assertThatThrownBy(() -> new Command.ShowAudit(Optional.empty(), 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Command.ShowAudit(Optional.empty(), 101)).isInstanceOf(IllegalArgumentException.class);
  }
}
