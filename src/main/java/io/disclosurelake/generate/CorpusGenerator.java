package io.disclosurelake.generate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disclosurelake.json.ReportJson;
import io.disclosurelake.model.DocumentInfo;
import io.disclosurelake.model.Report;
import io.disclosurelake.spec.TemplateSpec.Version;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code generate}: a corpus of reports in every format with the truth of every number. Plans sequentially
 * ({@link CorpusPlan}), renders documents in parallel with one random stream per document, converts the
 * LibreOffice share in batches, then writes truth files and the manifest.
 */
public final class CorpusGenerator {
    private final GeneratorOptions o;
    private final PrintStream log;

    public CorpusGenerator(GeneratorOptions o, PrintStream log) {
        this.o = o;
        this.log = log;
    }

    /** What was made, for the caller's summary. */
    public record Summary(int documents, int bad, int faulted, int viaSoffice, double seconds, boolean sofficeAvailable) {
        public double rate() { return seconds == 0 ? 0 : documents / seconds; }
    }

    /** A rendered document: its path under docs/, bytes (null while waiting for LibreOffice), truth, manifest row. */
    private static final class Made {
        CorpusPlan.Slot slot;
        String relPath;
        String format;
        String producer;
        byte[] bytes;
        Report truth;
        QuirkSet quirks = QuirkSet.none();
        String sofficeTarget;
        byte[] docxForSoffice;
        ReportDocument layout;
        String sourceUrl;
        String firstSeen;
        String narrativeNote;
        PageScanner.Scanned scan;
    }

    public Summary run() throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Path docs = o.out().resolve("docs"), truthDir = o.out().resolve("truth");
        Files.createDirectories(docs);
        Files.createDirectories(truthDir);
        SofficeConverter soffice = o.sofficeShare() > 0 || o.formats().contains("doc") ? SofficeConverter.find() : null;
        if (soffice == null && (o.sofficeShare() > 0 || o.formats().contains("doc")))
            log.println("generate: soffice not found; PDF/HTML made directly and .doc files are DOCX bytes (LibreOffice missing)");
        CorpusPlan plan = CorpusPlan.make(o);
        // A report whose next year carries a cross-year fault is never glued text: its unreadable cells would
        // leave the fault the truth records impossible to see.
        for (List<CorpusPlan.Slot> series : plan.byBody().values()) {
            for (CorpusPlan.Slot prev : series) {
                for (CorpusPlan.Slot next : series) {
                    if (next.year() == prev.year() + 1 && next.faults().stream().anyMatch(f -> Fault.valueOf(f).crossYear())) {
                        comparedByNextYear.add(prev.index());
                    }
                }
            }
        }

        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, o.threads()));
        List<Future<Made>> futures = new ArrayList<>();
        boolean haveSoffice = soffice != null;
        // documents are written as soon as they are made so a 10,000-document run does not hold them all in memory
        for (CorpusPlan.Slot s : plan.slots) futures.add(pool.submit(() -> {
            Made m = render(s, haveSoffice);
            if (m.bytes != null) {
                writeDocument(docs, m);
                m.layout = null;
            }
            return m;
        }));
        List<Made> made = new ArrayList<>();
        try {
            for (Future<Made> f : futures) made.add(f.get());
        } catch (Exception e) {
            throw new IOException("rendering failed: " + e.getMessage(), e);
        } finally {
            pool.shutdown();
        }

        int viaSoffice = 0;
        if (soffice != null) viaSoffice = convertBatches(soffice, made);

        List<String> manifest = new ArrayList<>();
        manifest.add("path,body,province,city,county,source_url,first_seen");
        int bad = 0, faulted = 0;
        for (Made m : made) {
            if (m.bytes != null) writeDocument(docs, m);
            Path truth = truthDir.resolve(m.relPath + ".json");
            Files.createDirectories(truth.getParent());
            Files.writeString(truth, ReportJson.MAPPER.writeValueAsString(truthNode(m)) + "\n", StandardCharsets.UTF_8);
            Body b = m.slot.body();
            var reg = b.region();
            manifest.add(String.join(",", csv(m.relPath), csv(b.name()), csv(reg.province()), csv(reg.city()), csv(reg.county()),
                    csv(m.sourceUrl), csv(m.firstSeen)));
            if (m.slot.bad() != null) bad++;
            if (!m.slot.faults().isEmpty() && m.slot.bad() == null) faulted++;
        }
        Files.write(o.out().resolve("manifest.csv"), (String.join("\n", manifest) + "\n").getBytes(StandardCharsets.UTF_8));
        double secs = (System.nanoTime() - t0) / 1e9;
        return new Summary(made.size(), bad, faulted, viaSoffice, secs, soffice != null);
    }

    private static void writeDocument(Path docs, Made m) throws IOException {
        Path file = docs.resolve(m.relPath);
        Files.createDirectories(file.getParent());
        Files.write(file, m.bytes);
        m.bytes = null;
    }

    private static String csv(String s) {
        if (s == null) return "";
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    // ------------------------------------------------------------------ one document

    // A format not asked for weighs nothing, so adding formats here leaves corpora of the old ones unchanged.
    private static final String[] FORMAT_ORDER = {"pdf", "docx", "html", "doc", "xlsx", "txt",
            "scan", "scan-noisy", "scan-tables", "png", "jpg", "tiff", "scan-long"};
    private static final double[] FORMAT_WEIGHT = {0.30, 0.20, 0.20, 0.10, 0.08, 0.12,
            0.10, 0.10, 0.10, 0.04, 0.04, 0.04, 0.04};

    /** Slots whose body's next-year report carries a cross-year fault (see {@link #run}). */
    private final java.util.Set<Integer> comparedByNextYear = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private Made render(CorpusPlan.Slot s, boolean haveSoffice) throws IOException {
        SplittableRandom r = new SplittableRandom(o.seed() * 31 + s.index() * 0x9E3779B97F4A7C15L);
        Made m = new Made();
        m.slot = s;
        Body b = s.body();
        int pubYear = s.year() + 1;
        LocalDate deadline = b.isGovernment() ? LocalDate.of(pubYear, 3, 31) : LocalDate.of(pubYear, 1, 31);
        LocalDate seen = r.nextDouble() < 0.12 ? deadline.plusDays(1 + r.nextInt(60)) : deadline.minusDays(r.nextInt(28));
        Instant firstSeen = seen.atTime(1 + r.nextInt(10), r.nextInt(60)).toInstant(ZoneOffset.UTC);
        m.firstSeen = DateTimeFormatter.ISO_INSTANT.format(firstSeen);
        String published = seen.minusDays(r.nextInt(3)).toString();
        m.sourceUrl = "http://www." + b.id().replace("-", "") + ".gov.cn/zwgk/xxgkml/ndbg/" + s.year() + "/t"
                + published.replace("-", "") + "_" + (100000 + s.index()) + ".html";
        String base = String.format("%d/%05d_%s", s.year(), s.index(), b.id());

        if (s.bad() != null) {
            ReportDocument layout = ReportLayout.layout(spec(s, QuirkSet.none()));
            m.bytes = BadFileWriter.write(s.bad(), layout, b, s.year(), o.seed() ^ s.index());
            m.format = s.bad().extension;
            m.relPath = base + "." + m.format;
            m.producer = "bad:" + s.bad().name().toLowerCase();
            m.truth = Report.quarantined(new DocumentInfo(m.relPath, null, m.format, null, 0), s.bad().reason, s.bad().name().toLowerCase());
            return m;
        }

        String format = chooseFormat(r);
        EnumSet<Quirk> q = EnumSet.noneOf(Quirk.class);
        if (r.nextDouble() < 0.15) q.add(Quirk.NUMBERING_NOISE);
        if (r.nextDouble() < 0.08) q.add(Quirk.FULLWIDTH_DIGITS);
        if (r.nextDouble() < 0.15) q.add(Quirk.FULLWIDTH_BRACKETS);
        if (r.nextDouble() < 0.15) q.add(Quirk.SPACED_ARTICLE);
        if (r.nextDouble() < 0.15) q.add(Quirk.WRAPPED_LABELS);
        if (r.nextDouble() < 0.12) q.add(Quirk.VERTICAL_LABELS);
        double z = r.nextDouble();
        if (z < 0.10) q.add(Quirk.BLANK_ZEROS); else if (z < 0.20) q.add(Quirk.DASH_ZEROS);
        if (b.size() == Body.Size.LARGE && r.nextDouble() < 0.5) q.add(Quirk.THOUSANDS_SEPARATORS);
        if (r.nextDouble() < 0.10) q.add(Quirk.SUBTOTAL_ROWS);
        if (r.nextDouble() < 0.30) q.add(Quirk.SUBTITLE);
        String dash = r.nextBoolean() ? "—" : "/";

        boolean scanned = GeneratorOptions.SCAN_FORMATS.contains(format);
        boolean viaSoffice = haveSoffice && !scanned && (format.equals("doc") || (!format.equals("docx") && !format.equals("xlsx")
                && !format.equals("txt") && r.nextDouble() < o.sofficeShare()));
        if (format.equals("doc") && r.nextDouble() < 0.15) viaSoffice = false; // a DOCX saved with a .doc name
        m.format = format;
        ReportDocument layout;
        Set<String> unreadable = new HashSet<>();
        switch (format) {
            case "pdf" -> {
                if (!viaSoffice && r.nextDouble() < 0.3) q.add(Quirk.PAGE_SPLIT_TABLES);
                layout = ReportLayout.layout(spec(s, m.quirks = new QuirkSet(q, dash)));
                if (viaSoffice) { m.sofficeTarget = "pdf"; m.producer = "libreoffice:docx→pdf"; }
                else {
                    PdfWriter.Protection prot = r.nextDouble() < 0.08 ? PdfWriter.Protection.OWNER_ONLY : PdfWriter.Protection.NONE;
                    String producer = r.nextBoolean() ? "WPS 文字" : "Microsoft® Word 2016";
                    m.bytes = PdfWriter.write(layout, new PdfWriter.Options(r.nextBoolean(), prot, o.seed() ^ (s.index() * 104729L), producer));
                    m.producer = "pdfbox" + (prot == PdfWriter.Protection.OWNER_ONLY ? "+owner_password" : "");
                }
            }
            case "html" -> {
                if (!viaSoffice) {
                    if (r.nextDouble() < 0.7) q.add(Quirk.SITE_CHROME);
                    if (r.nextDouble() < 0.3) q.add(Quirk.GBK_ENCODING);
                }
                layout = ReportLayout.layout(spec(s, m.quirks = new QuirkSet(q, dash)));
                if (viaSoffice) { m.sofficeTarget = "html"; m.producer = "libreoffice:docx→html"; }
                else {
                    m.bytes = HtmlWriter.write(layout, b, q.contains(Quirk.SITE_CHROME), q.contains(Quirk.GBK_ENCODING), published);
                    m.producer = "portal-html";
                }
            }
            case "doc" -> {
                layout = ReportLayout.layout(spec(s, m.quirks = new QuirkSet(q, dash)));
                if (viaSoffice) { m.sofficeTarget = "doc"; m.producer = "libreoffice:docx→doc"; }
                else { m.bytes = DocxWriter.write(layout); m.producer = "poi-docx-named-doc"; }
            }
            case "xlsx" -> {
                layout = ReportLayout.layout(spec(s, m.quirks = new QuirkSet(q, dash)));
                m.bytes = XlsxWriter.write(layout);
                m.producer = "poi-xlsx";
            }
            case "txt" -> {
                boolean glue = (b.size() == Body.Size.TINY || b.size() == Body.Size.SMALL) && s.faults().isEmpty()
                        && !comparedByNextYear.contains(s.index()) && r.nextDouble() < 0.4;
                if (glue) {
                    q.retainAll(EnumSet.of(Quirk.SUBTITLE, Quirk.NUMBERING_NOISE, Quirk.FULLWIDTH_BRACKETS, Quirk.SPACED_ARTICLE));
                    q.add(Quirk.GLUED_DIGITS);
                    layout = ReportLayout.layout(spec(s, m.quirks = new QuirkSet(q, dash)));
                    TextWriter.Glued g = TextWriter.glued(layout, m.sourceUrl, published);
                    m.bytes = g.text().getBytes(StandardCharsets.UTF_8);
                    unreadable = g.unreadable();
                    m.producer = "crawler-flattened-text";
                } else {
                    layout = ReportLayout.layout(spec(s, m.quirks = new QuirkSet(q, dash)));
                    m.bytes = TextWriter.seedStyle(layout).getBytes(StandardCharsets.UTF_8);
                    m.producer = "seed-style-text";
                }
            }
            case "scan", "scan-noisy", "scan-tables", "png", "jpg", "tiff", "scan-long" -> {
                // the printed copy is our own PDF; the scanner draws from its own stream so the report's draws
                // match those of a text PDF
                if (r.nextDouble() < 0.3) q.add(Quirk.PAGE_SPLIT_TABLES);
                layout = ReportLayout.layout(spec(s, m.quirks = new QuirkSet(q, dash)));
                PdfWriter.Written printed = PdfWriter.writeWithPages(layout, new PdfWriter.Options(r.nextBoolean(),
                        PdfWriter.Protection.NONE, o.seed() ^ (s.index() * 104729L), r.nextBoolean() ? "WPS 文字" : "Microsoft® Word 2016"),
                        format.equals("scan-tables"));
                SplittableRandom sr = new SplittableRandom(o.seed() * 0x2545F4914F6CDD1DL + s.index());
                ScanProfile profile = switch (format) {
                    case "scan" -> ScanProfile.CLEAN;
                    case "scan-noisy", "scan-long" -> ScanProfile.NOISY;
                    default -> sr.nextBoolean() ? ScanProfile.CLEAN : ScanProfile.NOISY;
                };
                PageScanner.Output out = switch (format) {
                    case "scan", "scan-noisy" -> PageScanner.Output.IMAGE_PDF;
                    case "scan-tables" -> PageScanner.Output.TABLE_PAGES_PDF;
                    case "scan-long" -> PageScanner.Output.HALF_PAGES_PDF;
                    case "png" -> PageScanner.Output.PNG;
                    case "jpg" -> PageScanner.Output.JPEG;
                    default -> PageScanner.Output.TIFF;
                };
                m.scan = PageScanner.scan(printed.bytes(), out, printed.tablePages(), profile, sr.nextLong());
                m.bytes = m.scan.bytes();
                m.producer = "scanner:" + profile.name() + (out == PageScanner.Output.TABLE_PAGES_PDF ? "+text" : "");
            }
            default -> {
                layout = ReportLayout.layout(spec(s, m.quirks = new QuirkSet(q, dash)));
                m.bytes = DocxWriter.write(layout);
                m.producer = "poi-docx";
            }
        }
        if (m.sofficeTarget != null) m.docxForSoffice = DocxWriter.write(layout);
        m.layout = layout;
        m.relPath = base + "." + (m.scan != null ? m.scan.output().extension : format);
        String realFormat = format.equals("doc") && !viaSoffice ? "docx" : format;
        if (m.scan != null) realFormat = switch (m.scan.output()) {
            case PNG -> "png";
            case JPEG -> "jpeg";
            case TIFF -> "tiff";
            default -> "pdf";
        };
        m.truth = TruthBuilder.build(spec(s, m.quirks), new DocumentInfo(m.relPath, null, realFormat, null, 0), unreadable);
        return m;
    }

    private ReportLayout.Spec spec(CorpusPlan.Slot s, QuirkSet q) {
        boolean mentionReview = s.faults().stream().noneMatch(f -> f.equals("REVIEW_TOTAL") || f.startsWith("LITIGATION"));
        Version v = s.version();
        return new ReportLayout.Spec(s.body(), s.year(), v, s.figures(), q, s.narrativeSeed(), s.narrativeYear(), mentionReview,
                o.copyRate() > 0, s.copy());
    }

    private String chooseFormat(SplittableRandom r) {
        double total = 0;
        for (int i = 0; i < FORMAT_ORDER.length; i++) if (o.formats().contains(FORMAT_ORDER[i])) total += FORMAT_WEIGHT[i];
        double x = r.nextDouble() * total;
        for (int i = 0; i < FORMAT_ORDER.length; i++) {
            if (!o.formats().contains(FORMAT_ORDER[i])) continue;
            x -= FORMAT_WEIGHT[i];
            if (x < 0) return FORMAT_ORDER[i];
        }
        return o.formats().iterator().next();
    }

    // ------------------------------------------------------------------ LibreOffice batches

    private static final int BATCH = 40;

    private int convertBatches(SofficeConverter soffice, List<Made> made) throws IOException, InterruptedException {
        Path stage = Files.createTempDirectory("dl-generate");
        int converted = 0;
        try {
            for (String target : List.of("pdf", "doc", "html")) {
                List<Made> todo = made.stream().filter(m -> target.equals(m.sofficeTarget)).toList();
                for (int i = 0; i < todo.size(); i += BATCH) {
                    List<Made> batch = todo.subList(i, Math.min(todo.size(), i + BATCH));
                    Path in = stage.resolve(target + "-in-" + i), out = stage.resolve(target + "-out-" + i);
                    Files.createDirectories(in);
                    List<Path> inputs = new ArrayList<>();
                    for (Made m : batch) {
                        Path p = in.resolve(String.format("%05d.docx", m.slot.index()));
                        Files.write(p, m.docxForSoffice);
                        inputs.add(p);
                    }
                    List<Path> outs;
                    try {
                        outs = soffice.convert(inputs, target, out);
                    } catch (IOException e) {
                        log.println("generate: soffice batch failed (" + e.getMessage() + "); using direct producers");
                        outs = java.util.Collections.nCopies(inputs.size(), null);
                    }
                    for (int k = 0; k < batch.size(); k++) {
                        Made m = batch.get(k);
                        if (outs.get(k) != null) {
                            m.bytes = Files.readAllBytes(outs.get(k));
                            converted++;
                        } else fallback(m);
                        m.docxForSoffice = null;
                    }
                }
            }
        } finally {
            try (var w = Files.walk(stage)) {
                w.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return converted;
    }

    /** A conversion that failed: the direct producer makes the same content. */
    private void fallback(Made m) throws IOException {
        switch (m.sofficeTarget) {
            case "pdf" -> {
                m.bytes = PdfWriter.write(m.layout, new PdfWriter.Options(false, PdfWriter.Protection.NONE, o.seed() ^ m.slot.index(), "WPS 文字"));
                m.producer = "pdfbox(fallback)";
            }
            case "html" -> {
                m.bytes = HtmlWriter.write(m.layout, m.slot.body(), false, false, "");
                m.producer = "portal-html(fallback)";
            }
            default -> {
                m.bytes = DocxWriter.write(m.layout);
                m.producer = "poi-docx-named-doc(fallback)";
                m.truth.setDocument(new DocumentInfo(m.relPath, null, "docx", null, 0));
            }
        }
    }

    // ------------------------------------------------------------------ truth JSON

    private static ObjectNode truthNode(Made m) {
        ObjectNode n = ReportJson.toNode(m.truth);
        ObjectNode doc = (ObjectNode) n.get("document");
        doc.remove("size");
        n.remove("violations");
        n.remove("metrics");
        ArrayNode faults = n.putArray("faults");
        m.slot.faults().forEach(faults::add);
        ArrayNode quirks = n.putArray("quirks");
        if (m.slot.bad() == null) m.quirks.ids().forEach(quirks::add);
        ObjectNode gen = n.putObject("generator");
        gen.put("body_id", m.slot.body().id());
        gen.put("body", m.slot.body().name());
        gen.put("body_kind", m.slot.body().kindId());
        gen.put("can_make_regulations", m.slot.body().canMakeRegulations());
        gen.put("year", m.slot.year());
        gen.put("producer", m.producer);
        if (m.slot.bad() == null) gen.put("narrative_applications", m.slot.figures().narrativeApplications);
        if (m.scan != null) n.set("scan", scanNode(m.scan));
        NarrativeCopy c = m.slot.copy();
        if (c != null && m.slot.bad() == null) {
            // generate --copies: the planted pair this narrative belongs to
            ObjectNode cp = n.putObject("copy");
            cp.put("kind", c.kind());
            cp.put("variant", c.variant());
            cp.put("source_index", c.sourceIndex());
            cp.put("source_body_id", c.source().id());
            cp.put("source_body", c.source().name());
            cp.put("source_year", c.sourceYear());
            if (c.nameLeft() != null) cp.put("name_left", c.nameLeft());
        }
        return n;
    }

    /** How a scanned document was made: its truth is the report it renders, this says how hard it is to read. */
    private static ObjectNode scanNode(PageScanner.Scanned sc) {
        ObjectNode n = ReportJson.MAPPER.createObjectNode();
        ScanProfile p = sc.profile();
        n.put("profile", p.name());
        n.put("output", sc.output().name().toLowerCase());
        n.put("dpi", (int) p.dpi());
        n.put("pages", sc.pages());
        ArrayNode pages = n.putArray("scanned_pages");
        sc.scannedPages().forEach(pages::add);
        ArrayNode skew = n.putArray("skew_degrees");
        sc.skewDegrees().forEach(skew::add);
        ArrayNode px = n.putArray("page_pixels");
        for (int[] wh : sc.pixelSizes()) px.addArray().add(wh[0]).add(wh[1]);
        n.put("speckles_per_megapixel", p.speckles());
        n.put("blur_passes", p.blurPasses());
        n.put("grain", p.grain());
        n.put("paper_tone", p.paperTone());
        if (sc.jpegQuality() > 0) n.put("jpeg_quality", sc.jpegQuality()); else n.putNull("jpeg_quality");
        return n;
    }
}
