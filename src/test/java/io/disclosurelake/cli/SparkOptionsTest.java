package io.disclosurelake.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Every command that opens the lake takes the same Spark options, parsed into the one mixin. */
class SparkOptionsTest {

    @Test void lakeCommandsShareMasterSparkConfAndVerbose() {
        for (Object command : List.of(new RunCommand(), new RankCommand(), new ReviewCommand(), new CorrectCommand(), new DoctorCommand())) {
            CommandLine cl = new CommandLine(command);
            for (String option : List.of("--master", "--spark-conf", "--verbose")) {
                assertNotNull(cl.getCommandSpec().findOption(option), cl.getCommandName() + " " + option);
            }
        }
    }

    @Test void sparkConfRepeatsAndReachesTheMixin() {
        DoctorCommand doctor = new DoctorCommand();
        new CommandLine(doctor).parseArgs("--lake", "x", "--master", "local[1]",
                "--spark-conf", "spark.sql.shuffle.partitions=3", "--spark-conf", "a=b", "--verbose");
        assertEquals("local[1]", doctor.sparkOptions.master);
        assertEquals(List.of("spark.sql.shuffle.partitions=3", "a=b"), doctor.sparkOptions.sparkConf);
        assertEquals(true, doctor.sparkOptions.verbose);
    }
}
