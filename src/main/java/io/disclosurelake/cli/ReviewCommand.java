package io.disclosurelake.cli;

import io.disclosurelake.export.RankingExport;
import io.disclosurelake.export.ReviewExport;
import io.disclosurelake.lake.LakeSession;
import io.disclosurelake.lake.LakeLocation;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "review", mixinStandardHelpOptions = true,
        description = {"Writes the review queue of a year as CSV and XLSX (docs/review.md): every flagged or unreadable"
                + " cell, every cell of a broken rule and every published report that could not be read, with empty"
                + " corrected_value, reviewer_note and reviewer columns. Fill them and pass the sheet to `correct`."})
public final class ReviewCommand implements Callable<Integer> {
    @Mixin SparkOptions sparkOptions;

    @Option(names = "--lake", required = true, description = "lake directory, or its URI")
    String lake;

    @Option(names = "--year", required = true, description = "report year")
    int year;

    @Option(names = "--out", required = true, description = "output directory")
    Path out;

    @Option(names = "--province", description = "only this province (name, short name, GB/T 2260 code or pinyin)")
    String province;



    @Override public Integer call() throws Exception {
        SparkSession spark = sparkOptions.session("review");
        try {
            for (RankingExport.Written w : ReviewExport.export(spark, LakeLocation.parse(lake).uri(), year, province, out)) {
                System.out.printf("wrote %s  %,d bytes%n", w.file(), w.bytes());
            }
            return 0;
        } finally {
            spark.stop();
        }
    }
}
