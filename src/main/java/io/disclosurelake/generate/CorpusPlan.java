package io.disclosurelake.generate;

import io.disclosurelake.spec.TemplateSpec.Version;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The sequential part of generation: which body publishes which year, the figures of every year (chained so
 * that years agree), which document is bad and which rule each faulted report breaks. Cheap; rendering the
 * documents is done afterwards in parallel.
 */
public final class CorpusPlan {
    /** One document to produce. For a report, {@code figures} are the numbers it prints. */
    public record Slot(int index, Body body, int year, Version version, ReportFigures figures, List<String> faults,
                       BadFile bad, long narrativeSeed, int narrativeYear, boolean lastOfSeries, NarrativeCopy copy) {
        public Slot(int index, Body body, int year, Version version, ReportFigures figures, List<String> faults,
                    BadFile bad, long narrativeSeed, int narrativeYear, boolean lastOfSeries) {
            this(index, body, year, version, figures, faults, bad, narrativeSeed, narrativeYear, lastOfSeries, null);
        }

        /** This slot writing the narrative of seed {@code seed} as the copy {@code c}. */
        Slot asCopy(long seed, NarrativeCopy c) {
            return new Slot(index, body, year, version, figures, faults, bad, seed, year, lastOfSeries, c);
        }
    }

    public final List<Slot> slots = new ArrayList<>();

    public static CorpusPlan make(GeneratorOptions o) {
        CorpusPlan plan = new CorpusPlan();
        SplittableRandom r = new SplittableRandom(o.seed());
        List<Body> bodies = new ArrayList<>(BodyCatalog.build(o.seed()));
        // deterministic shuffle
        for (int i = bodies.size() - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            Body t = bodies.get(i); bodies.set(i, bodies.get(j)); bodies.set(j, t);
        }
        int span = o.yearTo() - o.yearFrom() + 1;
        int badCounter = (int) Math.floorMod(o.seed(), BadFile.values().length);
        Fault[] faults = Fault.values();
        int faultCounter = (int) Math.floorMod(o.seed() * 7, faults.length);
        // a body visited again continues its chain of years; it never gets two unrelated series
        Map<String, Object[]> state = new HashMap<>();
        boolean dense = o.count() > bodies.size() * span / 2;
        int bi = 0, idle = 0;
        while (plan.slots.size() < o.count()) {
            Body body = bodies.get(bi++ % bodies.size());
            Object[] st = state.get(body.id());
            int k, start;
            if (st == null) {
                k = Math.min(span, 2 + r.nextInt(4));
                start = dense ? o.yearFrom() : o.yearFrom() + r.nextInt(span - k + 1);
            } else {
                start = (int) st[0] + 1;
                if (start > o.yearTo()) {
                    if (++idle > bodies.size())
                        throw new IllegalArgumentException("--count " + o.count() + " exceeds what " + bodies.size()
                                + " bodies can publish in " + span + " years (" + plan.slots.size() + ")");
                    continue;
                }
                k = Math.min(o.yearTo() - start + 1, 2 + r.nextInt(4));
            }
            idle = 0;
            ReportFigures prevPrinted = st == null ? null : (ReportFigures) st[1];
            boolean prevReadableClean = st != null && (boolean) st[2];
            Version prevVersion = st == null ? null : (Version) st[3];
            long prevNarrativeSeed = st == null ? 0 : (long) st[4];
            int prevNarrativeYear = st == null ? 0 : (int) st[5];
            for (int y = start; y < start + k && plan.slots.size() < o.count(); y++) {
                int index = plan.slots.size();
                // only a year nothing follows may carry a non-legislator's 规章 (later years would inherit it)
                boolean last = y == o.yearTo() || plan.slots.size() == o.count() - 1;
                Version v = version(y, r);
                SplittableRandom fr = new SplittableRandom(o.seed() * 1_000_003L + index);
                ReportFigures fig = FigureModel.next(body, prevPrinted, y, v, fr);
                long narrativeSeed = fr.nextLong();
                int narrativeYear = y;
                BadFile bad = null;
                List<String> recorded = new ArrayList<>();
                if (r.nextDouble() < o.badRate()) {
                    bad = BadFile.values()[badCounter++ % BadFile.values().length];
                } else if (r.nextDouble() < o.violationRate()) {
                    FaultInjector.Context ctx = new FaultInjector.Context(body, v, prevReadableClean ? prevPrinted : null, last);
                    int fillStart = r.nextInt(faults.length - 1);
                    // the fault whose turn it is waits until a report can carry it; others fill in meanwhile
                    for (int tries = 0; tries < faults.length; tries++) {
                        int offset = tries == 0 ? 0 : 1 + (tries - 1 + fillStart) % (faults.length - 1);
                        Fault f = faults[(faultCounter + offset) % faults.length];
                        if (f == Fault.DUPLICATE_OF_PREVIOUS_YEAR && prevVersion != v) continue;
                        if (!FaultInjector.applicable(f, fig, ctx)) continue;
                        if (tries == 0) faultCounter++;
                        fig = FaultInjector.inject(f, fig, ctx, fr, recorded);
                        if (f == Fault.DUPLICATE_OF_PREVIOUS_YEAR) {
                            narrativeSeed = prevNarrativeSeed;
                            narrativeYear = prevNarrativeYear;
                        }
                        break;
                    }
                }
                fig.syncActive2019();
                int year = bad == BadFile.LEGACY_REPORT ? 2014 + r.nextInt(5) : y;
                plan.slots.add(new Slot(index, body, year, v, fig, List.copyOf(recorded), bad, narrativeSeed, narrativeYear, last));
                prevReadableClean = bad == null && recorded.isEmpty();
                prevPrinted = fig;
                prevVersion = v;
                prevNarrativeSeed = narrativeSeed;
                prevNarrativeYear = narrativeYear;
                state.put(body.id(), new Object[]{y, prevPrinted, prevReadableClean, prevVersion, prevNarrativeSeed, prevNarrativeYear});
            }
        }
        if (o.copyRate() > 0) plantCopies(plan, o);
        return plan;
    }

    /**
     * Plants copies ({@code generate --copies RATE}): about that share of the readable, fault-free reports takes
     * another narrative — a department of the same year (of the same county or city when there is one; name
     * swapped, a name left in, or lightly edited) or the body's own previous year. Every report is in at most one
     * planted pair, so the truth's pairs are all the copies there are.
     */
    static void plantCopies(CorpusPlan plan, GeneratorOptions o) {
        SplittableRandom r = new SplittableRandom(o.seed() * 31 + 0xC0B1E5L);
        java.util.Set<Integer> used = new java.util.HashSet<>();
        Map<Integer, List<Slot>> byYear = new HashMap<>();
        Map<String, Slot> byBodyYear = new HashMap<>();
        for (Slot s : plan.slots) {
            if (s.bad() != null || !s.faults().isEmpty()) { used.add(s.index()); continue; }
            byYear.computeIfAbsent(s.year(), y -> new ArrayList<>()).add(s);
            byBodyYear.put(s.body().id() + "|" + s.year(), s);
        }
        for (Slot s : List.copyOf(plan.slots)) {
            if (used.contains(s.index()) || r.nextDouble() >= o.copyRate()) continue;
            double kind = r.nextDouble();
            Slot prev = byBodyYear.get(s.body().id() + "|" + (s.year() - 1));
            if (kind < 0.25 && prev != null && !used.contains(prev.index())) {
                NarrativeCopy c = new NarrativeCopy(NarrativeCopy.PREVIOUS_YEAR, "republished", prev.index(), prev.body(), prev.year(), null, 0);
                plan.slots.set(s.index(), s.asCopy(plan.slots.get(prev.index()).narrativeSeed(), c));
                used.add(s.index());
                used.add(prev.index());
                continue;
            }
            Slot source = null;
            for (Slot c : byYear.getOrDefault(s.year(), List.of())) {
                if (used.contains(c.index()) || c.index() == s.index() || c.body().id().equals(s.body().id())) continue;
                boolean near = java.util.Objects.equals(c.body().city(), s.body().city());
                if (source == null || near && !java.util.Objects.equals(source.body().city(), s.body().city())) source = c;
                if (near && r.nextInt(3) == 0) break;
            }
            if (source == null) continue;
            String variant = switch (r.nextInt(3)) { case 0 -> "name_swapped"; case 1 -> "name_left"; default -> "edited"; };
            String left = variant.equals("name_left") ? nameLeft(source.body().name(), s.body().name()) : null;
            if (variant.equals("name_left") && left == null) variant = "name_swapped";
            NarrativeCopy c = new NarrativeCopy(NarrativeCopy.CROSS_BODY, variant, source.index(), source.body(), source.year(), left,
                    variant.equals("edited") ? r.nextLong() | 1 : 0);
            plan.slots.set(s.index(), s.asCopy(plan.slots.get(source.index()).narrativeSeed(), c));
            used.add(s.index());
            used.add(source.index());
        }
    }

    /** The form of the source's name a careless copy keeps: a short one that is no form of the copier's own name. */
    static String nameLeft(String source, String copier) {
        List<String> own = io.disclosurelake.extract.NarrativeText.nameForms(copier);
        List<String> forms = new ArrayList<>(io.disclosurelake.extract.NarrativeText.nameForms(source));
        java.util.Collections.reverse(forms);
        for (String f : forms) {
            boolean mine = false;
            for (String x : own) if (x.contains(f)) mine = true;
            if (!mine) return f;
        }
        return null;
    }

    /** 2019 trial format mostly for 2019–2020, the 2021 format after; some hybrids. */
    static Version version(int year, SplittableRandom r) {
        double x = r.nextDouble();
        if (year <= 2020) return x < 0.85 ? Version.V2019 : x < 0.93 ? Version.V2021 : Version.HYBRID;
        return x < 0.06 ? Version.V2019 : x < 0.12 ? Version.HYBRID : Version.V2021;
    }

    /** Bodies by id with their slots in year order (used by tests and the README). */
    public Map<String, List<Slot>> byBody() {
        Map<String, List<Slot>> m = new HashMap<>();
        for (Slot s : slots) m.computeIfAbsent(s.body().id(), k -> new ArrayList<>()).add(s);
        return m;
    }
}
