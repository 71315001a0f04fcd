package dev.orderlistbot.core.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PictureTest {
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};

  @Test
  void aPictureKeepsItsBytesWhateverTheCallerDoesWithTheArray() {
    byte[] bytes = PNG.clone();
    Picture picture = Picture.png(bytes, "chart-BTCUSDT.png");
    bytes[9] = 42;
    picture.bytes()[10] = 42;

    assertThat(picture.bytes()).isEqualTo(PNG);
    assertThat(picture.size()).isEqualTo(PNG.length);
    assertThat(picture).isEqualTo(Picture.png(PNG, "chart-BTCUSDT.png")).hasSameHashCodeAs(Picture.png(PNG, "chart-BTCUSDT.png"));
    assertThat(picture.toString()).isEqualTo("Picture[chart-BTCUSDT.png, 12 bytes]");
  }

  @Test
  void bytesThatAreNoPngAreRefused() {
    assertThatThrownBy(() -> Picture.png("GIF89a....".getBytes(java.nio.charset.StandardCharsets.US_ASCII), "chart.png"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a picture must be a PNG");
  }

  @Test
  void aFileNameThatCouldWalkOutOfAFolderIsRefused() {
    assertThatThrownBy(() -> Picture.png(PNG, "../chart.png")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Picture.png(PNG, "chart.jpg")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Picture.png(PNG, "a/b.png")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aMessageWithoutItsPictureKeepsItsTextAndButtons() {
    OutboundMessage message =
        OutboundMessage.withButtons("preview", new Button("Confirm", "r:1")).withPicture(Picture.png(PNG, "chart.png"));

    assertThat(message.picture()).isPresent();
    assertThat(message.withoutPicture())
        .isEqualTo(new OutboundMessage("preview", List.of(List.of(new Button("Confirm", "r:1")))));
  }
}
