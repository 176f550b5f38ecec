package io.disclosurelake.model;

/** Where a body sits: province, city (地级), county (县级); any part may be unknown (null). */
public record Region(String province, String city, String county) {
    public static final Region UNKNOWN = new Region(null, null, null);

    public Region withOverrides(Region o) {
        if (o == null) return this;
        return new Region(o.province != null ? o.province : province,
                o.city != null ? o.city : city,
                o.county != null ? o.county : county);
    }
}
