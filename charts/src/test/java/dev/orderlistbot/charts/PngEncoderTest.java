package dev.orderlistbot.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** What {@link PngEncoder} writes, read back by the JDK's PNG reader (a reader independent of the encoder). */
class PngEncoderTest {

  @Test
  void aPictureOfRandomColoursDecodesToExactlyItsPixels() throws IOException {
    BufferedImage noise = new BufferedImage(37, 23, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(19);
    for (int y = 0; y < noise.getHeight(); y++) {
      for (int x = 0; x < noise.getWidth(); x++) {
        noise.setRGB(x, y, random.nextInt());
      }
    }

    assertThat(pixels(decode(PngEncoder.encode(noise)))).isEqualTo(pixels(noise));
  }

  @Test
  void aPictureLargerThanOneDeflateChunkDecodesToExactlyItsPixels() throws IOException {
    // random rows do not compress: several IDAT chunks
    BufferedImage large = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(23);
    for (int y = 0; y < large.getHeight(); y++) {
      for (int x = 0; x < large.getWidth(); x++) {
        large.setRGB(x, y, y % 2 == 0 ? random.nextInt() : 0x123456);
      }
    }

    byte[] png = PngEncoder.encode(large);

    assertThat(png.length).isGreaterThan(2 * 32 * 1024);
    assertThat(pixels(decode(png))).isEqualTo(pixels(large));
  }

  @Test
  void aOnePixelPictureIsAValidPngWithCorrectChunkChecksums() throws IOException {
    BufferedImage dot = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
    dot.setRGB(0, 0, 0xFF8000);

    byte[] png = PngEncoder.encode(dot);

    assertThat(png).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
    int at = 8;
    StringBuilder types = new StringBuilder();
    while (at < png.length) {
      int length = intAt(png, at);
      CRC32 crc = new CRC32();
      crc.update(png, at + 4, 4 + length);
      types.append(new String(png, at + 4, 4, java.nio.charset.StandardCharsets.US_ASCII)).append(' ');
      assertThat(intAt(png, at + 8 + length)).isEqualTo((int) crc.getValue());
      at += 12 + length;
    }
    assertThat(types.toString()).isEqualTo("IHDR IDAT IEND ");
    assertThat(decode(png).getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xFF8000);
  }

  @Test
  void aPictureOfAnotherLayoutIsRefusedRatherThanMisread() {
    BufferedImage bgr = new BufferedImage(4, 4, BufferedImage.TYPE_3BYTE_BGR);
    BufferedImage part = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB).getSubimage(2, 2, 4, 4);

    assertThatThrownBy(() -> PngEncoder.encode(bgr)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PngEncoder.encode(part)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aChartDecodesToTheSamePictureAsTheJdkWritersPngOfIt() throws IOException {
    BufferedImage chart = new CandleChartRenderer().draw(CandleChartRendererTest.otoco("31000", "29000"));
    ByteArrayOutputStream jdk = new ByteArrayOutputStream();
    ImageIO.write(chart, "png", jdk);

    byte[] ours = PngEncoder.encode(chart);

    assertThat(pixels(decode(ours))).isEqualTo(pixels(decode(jdk.toByteArray()))).isEqualTo(pixels(chart));
    // level 1 and no row filter: larger than the JDK writer's file, within a quarter
    assertThat(ours.length).isLessThan(jdk.size() * 5 / 4);
  }

  static int[] pixels(BufferedImage image) {
    int[] rgb = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    for (int i = 0; i < rgb.length; i++) {
      rgb[i] &= 0xFFFFFF;
    }
    return rgb;
  }

  private static BufferedImage decode(byte[] png) throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image).as("decodable").isNotNull();
    return image;
  }

  private static int intAt(byte[] bytes, int at) {
    return (bytes[at] & 0xFF) << 24 | (bytes[at + 1] & 0xFF) << 16 | (bytes[at + 2] & 0xFF) << 8 | (bytes[at + 3] & 0xFF);
  }
}
