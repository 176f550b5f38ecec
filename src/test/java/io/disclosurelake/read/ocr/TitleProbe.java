package io.disclosurelake.read.ocr;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Manual probe: recognition of the first print lines of page 1 with several paddings and scales. */
public class TitleProbe {
    public static void main(String[] a) throws Exception {
        byte[] pdf = Files.readAllBytes(Path.of(a[0]));
        BufferedImage page = ScannedRenders.pages(a.length > 1 ? ScannedRenders.imageOnlyPdf(pdf, 200, ScannedRenders.Noise.CLEAN) : pdf, Integer.getInteger("dpi", 200), ScannedRenders.Noise.CLEAN).get(0);
        PageImage img = PageImage.of(page, (double) Integer.getInteger("dpi", 200), 3);
        OnnxTextRecognizer r = OnnxTextRecognizer.shared(1);
        System.out.println("skew " + img.skew + " dpi " + img.dpi + " size " + img.width + "x" + img.height);
        boolean[] mask = new boolean[img.width * img.height];
        for (PageImage.Line l : img.rulings(50)) {
            System.out.println(l);
        }
        List<int[]> lines = img.printLines(0, 0, img.width, img.height, null, 12);
        for (int k = 0; k < 2; k++) {
            int[] b = lines.get(k);
            System.out.println(java.util.Arrays.toString(b));
            for (int pad : new int[] {4, 8, 16, 32}) {
                BufferedImage c = img.crop(b[0], b[1], b[2], b[3], pad, null);
                System.out.println(pad + " " + r.recognize(c));
                if (k == 0 && pad == 8) javax.imageio.ImageIO.write(c, "png", new java.io.File("/tmp/title.png"));
            }
        }
    }
}
