package io.disclosurelake.generate;

/**
 * How a paper copy is scanned: resolution, how crooked the sheet lies, paper specks, optical blur, sensor
 * grain, grey paper and JPEG compression. {@link #CLEAN} is a flatbed scan at 200 dpi saved losslessly;
 * {@link #NOISY} a quick 150-dpi office scan of a stamped copy, crooked by 0.5–2°, speckled and saved as JPEG.
 *
 * @param minSkewDegrees  least |skew| of a page; each page draws its own angle and sign
 * @param speckles        dark paper specks per megapixel
 * @param blurPasses      3×3 Gaussian passes (0 = sharp)
 * @param grain           per-pixel sensor noise, ± grey levels
 * @param jpegQuality     0 = lossless; otherwise the JPEG quality every page goes through
 * @param paperTone       grey level of blank paper (255 = white)
 */
public record ScanProfile(String name, float dpi, double minSkewDegrees, double maxSkewDegrees, double speckles,
                          int blurPasses, int grain, float jpegQuality, int paperTone) {
    public static final ScanProfile CLEAN = new ScanProfile("clean", 200, 0.0, 0.5, 0, 0, 0, 0f, 255);
    public static final ScanProfile NOISY = new ScanProfile("noisy", 150, 0.5, 2.0, 300, 1, 10, 0.6f, 238);

    public static ScanProfile of(String name) {
        return switch (name) {
            case "clean" -> CLEAN;
            case "noisy" -> NOISY;
            default -> throw new IllegalArgumentException("unknown scan profile " + name);
        };
    }
}
