package dev.orderlistbot.telegram;

import dev.orderlistbot.core.chat.MessageRef;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the bot's recent messages show, as this process sent or edited them: a photo (whose caption
 * is the text, and possibly the text message after it showing the rest of a caption too long) or a
 * text, and for a text the photo sent just before it (or for it) that shows its picture. Telegram
 * edits the two with different methods, so the adapter asks here which method to use.
 *
 * <p>Bounded: the {@value #CAPACITY} most recently used messages are kept, in memory only. A message
 * not (or no longer) known is guessed from the edit (a photo when the edit carries a picture, else a
 * text), and Telegram's {@code 400} for the wrong method corrects the guess, so a restart or an old
 * message costs one refused call, never a lost edit. Thread-safe.
 */
final class ShownMessages {
  static final int CAPACITY = 10_000;

  /**
   * A message as shown: a photo, possibly with the text message after it that shows the rest of a
   * caption too long for it, or a text with possibly the photo that shows its picture.
   */
  record Shown(boolean photo, Optional<Integer> picture, Optional<Integer> rest) {
    Shown(boolean photo, Optional<Integer> picture) {
      this(photo, picture, Optional.empty());
    }

    static Shown photoMessage() {
      return new Shown(true, Optional.empty());
    }

    static Shown text(Optional<Integer> picture) {
      return new Shown(false, picture);
    }
  }

  private final Map<String, Shown> known =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Shown> eldest) {
          return size() > CAPACITY;
        }
      };

  synchronized Optional<Shown> of(MessageRef message) {
    return Optional.ofNullable(known.get(key(message)));
  }

  /** {@code message} is a photo; its caption is the text. A rest message it was known to have is kept. */
  synchronized void photo(MessageRef message) {
    Shown before = known.get(key(message));
    known.put(key(message), before != null && before.photo() ? before : Shown.photoMessage());
  }

  /** {@code photo} is a photo whose caption's rest is shown by the text {@code restId}, or by none. */
  synchronized void photoWithRest(MessageRef photo, Optional<Integer> restId) {
    known.put(key(photo), new Shown(true, Optional.empty(), restId));
  }

  /** {@code message} is a text; a picture it was known to have is kept. */
  synchronized void text(MessageRef message) {
    Shown before = known.get(key(message));
    known.put(key(message), Shown.text(before == null || before.photo() ? Optional.empty() : before.picture()));
  }

  /** {@code message} is a text whose picture is shown by the photo {@code photoId}. */
  synchronized void textWithPicture(MessageRef message, int photoId) {
    known.put(key(message), Shown.text(Optional.of(photoId)));
  }

  synchronized void forget(MessageRef message) {
    known.remove(key(message));
  }

  synchronized int size() {
    return known.size();
  }

  private static String key(MessageRef message) {
    return message.chat().chatId() + "/" + message.messageId();
  }
}
