package io.disclosurelake.export;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;

import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;

/**
 * Charts of the HTML report, drawn by JFreeChart onto JFreeSVG's SVG canvas and returned as inline
 * {@code <svg>} elements (no images, no scripts, no network). Text is set in a CJK font family so Chinese
 * labels render in any browser that has one (WenQuanYi Micro Hei on our machines).
 */
public final class SvgCharts {
    private SvgCharts() {}

    /** Java font used for layout (its metrics size the labels). */
    static final String JAVA_FONT = "WenQuanYi Micro Hei";
    /** CSS font stack written into the SVG. */
    static final String SVG_FONTS = "WenQuanYi Micro Hei, Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, SimHei, sans-serif";

    private static StandardChartTheme theme() {
        StandardChartTheme t = (StandardChartTheme) StandardChartTheme.createJFreeTheme();
        t.setExtraLargeFont(new Font(JAVA_FONT, Font.BOLD, 18));
        t.setLargeFont(new Font(JAVA_FONT, Font.BOLD, 14));
        t.setRegularFont(new Font(JAVA_FONT, Font.PLAIN, 12));
        t.setSmallFont(new Font(JAVA_FONT, Font.PLAIN, 10));
        t.setChartBackgroundPaint(Color.WHITE);
        t.setPlotBackgroundPaint(new Color(0xF7F7F7));
        t.setBarPainter(new StandardBarPainter());
        t.setShadowVisible(false);
        return t;
    }

    /**
     * Horizontal bars: category labels stay horizontal, so they are written as SVG text (rotated labels
     * would be drawn as glyph outlines, ten times the size and not selectable).
     */
    public static String bar(String title, String categoryAxis, String valueAxis, DefaultCategoryDataset data,
                             int width, int height) {
        JFreeChart chart = ChartFactory.createBarChart(title, categoryAxis, valueAxis, data,
                PlotOrientation.HORIZONTAL, data.getRowCount() > 1, false, false);
        theme().apply(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        ((BarRenderer) plot.getRenderer()).setSeriesPaint(0, new Color(0x555555)); // grey: reads in black-and-white print
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xBBBBBB));
        plot.getRangeAxis().setStandardTickUnits(org.jfree.chart.axis.NumberAxis.createIntegerTickUnits());
        return svg(chart, width, height);
    }

    /**
     * One bar per category in dark grey on white with grey grid lines and the value printed at each bar's end:
     * it reads the same on a black-and-white printer as on screen.
     */
    public static String greyBar(String title, DefaultCategoryDataset data, int width, int height) {
        JFreeChart chart = ChartFactory.createBarChart(title, null, null, data, PlotOrientation.HORIZONTAL, false, false, false);
        theme().apply(chart);
        chart.getTitle().setFont(new Font(JAVA_FONT, Font.BOLD, 14));
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xBBBBBB));
        plot.setOutlinePaint(new Color(0x888888));
        BarRenderer r = (BarRenderer) plot.getRenderer();
        r.setSeriesPaint(0, new Color(0x555555));
        r.setMaximumBarWidth(0.12);
        r.setDefaultItemLabelGenerator(new org.jfree.chart.labels.StandardCategoryItemLabelGenerator("{2}", new java.text.DecimalFormat("0.0")));
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultItemLabelFont(new Font(JAVA_FONT, Font.PLAIN, 11));
        r.setDefaultItemLabelPaint(Color.BLACK);
        org.jfree.chart.axis.NumberAxis axis = (org.jfree.chart.axis.NumberAxis) plot.getRangeAxis();
        axis.setUpperMargin(0.15);
        // from 0, and never a hair-thin range around it (all-zero rates would print ±5E-9)
        axis.setAutoRangeIncludesZero(true);
        axis.setRangeType(org.jfree.data.RangeType.POSITIVE); // rates, coverage and scores are never negative
        axis.setAutoRangeMinimumSize(1.0);
        axis.setNumberFormatOverride(new java.text.DecimalFormat("0.#"));
        return svg(chart, width, height);
    }

    public static String line(String title, String categoryAxis, String valueAxis, DefaultCategoryDataset data,
                              int width, int height) {
        JFreeChart chart = ChartFactory.createLineChart(title, categoryAxis, valueAxis, data,
                PlotOrientation.VERTICAL, true, false, false);
        theme().apply(chart);
        // greys and dash patterns instead of colours, so each line stays apart on a black-and-white printer
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xBBBBBB));
        org.jfree.chart.renderer.category.LineAndShapeRenderer r = (org.jfree.chart.renderer.category.LineAndShapeRenderer) plot.getRenderer();
        float[][] dashes = {null, {6f, 3f}, {2f, 2f}, {8f, 3f, 2f, 3f}};
        int[] greys = {0x000000, 0x444444, 0x777777, 0x999999};
        for (int i = 0; i < data.getRowCount(); i++) {
            float[] d = dashes[i % dashes.length];
            r.setSeriesPaint(i, new Color(greys[(i / dashes.length) % greys.length]));
            r.setSeriesStroke(i, d == null ? new java.awt.BasicStroke(2f)
                    : new java.awt.BasicStroke(2f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER, 10f, d, 0f));
            r.setSeriesShapesVisible(i, true);
        }
        return svg(chart, width, height);
    }

    private static final String DEFS_PLACEHOLDER = "_dl_svg_defs_";

    static String svg(JFreeChart chart, int width, int height) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        g.setFontFunction(family -> SVG_FONTS);
        // JFreeSVG names its clip paths after the clock, so two nights' reports would differ: named after the
        // chart's content instead (unique per chart of a page, the same every night)
        g.setDefsKeyPrefix(DEFS_PLACEHOLDER);
        chart.draw(g, new Rectangle(0, 0, width, height));
        String svg = g.getSVGElement();
        return svg.replace(DEFS_PLACEHOLDER, "_c" + Integer.toHexString(svg.hashCode()));
    }
}
