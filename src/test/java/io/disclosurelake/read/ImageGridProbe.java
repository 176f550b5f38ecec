package io.disclosurelake.read;

import io.disclosurelake.generate.PageScanner;
import io.disclosurelake.generate.ScanProfile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** Manual probe: ImageGridProbe png|jpg|tiff clean|noisy golden.pdf [out-file] — prints the OCR grid of the generator's image file. */
public class ImageGridProbe {
    public static void main(String[] a) throws Exception {
        PageScanner.Output out = switch (a[0]) { case "png" -> PageScanner.Output.PNG; case "jpg" -> PageScanner.Output.JPEG; default -> PageScanner.Output.TIFF; };
        ScanProfile profile = a[1].equals("noisy") ? ScanProfile.NOISY : ScanProfile.CLEAN;
        PageScanner.Scanned s = PageScanner.scan(Files.readAllBytes(Path.of(a[2])), out, Set.of(), profile, 1);
        if (a.length > 3) Files.write(Path.of(a[3]), s.bytes());
        Grid g = new ImageReader().read(s.bytes(), ReadLimits.defaults());
        for (Grid.Block b : g.blocks()) {
            if (b instanceof Grid.Paragraph p) System.out.println("P" + p.page() + ": " + p.text());
            else if (b instanceof Grid.Table t) {
                for (var row : t.rows()) {
                    StringBuilder sb = new StringBuilder("  |");
                    for (var c : row) if (!c.continuation()) sb.append(c.text()).append(String.format("(%.2f)|", c.confidence()));
                    System.out.println(sb);
                }
            }
        }
    }
}
