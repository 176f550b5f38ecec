package io.disclosurelake.generate;

import io.disclosurelake.model.Region;

/**
 * A body that publishes annual reports: a government (人民政府), its office (办公室) or a department, at
 * province, city (设区的市) or county/district level. {@code size} scales its caseload.
 */
public record Body(String id, String name, Kind kind, Level level, String province, String city, String county,
                   String shortDepartment, String address, String phone, Size size) {

    public enum Level { PROVINCE, CITY, COUNTY }

    public enum Kind { GOVERNMENT, GOVERNMENT_OFFICE, DEPARTMENT }

    /** Caseload class: tiny bodies print all zeros like the seed; large city governments thousands. */
    public enum Size { TINY, SMALL, MEDIUM, LARGE }

    /** Only the governments of provinces and 设区的市 make 规章 (立法法 Art. 93). */
    public boolean canMakeRegulations() {
        return kind == Kind.GOVERNMENT && level != Level.COUNTY;
    }

    public boolean isGovernment() { return kind != Kind.DEPARTMENT; }

    /** Region as the extractor can read it from the title and the contact address. */
    public Region region() {
        return switch (level) {
            case PROVINCE -> new Region(province, null, null);
            case CITY -> new Region(province, city, null);
            case COUNTY -> new Region(province, city, county);
        };
    }

    public String kindId() {
        return level.name().toLowerCase() + "_" + kind.name().toLowerCase();
    }
}
