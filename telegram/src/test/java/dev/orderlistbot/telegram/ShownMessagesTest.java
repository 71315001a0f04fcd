package dev.orderlistbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.domain.ChatRef;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ShownMessagesTest {
  private static final ChatRef CHAT = new ChatRef("telegram", "42");
  private final ShownMessages shown = new ShownMessages();

  private static MessageRef message(int id) {
    return new MessageRef(CHAT, Integer.toString(id));
  }

  @Test
  void aMessageNeverSeenIsUnknown() {
    assertThat(shown.of(message(1))).isEmpty();
  }

  @Test
  void aTextKeepsThePhotoThatShowsItsPictureWhenEditedAgain() {
    shown.textWithPicture(message(2), 1);

    shown.text(message(2));

    assertThat(shown.of(message(2))).contains(new ShownMessages.Shown(false, Optional.of(1)));
  }

  @Test
  void aPhotoKeepsTheRestMessageOfItsCaptionWhenEditedAgain() {
    shown.photoWithRest(message(4), Optional.of(5));

    shown.photo(message(4));

    assertThat(shown.of(message(4))).contains(new ShownMessages.Shown(true, Optional.empty(), Optional.of(5)));
  }

  @Test
  void aPhotoFoundToBeATextHasNoPicture() {
    shown.photo(message(3));

    shown.text(message(3));

    assertThat(shown.of(message(3))).contains(new ShownMessages.Shown(false, Optional.empty()));
  }

  @Test
  void onlyTheMostRecentlyUsedMessagesAreKept() {
    shown.photo(message(0));
    for (int id = 1; id < ShownMessages.CAPACITY; id++) {
      shown.text(message(id));
    }
    shown.of(message(0)); // used: the eldest is now message 1

    shown.text(message(ShownMessages.CAPACITY));

    assertThat(shown.size()).isEqualTo(ShownMessages.CAPACITY);
    assertThat(shown.of(message(0))).isPresent();
    assertThat(shown.of(message(1))).isEmpty();
  }
}
