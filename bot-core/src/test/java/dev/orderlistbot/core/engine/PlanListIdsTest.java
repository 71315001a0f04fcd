package dev.orderlistbot.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.domain.order.LegRole;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The client list ids of a plan's lists: the confirmation's id and the list's index, every leg id fitting. */
class PlanListIdsTest {
  private static final UUID CONFIRMATION = UUID.fromString("6f1c2a4e-8b3d-4c5e-9f7a-1b2c3d4e5f60");

  @Test
  void eachListOfAPlanHasItsOwnIdDerivedFromTheConfirmationAndItsIndex() {
    ClientListId first = Tokens.planListId(CONFIRMATION, 0);
    ClientListId second = Tokens.planListId(CONFIRMATION, 1);

    assertThat(first.value()).isEqualTo(Tokens.clientListId(CONFIRMATION).value() + "-0");
    assertThat(second.value()).endsWith("-1").isNotEqualTo(first.value());
    assertThat(Tokens.planListId(CONFIRMATION, 1)).as("the same every time").isEqualTo(second);
  }

  @Test
  void theLongestIndexStillLeavesRoomForEveryLegId() {
    ClientListId longest = Tokens.planListId(CONFIRMATION, 9_999_999);

    assertThat(longest.value()).hasSize(3 + ClientListId.MAX_KEY_LENGTH);
    for (LegRole role : LegRole.values()) {
      assertThat(longest.legId(role).value()).hasSizeLessThanOrEqualTo(36);
    }
    assertThatThrownBy(() -> Tokens.planListId(CONFIRMATION, 10_000_000)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theConfirmationIsFoundFromAnyListOfItsPlan() {
    assertThat(Tokens.confirmationId(Tokens.planListId(CONFIRMATION, 0))).contains(CONFIRMATION);
    assertThat(Tokens.confirmationId(Tokens.planListId(CONFIRMATION, 42))).contains(CONFIRMATION);
    assertThat(Tokens.confirmationId(Tokens.clientListId(CONFIRMATION))).contains(CONFIRMATION);
    assertThat(Tokens.confirmationId(new ClientListId("ob-someone-elses-id-3"))).isEmpty();
  }
}
