package io.disclosurelake.read.ocr;

import java.awt.image.BufferedImage;

/** Manual probe: time of one recognition by crop width. */
public class RecBench {
    public static void main(String[] a) {
        OnnxTextRecognizer r = OnnxTextRecognizer.shared(Integer.parseInt(a[0]));
        for (int w : new int[] {320, 640, 1280, 2000}) {
            BufferedImage img = new BufferedImage(w, 48, BufferedImage.TYPE_BYTE_GRAY);
            r.recognize(img);
            long t0 = System.nanoTime();
            for (int i = 0; i < 10; i++) r.recognize(img);
            System.out.printf("width %d: %.1f ms%n", w, (System.nanoTime() - t0) / 1e7);
        }
    }
}
