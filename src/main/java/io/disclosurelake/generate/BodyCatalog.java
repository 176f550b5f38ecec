package io.disclosurelake.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Builds the hierarchy of bodies (province → city → county, each with government, office and departments). */
public final class BodyCatalog {
    private BodyCatalog() {}

    public static List<Body> build(long seed) {
        SplittableRandom r = new SplittableRandom(seed ^ 0x5DEECE66DL);
        List<Body> out = new ArrayList<>();
        List<Gazetteer.Province> ps = Gazetteer.PROVINCES;
        for (int pi = 0; pi < ps.size(); pi++) {
            Gazetteer.Province p = ps.get(pi);
            Gazetteer.City capital = p.cities().get(0);
            String pAddr = p.name() + street(r);
            out.add(body("p" + pi + "-gov", p.name() + "人民政府", Body.Kind.GOVERNMENT, Body.Level.PROVINCE, p, null, null, null,
                    pAddr, capital, Body.Size.LARGE, r));
            out.add(body("p" + pi + "-office", p.name() + "人民政府办公厅", Body.Kind.GOVERNMENT_OFFICE, Body.Level.PROVINCE, p, null, null,
                    null, pAddr, capital, Body.Size.MEDIUM, r));
            List<Gazetteer.Department> pd = shuffled(r);
            for (int k = 0; k < 8; k++) {
                Gazetteer.Department d = pd.get(k);
                out.add(body("p" + pi + "-d" + k, p.name() + d.provinceName(), Body.Kind.DEPARTMENT, Body.Level.PROVINCE, p, null, null,
                        d.shortName(), p.name() + street(r), capital, r.nextBoolean() ? Body.Size.MEDIUM : Body.Size.SMALL, r));
            }
            for (int ci = 0; ci < p.cities().size(); ci++) {
                Gazetteer.City c = p.cities().get(ci);
                String cid = "p" + pi + "c" + ci;
                String cAddr = p.name() + c.name() + street(r);
                out.add(body(cid + "-gov", c.name() + "人民政府", Body.Kind.GOVERNMENT, Body.Level.CITY, p, c, null, null, cAddr, c,
                        r.nextDouble() < 0.6 ? Body.Size.LARGE : Body.Size.MEDIUM, r));
                out.add(body(cid + "-office", c.name() + "人民政府办公室", Body.Kind.GOVERNMENT_OFFICE, Body.Level.CITY, p, c, null, null,
                        cAddr, c, Body.Size.SMALL, r));
                List<Gazetteer.Department> cd = shuffled(r);
                for (int k = 0; k < cd.size(); k++) {
                    Gazetteer.Department d = cd.get(k);
                    out.add(body(cid + "-d" + k, c.name() + d.cityName(), Body.Kind.DEPARTMENT, Body.Level.CITY, p, c, null,
                            d.shortName(), p.name() + c.name() + street(r), c, sizeOf(r, 0.2, 0.5), r));
                }
                for (int ki = 0; ki < c.counties().size(); ki++) {
                    String county = c.counties().get(ki);
                    String kid = cid + "k" + ki;
                    String kAddr = p.name() + c.name() + county + street(r);
                    out.add(body(kid + "-gov", county + "人民政府", Body.Kind.GOVERNMENT, Body.Level.COUNTY, p, c, county, null, kAddr, c,
                            r.nextBoolean() ? Body.Size.MEDIUM : Body.Size.SMALL, r));
                    List<Gazetteer.Department> kd = shuffled(r);
                    for (int k = 0; k < 12; k++) {
                        Gazetteer.Department d = kd.get(k);
                        out.add(body(kid + "-d" + k, county + d.cityName(), Body.Kind.DEPARTMENT, Body.Level.COUNTY, p, c, county,
                                d.shortName(), p.name() + c.name() + county + street(r), c, sizeOf(r, 0.45, 0.45), r));
                    }
                }
            }
        }
        return out;
    }

    private static List<Gazetteer.Department> shuffled(SplittableRandom r) {
        List<Gazetteer.Department> d = new ArrayList<>(Gazetteer.DEPARTMENTS);
        for (int i = d.size() - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            Gazetteer.Department t = d.get(i); d.set(i, d.get(j)); d.set(j, t);
        }
        return d;
    }

    private static Body.Size sizeOf(SplittableRandom r, double tiny, double small) {
        double x = r.nextDouble();
        return x < tiny ? Body.Size.TINY : x < tiny + small ? Body.Size.SMALL : Body.Size.MEDIUM;
    }


    private static String street(SplittableRandom r) {
        return Gazetteer.STREETS.get(r.nextInt(Gazetteer.STREETS.size())) + (1 + r.nextInt(999)) + "号";
    }

    private static Body body(String id, String name, Body.Kind kind, Body.Level level, Gazetteer.Province p, Gazetteer.City c,
                             String county, String dept, String address, Gazetteer.City phoneCity, Body.Size size, SplittableRandom r) {
        String phone = phoneCity.areaCode() + "-" + (80000000 + r.nextInt(9999999));
        return new Body(id, name, kind, level, p.name(), c == null ? null : c.name(), county, dept, address, phone, size);
    }
}
