package io.disclosurelake.extract;

import io.disclosurelake.read.FormatSniffer;
import io.disclosurelake.read.Grid;
import io.disclosurelake.read.ReadLimits;
import io.disclosurelake.read.Readers;

import java.nio.file.Files;
import java.nio.file.Path;

/** Manual aid: prints a file's grid as the readers give it (not a test). */
final class GridDumpMain {
    public static void main(String[] a) throws Exception {
        byte[] b = Files.readAllBytes(Path.of(a[0]));
        Grid g = Readers.forFormat(FormatSniffer.sniff(b, a[0])).read(b, ReadLimits.defaults());
        for (Grid.Block bl : g.blocks()) {
            if (bl instanceof Grid.Paragraph p) System.out.println("P[" + p.page() + "] " + p.text());
            else if (bl instanceof Grid.Table t) {
                System.out.println("TABLE");
                for (var row : t.rows()) {
                    StringBuilder sb = new StringBuilder("  ");
                    for (var c : row) sb.append(c.col()).append(c.continuation() ? "~" : "").append(c.rowSpan() > 1 || c.colSpan() > 1 ? "(" + c.rowSpan() + "x" + c.colSpan() + ")" : "").append("=").append(c.text().replace("\n", "⏎")).append(" | ");
                    System.out.println(sb);
                }
            }
        }
    }
}
