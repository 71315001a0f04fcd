package dev.orderlistbot.telegram;

import dev.orderlistbot.core.chat.Picture;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Real PNG charts for the tests: a plain image of a size and colour. */
final class Pngs {
  static final String PNG_HEAD = "89504e470d0a1a0a";

  private Pngs() {}

  static Picture chart(String fileName, int width, int height, Color colour) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < width; x++) {
      for (int y = 0; y < height; y++) {
        image.setRGB(x, y, (x + y) % 7 == 0 ? Color.WHITE.getRGB() : colour.getRGB());
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Picture.png(out.toByteArray(), fileName);
  }
}
