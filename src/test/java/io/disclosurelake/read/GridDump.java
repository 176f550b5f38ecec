package io.disclosurelake.read;

import java.util.List;

/** Renders a grid as text for test failure messages. */
final class GridDump {
    private GridDump() {}

    static String dump(Grid g) {
        StringBuilder sb = new StringBuilder();
        for (Grid.Block b : g.blocks()) {
            if (b instanceof Grid.Paragraph p) sb.append("P[").append(p.page()).append("] ").append(p.text()).append('\n');
            else if (b instanceof Grid.Table t) {
                sb.append("TABLE ").append(t.rows().size()).append('x').append(t.columnCount()).append('\n');
                for (List<Grid.GridCell> row : t.rows()) {
                    sb.append("  |");
                    for (Grid.GridCell c : row) sb.append(c.continuation() ? "~" : "").append(c.text()).append('|');
                    sb.append('\n');
                }
            }
        }
        return sb.toString();
    }

    static List<String> rowTexts(Grid.Table t, int row) {
        return t.rows().get(row).stream().map(Grid.GridCell::text).toList();
    }
}
