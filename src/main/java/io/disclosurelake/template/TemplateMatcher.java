package io.disclosurelake.template;

import io.disclosurelake.spec.TemplateSpec;
import io.disclosurelake.model.Cell;
import io.disclosurelake.read.Grid;
import io.disclosurelake.read.Grid.GridCell;
import io.disclosurelake.spec.TemplateSpec.Version;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the three statistical tables in a {@link Grid} whose tables have cells: rows are recognised by
 * their labels (with the outcome group they sit under), columns by the header row or, when the header
 * is merged or odd, as the last cells of the row. Tables continued over pages are read as one, since
 * rows are walked across table blocks; a group heading with its own numbers (a subtotal the template
 * lacks) is recognised and left out with a warning. Text without table cells goes to {@link GluedTextMatcher}.
 */
public final class TemplateMatcher {

    private enum Section { NONE, ACTIVE, APPLICATIONS, REVIEW }

    /** A row of a table block, or a paragraph seen as a one-cell row (headings, vertical labels). */
    private record Row(List<GridCell> cells, boolean paragraph) {}

    public MatchedTables match(Grid grid) { return match(grid, Version.UNKNOWN); }

    /**
     * With the document's template version known, columns a document leaves unnamed (an OCR dump whose
     * header band was lost, headed 列1 列2 …) are placed by that version's column order, checked by the
     * sum rules where the table has them; without the version they stay unread.
     */
    public MatchedTables match(Grid grid, Version version) {
        List<Row> rows = new ArrayList<>();
        for (Grid.Block b : grid.blocks()) {
            if (b instanceof Grid.Paragraph p) {
                rows.add(new Row(List.of(new GridCell(0, 0, 1, 1, p.text(), p.page(), Double.NaN, Double.NaN,
                        Double.NaN, Double.NaN, false)), true));
            } else if (b instanceof Grid.Table t) {
                for (List<GridCell> r : t.rows()) {
                    List<GridCell> sorted = new ArrayList<>(r);
                    sorted.sort(Comparator.comparingInt(GridCell::col));
                    rows.add(new Row(sorted, false));
                }
            }
        }
        return new Walk(version).run(rows);
    }

    /** The state of one pass over the rows. */
    private static final class Walk {
        final MatchedTables out = new MatchedTables();
        final Version version;

        Walk(Version version) { this.version = version; }
        Section section = Section.NONE;
        // table 二
        List<GridCell> activeHeader = null;
        // table 三
        final List<GridCell> applicantHeader = new ArrayList<>();
        int[] applicantCols = null;
        String group = null;
        String lastGroup = null;
        boolean otherFromHeading = false;
        /** Label text of rows without numbers since the last row with numbers (labels wrapped over lines). */
        final List<String> pendingLabel = new ArrayList<>();
        // table 四
        boolean reviewHeaderSeen = false;

        MatchedTables run(List<Row> rows) {
            for (Row row : rows) {
                Section s = sectionOf(row);
                if (s != null && s != section) {
                    section = s;
                    group = null;
                    lastGroup = null;
                }
                if (row.paragraph() && section != Section.APPLICATIONS) continue;
                if (!row.paragraph() && isGenericHeader(row)) continue; // 列1 列2 …: names no column, and no label either
                switch (section) {
                    case ACTIVE -> activeRow(row);
                    case APPLICATIONS -> applicationRow(row);
                    case REVIEW -> reviewRow(row);
                    default -> { }
                }
            }
            if (deferred != null) unplaced(deferred);
            placeByNeighbours();
            if (out.review == null && blankReview != null) out.review = blankReview;
            return out;
        }

        /** Column names an export gives a table whose own header it did not keep: 列1, Column2, 字段3. */
        static final java.util.regex.Pattern GENERIC_COLUMN =
                java.util.regex.Pattern.compile("(?i)(列|字段|column|col)\\s*\\d{1,3}");

        static boolean isGenericHeader(Row row) {
            List<GridCell> named = row.cells().stream().filter(c -> !c.isEmpty()).toList();
            return named.size() >= 2 && named.stream().allMatch(c -> GENERIC_COLUMN.matcher(c.text().strip()).matches());
        }

        Section sectionOf(Row row) {
            List<GridCell> nonEmpty = row.cells().stream().filter(c -> !c.isEmpty()).toList();
            if (nonEmpty.size() == 1) {
                String sec = TemplateLabels.section(nonEmpty.get(0).text());
                if (sec != null) return switch (sec) {
                    case "active" -> Section.ACTIVE;
                    case "applications" -> Section.APPLICATIONS;
                    case "review_litigation" -> Section.REVIEW;
                    default -> Section.NONE;
                };
            }
            if (row.paragraph()) return null;
            for (GridCell c : nonEmpty) {
                String n = LabelNormalizer.normalize(c.text());
                if (n.contains("第二十条")) return Section.ACTIVE;
                if (TemplateLabels.containsAny(n, TemplateSpec.REVIEW_HEADER_KEYWORDS)) return Section.REVIEW;
                if (TemplateLabels.containsAny(n, TemplateSpec.APPLICANT_HEADER_KEYWORDS)
                        || "new".equals(TemplateLabels.topLevelRow(c.text()))) return Section.APPLICATIONS;
            }
            return null;
        }

        // ------------------------------------------------------------ table 二

        void activeRow(Row row) {
            List<GridCell> cells = row.cells().stream().filter(c -> !c.continuation()).toList();
            boolean anyNumber = cells.stream().anyMatch(c -> CellText.isNumber(c.text()));
            List<GridCell> headers = cells.stream().filter(c -> TemplateLabels.activeColumn(c.text()) != null).toList();
            if (!headers.isEmpty() && !anyNumber) { activeHeader = headers; return; }
            GridCell label = null;
            for (GridCell c : cells) if (!c.isEmpty() && !CellText.isValueLike(c.text())) { label = c; break; }
            if (label == null) return;
            String rowLabel = TemplateLabels.activeRow(label.text());
            if (rowLabel == null) return;
            if (activeHeader == null) { activeRowByTemplateOrder(rowLabel, label, cells); return; }
            final int labelCol = label.col();
            List<GridCell> values = cells.stream().filter(c -> c.col() > labelCol).toList();
            List<GridCell> mapped = new ArrayList<>();
            boolean byPosition = true;
            for (GridCell h : activeHeader) {
                GridCell v = values.stream().filter(c -> c.col() == h.col()).findFirst().orElse(null);
                if (v == null) { byPosition = false; break; }
                mapped.add(v);
            }
            if (!byPosition) {
                mapped.clear();
                if (values.size() == activeHeader.size()) mapped.addAll(values);
            }
            for (int i = 0; i < activeHeader.size(); i++) {
                String col = TemplateLabels.activeColumn(activeHeader.get(i).text());
                String key = MatchedTables.activeKey(rowLabel, col);
                if (out.active.containsKey(key)) continue;
                if (mapped.isEmpty()) {
                    out.active.put(key, Cell.unreadable(TemplateSpec.ACTIVE_TABLE, key, TemplateSpec.ACTIVE_COLUMN_KEY,
                            joined(values), label.page()));
                    out.warnings.add("table 二 " + rowLabel + ": " + values.size() + " cells under " + activeHeader.size()
                            + " headers; " + col + " unreadable");
                } else {
                    out.active.put(key, cell(TemplateSpec.ACTIVE_TABLE, key, TemplateSpec.ACTIVE_COLUMN_KEY, mapped.get(i)));
                }
            }
        }

        /**
         * A table 二 row under no header naming its columns: its cells, in order, are the columns the
         * version's template prints for that row (2019: 上一年项目数量 | 本年增/减 | 处理决定数量 …; 2021:
         * 本年制发件数 | 本年废止件数 | 现行有效件数 …), when there are exactly as many; else unreadable.
         */
        void activeRowByTemplateOrder(String rowLabel, GridCell label, List<GridCell> cells) {
            List<String> columns = templateActiveColumns(rowLabel);
            List<GridCell> values = new ArrayList<>(cells.stream().filter(c -> c.col() > label.col()).toList());
            while (!values.isEmpty() && values.get(values.size() - 1).isEmpty()) values.remove(values.size() - 1);
            if (columns.isEmpty() || values.isEmpty()) return;
            boolean fits = values.size() == columns.size() && values.stream().allMatch(c -> CellText.isValueLike(c.text()));
            if (!fits) out.warnings.add("table 二 " + rowLabel + ": " + values.size() + " cells under no column header where the "
                    + version.id + " template prints " + columns.size() + "; unreadable");
            else out.warnings.add("table 二 " + rowLabel + ": no column header; cells read in the " + version.id + " template's column order");
            for (int i = 0; i < columns.size(); i++) {
                String key = MatchedTables.activeKey(rowLabel, columns.get(i));
                if (out.active.containsKey(key)) continue;
                out.active.put(key, fits ? cell(TemplateSpec.ACTIVE_TABLE, key, TemplateSpec.ACTIVE_COLUMN_KEY, values.get(i))
                        : Cell.unreadable(TemplateSpec.ACTIVE_TABLE, key, TemplateSpec.ACTIVE_COLUMN_KEY, joined(values), label.page()));
            }
        }

        /** The canonical column labels the version's table 二 prints for a row, in print order; none when the version is not known. */
        List<String> templateActiveColumns(String rowLabel) {
            List<String> cols = new ArrayList<>();
            if (version == Version.V2019) {
                for (TemplateSpec.Active2019Field f : TemplateSpec.ACTIVE_2019_FIELDS)
                    if (rowLabel.equals(TemplateLabels.activeRow(f.rowLabel()))) cols.add(TemplateLabels.activeColumn(f.columnLabel()));
            } else if (version == Version.V2021) {
                for (TemplateSpec.ActiveField f : TemplateSpec.ACTIVE_FIELDS)
                    if (f.columnLabel2021() != null && rowLabel.equals(TemplateLabels.activeRow(f.rowLabel())))
                        cols.add(TemplateLabels.activeColumn(f.columnLabel2021()));
            }
            return cols.contains(null) ? List.of() : cols;
        }

        // ------------------------------------------------------------ table 三

        void applicationRow(Row row) {
            List<GridCell> labels = new ArrayList<>();
            for (GridCell c : row.cells()) if (!c.isEmpty() && !CellText.isValueLike(c.text())) labels.add(c);
            if (row.paragraph()) {
                if (LabelNormalizer.normalize(row.cells().get(0).text()).length() <= 30) updateGroup(labels);
                return;
            }
            boolean anyNumber = row.cells().stream().anyMatch(c -> !c.continuation() && CellText.isNumber(c.text()));
            // a header names several applicant columns (a lone 其他 is the row 3.其他) or says 自然人/申请人情况
            // (distinct columns of the row's own cells: a merged （七）总计 and its continuation copy name one column)
            boolean header = labels.stream().filter(c -> !c.continuation()).mapToInt(c -> TemplateLabels.applicantColumn(c.text()))
                    .filter(i -> i >= 0).distinct().count() >= 2
                    || labels.stream().anyMatch(c -> TemplateLabels.containsAny(c.text(), TemplateSpec.APPLICANT_HEADER_KEYWORDS));
            if (header && !anyNumber) {
                applicantHeader.addAll(labels);
                applicantCols = applicantColumnsFromHeader();
                return;
            }
            boolean values = row.cells().stream().anyMatch(c -> !c.continuation() && CellText.isValueLike(c.text()) && !c.isEmpty());
            // continuation copies of merged labels give group context only; the row's own text is the rest
            List<GridCell> own = labels.stream().filter(c -> !c.continuation()).toList();
            if (!values && deferred != null && (scanned(deferred.row()) || startsNewRow(own))) {
                // a scanned row's label is one cell (its wrapped lines read together), so a row below is never its
                // tail; nor is a line that opens with its own ordinal (2. …, （六）…). Joining them would hand the
                // numbers of a garbled label to the next row's label: they stay unplaced (null) instead.
                unplaced(deferred);
                deferred = null;
            }
            if (!values && deferred == null && !own.isEmpty() && isSubtotalLabel(own.get(own.size() - 1))) {
                pendingLabel.clear(); // a blank 小计 row: not a row of the template, and not the head of a wrapped label
                return;
            }
            if (!values && deferred == null && !own.isEmpty() && printsBlankCells(row, own.get(own.size() - 1))) {
                // a row the document prints with every cell left empty: read as blanks, not as a label line
                updateGroup(labels);
                pendingLabel.clear();
                place(row, own.get(own.size() - 1));
                return;
            }
            if (deferred != null) {
                if (!values) {
                    // the tail of a label wrapped below its numbers (PDF: 2.没有现成信 | 息需要另行制作)
                    updateGroup(labels);
                    StringBuilder joined = new StringBuilder(deferred.last().text());
                    for (GridCell c : own) if (deferred.last().col() < 0 || c.col() == deferred.last().col()) joined.append(c.text());
                    GridCell l = relabel(deferred.last(), joined.toString());
                    if (names(l)) {
                        Deferred d = deferred;
                        deferred = null;
                        place(d.row(), l);
                    } else {
                        deferred = new Deferred(deferred.row(), l);
                    }
                    return;
                }
                unplaced(deferred);
                deferred = null;
            }
            if (own.isEmpty()) {
                if (!values || pendingLabel.isEmpty()) { updateGroup(labels); return; } // a row covered by merged cells
                if (scanned(row)) {
                    // numbers of a scanned row whose label was not read: not the label above's (that row printed its own)
                    out.warnings.add("table 三: a scanned row of numbers without a readable label; ignored");
                    pendingLabel.clear();
                    return;
                }
                // numbers on a row of their own under a label wrapped over the rows above (PDF)
                GridCell first = row.cells().get(0);
                own = List.of(new GridCell(first.row(), -1, 1, 1, String.join("", pendingLabel), first.page(),
                        Double.NaN, Double.NaN, Double.NaN, Double.NaN, false));
            }
            updateGroup(labels);
            if (!values) {
                for (GridCell c : own) if (TemplateLabels.outcomeGroup(c.text()) == null) pendingLabel.add(c.text());
                while (pendingLabel.size() > 3) pendingLabel.remove(0);
                return;
            }
            GridCell last = own.get(own.size() - 1);
            if (!names(last) && !pendingLabel.isEmpty() && !scanned(row)) {
                // a wrapped label whose numbers sit on a later line: read the lines together
                GridCell joined = relabel(last, String.join("", pendingLabel) + last.text());
                if (names(joined)) last = joined;
            }
            pendingLabel.clear();
            place(row, last);
        }

        /** Whether a row was read by OCR: its cells are one per ruled box, so no label wraps onto another grid row. */
        static boolean scanned(Row row) {
            return row.cells().stream().anyMatch(GridCell::isOcr);
        }

        /** A label opening with a row or group ordinal (2. 2、 （六） 六、): the head of a row of its own, not a wrapped tail. */
        static final java.util.regex.Pattern ORDINAL_HEAD =
                java.util.regex.Pattern.compile("^\\s*(\\d{1,2}\\s*[.．、]|[（(][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)");

        static boolean startsNewRow(List<GridCell> own) {
            return !own.isEmpty() && ORDINAL_HEAD.matcher(java.text.Normalizer.normalize(own.get(0).text(),
                    java.text.Normalizer.Form.NFKC)).find();
        }

        /** A subtotal row the template lacks (小计, 合计): its numbers are never a template row's. */
        static boolean isSubtotalLabel(GridCell label) {
            String core = LabelNormalizer.core(label.text());
            return core.equals("小计") || core.equals("合计");
        }

        /**
         * Whether a row without numbers is a template row printed with empty cells: its own label names a row
         * by itself and at least seven empty cells of its own follow the label (a table row, not a wrapped line).
         */
        boolean printsBlankCells(Row row, GridCell last) {
            String heading = TemplateLabels.topLevelRow(last.text()) == null ? TemplateLabels.outcomeGroup(last.text()) : null;
            if (heading != null) {
                // a group heading on a row of its own is no row, except 2019's single （六）其他处理
                if (!heading.equals("other") || hasOtherSubRows()) return false;
            } else if (TemplateLabels.topLevelRow(last.text()) == null && rowKeyInGroups(last) == null) {
                return false;
            }
            long empty = row.cells().stream().filter(c -> c.col() > last.col() && !c.continuation() && c.isEmpty()).count();
            return empty >= 7;
        }

        /** The group row a label names: in the current group, else (a group heading lost, e.g. cut by a page break) in any group. */
        String rowKeyInGroups(GridCell label) {
            String key = TemplateLabels.groupRow(label.text(), group != null ? group : lastGroup);
            if (key == null) key = TemplateLabels.groupRow(label.text(), null);
            return key;
        }

        /** A row of numbers whose label could not be read yet, waiting for the label's tail on the next line. */
        private record Deferred(Row row, GridCell last) {}
        Deferred deferred;

        static GridCell relabel(GridCell c, String text) {
            return c.withText(text);
        }

        boolean names(GridCell label) {
            return TemplateLabels.topLevelRow(label.text()) != null || TemplateLabels.outcomeGroup(label.text()) != null
                    || rowKeyInGroups(label) != null;
        }

        /** Puts a row of numbers under the template row its label names. */
        void place(Row row, GridCell last) {
            String key = TemplateLabels.topLevelRow(last.text());
            String headingGroup = TemplateLabels.outcomeGroup(last.text());
            if (key != null) {
                group = null;
                lastGroup = null;
            } else if (headingGroup != null) {
                if (!hasValues(row, last)) return;
                if (headingGroup.equals("other") && !hasOtherSubRows()) {
                    key = "other.other";
                    otherFromHeading = true;
                } else {
                    out.warnings.add("table 三: subtotal row " + LabelNormalizer.normalize(last.text())
                            + " with its own numbers is not in the template; excluded");
                    return;
                }
            } else {
                key = TemplateLabels.groupRow(last.text(), group != null ? group : lastGroup);
                if (key == null) {
                    // a label naming a row of another group: that group's heading was lost (cut by a page break)
                    key = TemplateLabels.groupRow(last.text(), null);
                    if (key != null && (group != null || lastGroup != null))
                        out.warnings.add("table 三: row " + key + " read without its group heading");
                }
                if (key == null) {
                    if (isSubtotalLabel(last)) {
                        out.warnings.add("table 三: subtotal row " + LabelNormalizer.normalize(last.text())
                                + " is not in the template; excluded");
                    } else if (hasValues(row, last)) {
                        deferred = new Deferred(row, last);
                    }
                    return;
                }
                String g = TemplateSpec.applicationRow(key).group();
                if (group != null) group = g;
                lastGroup = g;
                if (g.equals("other") && !key.equals("other.other") && otherFromHeading) {
                    out.applications.remove("other.other");
                    otherFromHeading = false;
                    out.warnings.add("table 三: subtotal row （六）其他处理 with its own numbers is not in the template; excluded");
                }
            }
            if (!hasValues(row, last)) return;
            Cell[] cells = sevenCells(row, last, key);
            if (out.applications.containsKey(key)) {
                out.duplicateRows.add(key);
                out.warnings.add("table 三: row " + key + " appears twice; the first is kept");
                return;
            }
            if (key.equals("other.other") && otherFromHeading) out.singleOtherRow = true;
            out.applications.put(key, cells);
            placedOrder.add(key);
        }

        // ------------------------------------------------------------ labels by place

        /**
         * How alike (LabelNormalizer.similarity) a label that names no row must be to the one template row
         * free between its matched neighbours. 0.6 is above every pair of rows within one outcome group
         * (属于三类内部事务信息 / 属于四类过程性信息 0.53, 属于行政执法案卷 / 属于行政查询事项 0.50), so a
         * label that is another row's is not taken, while a label missing a third of its characters is
         * (其他法律行政止公开 / 其他法律行政法规禁止公开 0.86).
         */
        static final double PLACE_SIMILARITY = 0.6;

        /** Rows placed, in document order: a row key, or a row of numbers whose label named no row. */
        final List<Object> placedOrder = new ArrayList<>();

        void unplaced(Deferred d) { placedOrder.add(d); }

        /**
         * A row of numbers whose label names no template row gets the row its place makes certain: its
         * matched neighbours (or one neighbour and the table's start or end) have exactly one template row between
         * them, still free, and the label resembles it. Likewise a run of k such rows between matched neighbours
         * with exactly k free template rows there lines up with them in order: each label that resembles its row
         * takes it, one that does not is left out (a label read as noise says nothing against its place), and when
         * any label prints an ordinal other than its row's the order itself is in doubt and the whole run is left
         * out. A label read by OCR also resembles a row whose ordinal it prints ({@code 1.丁喝系视团} for
         * 1.属于国家秘密: noise garbles the words, rarely the number before them). Otherwise it is left out with a
         * warning (the template row stays null).
         */
        void placeByNeighbours() {
            for (int i = 0; i < placedOrder.size(); i++) {
                if (!(placedOrder.get(i) instanceof Deferred)) continue;
                int j = i;
                while (j < placedOrder.size() && placedOrder.get(j) instanceof Deferred) j++;
                String before = neighbour(i, -1), after = neighbour(j - 1, +1);
                List<String> free = new ArrayList<>();
                // The table's first or last rows are bounded by its start or end: one matched neighbour suffices.
                if (before != null || after != null) {
                    List<String> keys = TemplateSpec.applicationRowKeys();
                    int from = before == null ? 0 : keys.indexOf(before) + 1, to = after == null ? keys.size() : keys.indexOf(after);
                    for (int k = from; k < to; k++)
                        if (!out.applications.containsKey(keys.get(k))) free.add(keys.get(k));
                }
                String between = (before == null ? "the table's start" : before) + " and " + (after == null ? "its end" : after);
                int run = j - i;
                boolean inLine = free.size() == run;
                for (int k = 0; inLine && k < run; k++) inLine = !contradicts((Deferred) placedOrder.get(i + k), free.get(k));
                for (int k = 0; k < run; k++) {
                    Deferred d = (Deferred) placedOrder.get(i + k);
                    String label = LabelNormalizer.normalize(d.last().text());
                    if (!inLine) {
                        out.warnings.add("table 三: a row of numbers under the label '" + label + "' names no row of the template"
                                + (before == null && after == null ? "" : " and " + free.size() + " template rows are free between "
                                + between) + (free.size() == run ? " (an ordinal disagrees with its place)" : "")
                                + "; ignored");
                        continue;
                    }
                    String key = free.get(k);
                    double sim = LabelNormalizer.similarity(label, TemplateSpec.applicationRow(key).label());
                    if (!resembles(d, key)) {
                        out.warnings.add("table 三: a row of numbers under the label '" + label + "' between " + between
                                + " resembles the free row " + key + " too little (" + String.format(java.util.Locale.ROOT, "%.2f", sim)
                                + "); ignored");
                        continue;
                    }
                    out.warnings.add("table 三: label '" + label + "' names no template row; read as " + key + " by its place between "
                            + between + " (similarity " + String.format(java.util.Locale.ROOT, "%.2f", sim)
                            + (sim < PLACE_SIMILARITY ? ", ordinal " + TemplateSpec.applicationRow(key).number() : "") + ")");
                    out.applications.put(key, sevenCells(d.row(), d.last(), key));
                    placedOrder.set(i + k, key);
                }
                i = j - 1;
            }
        }

        /** A leading ordinal such as {@code 1.} or {@code 2、}: its number. */
        private static final java.util.regex.Pattern ORDINAL = java.util.regex.Pattern.compile("^(\\d{1,2})[.．、,，]");

        /** The number of a leading ordinal ({@code 1.} → "1"), or null when the text opens with none. */
        private static String ordinal(String text) {
            if (text == null) return null;
            java.util.regex.Matcher m = ORDINAL.matcher(text);
            return m.find() ? m.group(1) : null;
        }

        /** Whether the row's label resembles template row {@code key} enough to take it by place. */
        private static boolean resembles(Deferred d, String key) {
            TemplateSpec.ApplicationRow row = TemplateSpec.applicationRow(key);
            String label = LabelNormalizer.normalize(d.last().text());
            if (LabelNormalizer.similarity(label, row.label()) >= PLACE_SIMILARITY) return true;
            String printed = ordinal(label), own = ordinal(row.number());
            return d.last().isOcr() && printed != null && printed.equals(own);
        }

        /** Whether the label prints an ordinal other than template row {@code key}'s: its place is in doubt. */
        private static boolean contradicts(Deferred d, String key) {
            String printed = ordinal(LabelNormalizer.normalize(d.last().text())), own = ordinal(TemplateSpec.applicationRow(key).number());
            return printed != null && own != null && !printed.equals(own);
        }

        /** The nearest row key placed before ({@code step} −1) or after (+1) position {@code i}. */
        String neighbour(int i, int step) {
            for (int j = i + step; j >= 0 && j < placedOrder.size(); j += step)
                if (placedOrder.get(j) instanceof String k) return k;
            return null;
        }

        boolean hasOtherSubRows() {
            return out.applications.containsKey("other.overdue_correction") || out.applications.containsKey("other.overdue_fee");
        }

        void updateGroup(List<GridCell> labels) {
            for (GridCell c : labels) {
                String g = TemplateLabels.outcomeGroup(c.text());
                if (g != null) { group = g; lastGroup = g; }
                else if (TemplateLabels.topLevelRow(c.text()) != null) { group = null; lastGroup = null; }
            }
        }

        boolean hasValues(Row row, GridCell last) {
            return row.cells().stream().anyMatch(c -> c.col() > last.col() && !c.continuation() && CellText.isValueLike(c.text()));
        }

        int[] applicantColumnsFromHeader() {
            int[] cols = new int[7];
            java.util.Arrays.fill(cols, -1);
            for (GridCell c : applicantHeader) {
                int i = TemplateLabels.applicantColumn(c.text());
                if (i >= 0 && cols[i] < 0) cols[i] = c.col();
            }
            for (int i = 0; i < 7; i++) if (cols[i] < 0 || (i > 0 && cols[i] <= cols[i - 1])) return null;
            return cols;
        }

        Cell[] sevenCells(Row row, GridCell last, String key) {
            List<GridCell> after = new ArrayList<>(row.cells().stream()
                    .filter(c -> c.col() > last.col() && !c.continuation()).toList());
            List<GridCell> chosen = null;
            if (applicantCols != null) {
                List<GridCell> byHeader = new ArrayList<>();
                for (int col : applicantCols)
                    after.stream().filter(c -> c.col() == col).findFirst().ifPresent(byHeader::add);
                if (byHeader.size() == 7) chosen = byHeader;
            }
            Cell[] cells = new Cell[7];
            List<String> cols = TemplateSpec.applicantColumnKeys();
            if (chosen == null) {
                while (after.size() > 7 && after.get(after.size() - 1).isEmpty()) after.remove(after.size() - 1);
                // empty cells between the label and the numbers pad a label merged over columns
                while (after.size() > 7 && after.get(0).isEmpty()) after.remove(0);
                if (after.size() > 7) {
                    // more cells than columns and no header naming them (an OCR dump headed 列1 列2 …): the seven
                    // in the template's order are those whose 总计 is the sum of the other six (APP_ROW_TOTAL)
                    List<List<GridCell>> holding = new ArrayList<>();
                    for (int from = 0; from + 7 <= after.size(); from++) {
                        List<GridCell> w = after.subList(from, from + 7);
                        if (rowTotalHolds(w) && holding.stream().noneMatch(h -> sameNumbers(h, w))) holding.add(w);
                    }
                    if (holding.size() == 1) {
                        chosen = holding.get(0);
                        if (!sameNumbers(chosen, after.subList(after.size() - 7, after.size())))
                            out.warnings.add("table 三 row " + key + ": " + after.size() + " cells; the seven whose total holds are read");
                    } else if (holding.size() > 1) {
                        out.warnings.add("table 三 row " + key + ": " + after.size() + " cells and " + holding.size()
                                + " placements of the seven columns satisfy the row total; unreadable");
                        for (int i = 0; i < 7; i++)
                            cells[i] = Cell.unreadable(TemplateSpec.APPLICATIONS_TABLE, key, cols.get(i), joined(after), last.page());
                        return cells;
                    }
                }
                if (chosen == null && after.size() >= 7) chosen = after.subList(after.size() - 7, after.size());
            }
            if (chosen == null) {
                out.warnings.add("table 三 row " + key + ": " + after.size() + " cells instead of 7; unreadable");
                for (int i = 0; i < 7; i++)
                    cells[i] = Cell.unreadable(TemplateSpec.APPLICATIONS_TABLE, key, cols.get(i), joined(after), last.page());
                return cells;
            }
            for (int i = 0; i < 7; i++) cells[i] = cell(TemplateSpec.APPLICATIONS_TABLE, key, cols.get(i), chosen.get(i));
            return cells;
        }

        /** Whether seven cells read as numbers with the last the sum of the first six (blanks count 0). */
        static boolean rowTotalHolds(List<GridCell> seven) {
            java.math.BigDecimal sum = java.math.BigDecimal.ZERO, total = null;
            for (int i = 0; i < 7; i++) {
                CellText.Parsed p = CellText.parse(seven.get(i).text());
                if (p.kind() == CellText.Kind.UNREADABLE) return false;
                java.math.BigDecimal v = p.value() == null ? java.math.BigDecimal.ZERO : p.value();
                if (i < 6) sum = sum.add(v); else total = v;
            }
            return sum.compareTo(total) == 0;
        }

        static boolean sameNumbers(List<GridCell> a, List<GridCell> b) {
            for (int i = 0; i < a.size(); i++)
                if (!CellText.parse(a.get(i).text()).equals(CellText.parse(b.get(i).text()))) return false;
            return true;
        }

        // ------------------------------------------------------------ table 四

        void reviewRow(Row row) {
            if (row.paragraph() || out.review != null) return;
            if (row.cells().stream().anyMatch(c -> TemplateLabels.containsAny(c.text(), TemplateSpec.REVIEW_HEADER_KEYWORDS))) {
                reviewHeaderSeen = true;
                return;
            }
            if (!reviewHeaderSeen) { reviewRowByTemplateOrder(row); return; }
            int lastLabel = -1;
            for (GridCell c : row.cells()) if (!c.isEmpty() && !CellText.isValueLike(c.text())) lastLabel = c.col();
            final int from = lastLabel;
            List<GridCell> values = new ArrayList<>(row.cells().stream().filter(c -> c.col() > from && !c.continuation()).toList());
            while (values.size() > 15 && values.get(values.size() - 1).isEmpty()) values.remove(values.size() - 1);
            if (values.size() < 15) return;
            if (values.stream().noneMatch(c -> CellText.isValueLike(c.text()) && !c.isEmpty())) {
                // the row printed with all fifteen cells empty: blanks, unless a row with numbers follows
                if (from < 0 && values.size() == 15 && blankReview == null) blankReview = reviewCells(values);
                return;
            }
            out.review = reviewCells(values.subList(values.size() - 15, values.size()));
        }

        Cell[] blankReview;

        /**
         * A row of fifteen numbers and no label in the review section, under no header naming its columns:
         * read in the template's column order when the three totals (REVIEW_TOTAL, LITIGATION_DIRECT_TOTAL,
         * LITIGATION_AFTER_REVIEW_TOTAL) hold in that order; otherwise unreadable.
         */
        void reviewRowByTemplateOrder(Row row) {
            List<GridCell> values = new ArrayList<>(row.cells().stream().filter(c -> !c.continuation()).toList());
            while (!values.isEmpty() && values.get(values.size() - 1).isEmpty()) values.remove(values.size() - 1);
            if (values.size() != 15 || !values.stream().allMatch(c -> !c.isEmpty() && CellText.isValueLike(c.text()))) return;
            Cell[] cells = reviewCells(values);
            boolean totalsHold = true;
            for (int g = 0; g < 3; g++) {
                java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
                for (int k = 0; k < 4; k++) sum = sum.add(orZero(cells[g * 5 + k]));
                if (sum.compareTo(orZero(cells[g * 5 + 4])) != 0) totalsHold = false;
            }
            if (totalsHold) {
                out.warnings.add("table 四: no column header; the fifteen cells read in the template's order (the three totals hold)");
                out.review = cells;
            } else {
                out.warnings.add("table 四: fifteen cells under no column header and the totals do not hold in the template's order; unreadable");
                List<String> keys = TemplateSpec.reviewColumnKeys();
                Cell[] u = new Cell[15];
                for (int i = 0; i < 15; i++)
                    u[i] = Cell.unreadable(TemplateSpec.REVIEW_TABLE, TemplateSpec.REVIEW_ROW_KEY, keys.get(i), joined(values), values.get(0).page());
                out.review = u;
            }
        }

        static java.math.BigDecimal orZero(Cell c) { return c.value() == null ? java.math.BigDecimal.ZERO : c.value(); }

        Cell[] reviewCells(List<GridCell> last15) {
            List<String> keys = TemplateSpec.reviewColumnKeys();
            Cell[] cells = new Cell[15];
            for (int i = 0; i < 15; i++) cells[i] = cell(TemplateSpec.REVIEW_TABLE, TemplateSpec.REVIEW_ROW_KEY, keys.get(i), last15.get(i));
            return cells;
        }

        Cell cell(String table, String row, String col, GridCell g) {
            Cell c = textCell(table, row, col, g);
            return g.isOcr() ? c.withProvenance(Cell.OCR, io.disclosurelake.model.Box.ofNullable(g.x(), g.y(), g.width(), g.height()),
                    Double.isNaN(g.confidence()) ? null : g.confidence()) : c;
        }

        private Cell textCell(String table, String row, String col, GridCell g) {
            CellText.Parsed p = CellText.parse(g.text());
            String raw = g.text() == null ? "" : g.text();
            return switch (p.kind()) {
                case VALUE -> Cell.value(table, row, col, p.value(), raw, g.page());
                case BLANK -> Cell.blank(table, row, col, raw, g.page());
                case UNREADABLE -> {
                    out.warnings.add(table + " " + row + "/" + col + ": cannot read a number in '" + raw + "'");
                    yield Cell.unreadable(table, row, col, raw, g.page());
                }
            };
        }

        static String joined(List<GridCell> cells) {
            StringBuilder sb = new StringBuilder();
            for (GridCell c : cells) { if (sb.length() > 0) sb.append(' '); sb.append(c.text()); }
            return sb.toString();
        }
    }
}
