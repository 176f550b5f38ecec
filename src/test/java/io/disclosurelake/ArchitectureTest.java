package io.disclosurelake;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package graph of src/main (docs/architecture.md): it flows one way, the per-document core is Spark-free,
 * PDFBox stays in the PDF reader (and the generator, which writes PDFs), POI in the readers, the generator and the
 * exports. A new cycle or a library in a new place fails here; the few known exceptions are listed by class pair
 * with the change that removes them.
 */
class ArchitectureTest {

    private static final String ROOT = "io.disclosurelake";

    /** Packages that may use Spark and Delta: the job and the layers on top of the lake. */
    private static final String[] SPARK_PACKAGES = {
        ROOT + ".job..", ROOT + ".lake..", ROOT + ".rank..", ROOT + ".sql..", ROOT + ".bench..", ROOT + ".cli..",
        // The exports read the ranking as Spark rows (RankingExport, RankingColumns); to be removed when export takes
        // typed rows (issue 12, item 5).
        ROOT + ".export..",
    };

    /** The per-document core: bytes → report, no Spark, no lake. */
    private static final String[] CORE_PACKAGES = {
        ROOT + ".spec..", ROOT + ".model..", ROOT + ".read..", ROOT + ".template..", ROOT + ".rules..",
        ROOT + ".extract..", ROOT + ".json..",
    };

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(ROOT);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles()
                // Known cycles of the lake layer, owned by its rebuild (issue 12, items 1 and 5). Each entry is one
                // class pair; a new dependency that closes a cycle anywhere else still fails.
                // rank ↔ export: the ranking steps write the exports, and the exports read rank's ComplianceScore,
                // ScoringConfig and GoldTables; to be removed when the exports take typed ranking rows and the
                // ranking step no longer calls them (issue 12, item 5).
                .ignoreDependency(named("rank\\.(RankingStep|RankingPostRunStep)(\\$.*)?"),
                        named("export\\.RankingExport(\\$.*)?"))
                .check(classes);
    }

    @Test
    void lakeReadersDoNotDependOnTheJob() {
        // sql/ reads the lake the job writes; it may plug into the job as a post-run step (job/PostRunStep, the
        // job's extension point), nothing else.
        noClasses().that().resideInAPackage(ROOT + ".sql..")
                .and(DescribedPredicate.not(named("sql\\.ViewsPostRunStep(\\$.*)?")))
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".job..")
                .check(classes);
        noClasses().that(named("sql\\.ViewsPostRunStep(\\$.*)?"))
                .should().dependOnClassesThat(resideInAPackage(ROOT + ".job..")
                        .and(DescribedPredicate.not(named("job\\.(PostRunStep|RunContext)(\\$.*)?"))))
                .check(classes);
    }

    @Test
    void specDependsOnNothingOfTheProject() {
        noClasses().that().resideInAPackage(ROOT + ".spec..")
                .should().dependOnClassesThat(resideInAPackage(ROOT + "..")
                        .and(DescribedPredicate.not(resideInAPackage(ROOT + ".spec.."))))
                .because("the template, its rules and metric definitions are the bottom layer (docs/template.md)")
                .check(classes);
    }

    @Test
    void readersKnowOnlyTheSpec() {
        noClasses().that().resideInAPackage(ROOT + ".read..")
                .should().dependOnClassesThat(resideInAPackage(ROOT + "..")
                        .and(DescribedPredicate.not(resideInAnyPackage(ROOT + ".read..", ROOT + ".spec.."))))
                .because("a reader turns bytes into a Grid and knows neither the report model nor the lake")
                .check(classes);
    }

    @Test
    void coreIsSparkFree() {
        noClasses().that().resideInAnyPackage(CORE_PACKAGES)
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".job..", ROOT + ".lake..",
                        ROOT + ".rank..", ROOT + ".sql..", ROOT + ".export..", ROOT + ".cli..", ROOT + ".bench..",
                        ROOT + ".generate..")
                .because("the per-document core is read → template → model → rules → extract, below everything else")
                .check(classes);
    }

    @Test
    void sparkAndDeltaOnlyInSparkPackages() {
        ArchRule rule = noClasses().that().resideInAPackage(ROOT + "..")
                .and().resideOutsideOfPackages(SPARK_PACKAGES)
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "io.delta..")
                .because("the per-document core and the generator run without Spark");
        rule.check(classes);
    }

    @Test
    void pdfBoxOnlyInThePdfReaderAndTheGenerator() {
        noClasses().that(describe("are outside read/Pdf*, read/ocr and generate/", (JavaClass c) ->
                        c.getName().startsWith(ROOT + ".")
                                && !PDFBOX_ALLOWED.matcher(c.getName()).matches()))
                .should().dependOnClassesThat().resideInAPackage("org.apache.pdfbox..")
                .because("PDFBox is touched by the PDF reader only; the generator writes PDFs with it")
                .check(classes);
    }

    /**
     * read/Pdf* (and OCR, which renders PDF pages), generate/ (writes PDFs), and cli/BenchExtractCommand, whose
     * baseline is the plain PDFTextStripper the extractor is measured against.
     */
    private static final Pattern PDFBOX_ALLOWED = Pattern.compile(Pattern.quote(ROOT) + "\\.("
            + "read\\.(Pdf|Ocr)[^.]*|read\\.ocr\\..*|generate\\..*|cli\\.BenchExtractCommand(\\$.*)?)");

    @Test
    void poiOnlyInReadersGeneratorAndExports() {
        noClasses().that().resideInAPackage(ROOT + "..")
                .and().resideOutsideOfPackages(ROOT + ".read..", ROOT + ".generate..", ROOT + ".export..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.poi..")
                .because("Office files are read in read/, written in generate/ and export/")
                .check(classes);
    }

    /** Classes of this project whose name after {@code io.disclosurelake.} matches the regex. */
    private static DescribedPredicate<JavaClass> named(String regex) {
        Pattern p = Pattern.compile(Pattern.quote(ROOT) + "\\." + regex);
        return describe(ROOT + "." + regex, (JavaClass c) -> p.matcher(c.getName()).matches());
    }
}
