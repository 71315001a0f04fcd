package dev.orderlistbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CaptionTest {

  @Test
  void aTextOfUpTo1024CharactersIsTheWholeCaption() {
    String text = "x".repeat(1024);

    assertThat(Caption.fits(text)).isTrue();
    assertThat(Caption.cut(text)).isEqualTo(new Caption(text, ""));
    assertThat(Caption.fits(text + "y")).isFalse();
  }

  @Test
  void whetherATextFitsIsJudgedOnTheTextAsUploadedBlankLinesAndTrailingSpacesIncluded() {
    String text = "\n\n" + "x".repeat(1022) + "  ";

    assertThat(Caption.fits(text)).isFalse();
    assertThat(Caption.cut(text).shown()).hasSizeLessThanOrEqualTo(1024);
  }

  @Test
  void escapingForHtmlDoesNotCountAgainstTheLimitBecauseTelegramCountsTheParsedText() {
    String text = "<&>".repeat(340);

    assertThat(MessageRenderer.html(text)).hasSizeGreaterThan(1024);
    assertThat(Caption.fits(text)).isTrue();
  }

  @Test
  void aLongerTextIsCutAtALineBreakWithAnEllipsisAndTheRestKeptWhole() {
    String text = IntStream.range(0, 40).mapToObj(i -> "line " + i + " " + "-".repeat(40)).collect(Collectors.joining("\n"));

    Caption caption = Caption.cut(text);

    assertThat(caption.shown()).hasSizeLessThanOrEqualTo(1024).endsWith("-\n…");
    assertThat(caption.complete()).isFalse();
    assertThat(caption.rest()).startsWith("line ");
    assertThat(caption.shown().substring(0, caption.shown().length() - 2) + "\n" + caption.rest()).isEqualTo(text);
  }

  @Test
  void oneHugeLineIsCutInsideIt() {
    Caption caption = Caption.cut("z".repeat(3000));

    assertThat(caption.shown()).hasSize(1024).endsWith("\n…");
    assertThat(caption.rest()).hasSize(3000 - 1022);
  }
}
