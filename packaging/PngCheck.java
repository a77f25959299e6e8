import java.awt.image.BufferedImage;
import java.io.File;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Is this PNG a drawn window rather than a blank one? {@code java packaging/PngCheck.java FILE W H}
 * exits 0 when the image is W x H pixels, has at least 64 distinct colours and no single colour
 * covers more than 90% of it; otherwise prints what failed and exits 1 (2 for bad arguments).
 */
public class PngCheck {

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: java packaging/PngCheck.java FILE WIDTH HEIGHT");
      System.exit(2);
    }
    File file = new File(args[0]);
    BufferedImage image = ImageIO.read(file);
    if (image == null) {
      fail(file + " is not a readable PNG");
    }
    int w = Integer.parseInt(args[1]);
    int h = Integer.parseInt(args[2]);
    if (image.getWidth() != w || image.getHeight() != h) {
      fail(file + " is " + image.getWidth() + "x" + image.getHeight() + ", expected " + w + "x" + h);
    }
    Map<Integer, Integer> counts = new HashMap<>();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        counts.merge(image.getRGB(x, y), 1, Integer::sum);
      }
    }
    int top = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    double topShare = top / (double) (w * h);
    String figures =
        counts.size() + " distinct colours, the commonest covers " + Math.round(topShare * 100) + "%";
    if (counts.size() < 64 || topShare > 0.90) {
      fail(file + " looks blank: " + figures);
    }
    System.out.println("PngCheck: " + file + " " + w + "x" + h + ", " + figures);
  }

  private static void fail(String why) {
    System.err.println("PngCheck: " + why);
    System.exit(1);
  }
}
