package io.disclosurelake.spec;

/**
 * The address of one template cell, as stored in the {@code cells} table: table name, row key, column key.
 * {@code yearOffset} is 0 for the report's own year and −1 for the same body's previous year (cross-year rules).
 */
public record CellRef(String table, String rowKey, String columnKey, int yearOffset) {
    public CellRef(String table, String rowKey, String columnKey) { this(table, rowKey, columnKey, 0); }

    public CellRef previousYear() { return new CellRef(table, rowKey, columnKey, -1); }

    @Override public String toString() {
        return table + "/" + rowKey + "/" + columnKey + (yearOffset == 0 ? "" : "@" + yearOffset);
    }
}
