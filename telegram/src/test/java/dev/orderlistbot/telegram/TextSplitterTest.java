package dev.orderlistbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextSplitterTest {

  @Test
  void textWithinTheLimitIsOnePart() {
    assertThat(TextSplitter.split("a\nb", 10)).containsExactly("a\nb");
  }

  @Test
  void wholeLinesArePackedUntilTheNextWouldNotFit() {
    assertThat(TextSplitter.split("aaa\nbbb\nccc\nd", 7)).containsExactly("aaa\nbbb", "ccc\nd");
  }

  @Test
  void aLineLongerThanTheLimitIsCutInside() {
    assertThat(TextSplitter.split("ab\n" + "x".repeat(12) + "\ncd", 5))
        .containsExactly("ab", "xxxxx", "xxxxx", "xx\ncd");
  }

  @Test
  void aSurrogatePairIsNeverCutInTwo() {
    String emoji = "😀";
    List<String> parts = TextSplitter.split("abc" + emoji + "de", 4);

    assertThat(parts).containsExactly("abc", emoji + "de");
  }

  @Test
  void blankPartsAreDroppedBecauseTelegramRefusesThem() {
    assertThat(TextSplitter.split("a\n\n\n\n\n\nb", 2)).containsExactly("a", "b");
  }

  @Test
  void lineBoundaryAtExactlyTheLimitFits() {
    assertThat(TextSplitter.split("abcd\nefgh", 9)).containsExactly("abcd\nefgh");
    assertThat(TextSplitter.split("abcd\nefgh", 8)).containsExactly("abcd", "efgh");
  }
}
