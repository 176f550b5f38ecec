package io.disclosurelake.lake;

import io.disclosurelake.spark.SharedSpark;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.*;

/** The switch a large night makes to compiled code, and back; never over a choice the user made. */
@ExtendWith(SharedSpark.class)
class CodeGenerationTest {

    @Test void aSwitchCompilesTheSessionsQueriesAndItsCloseInterpretsThemAgain(SparkSession spark) {
        assertTrue(CodeGeneration.automatic(spark), "the tests' session is built by LakeSession with its defaults");
        assertFalse(CodeGeneration.isCompiled(spark));
        try (CodeGeneration.Switch s = CodeGeneration.compiled(spark)) {
            assertNotNull(s);
            assertTrue(CodeGeneration.isCompiled(spark));
            assertEquals("true", spark.conf().get("spark.sql.codegen.wholeStage"));
            assertEquals("FALLBACK", spark.conf().get("spark.sql.codegen.factoryMode"));
            // a query still answers, now through generated code
            assertEquals(4950L, spark.range(100).selectExpr("sum(id)").first().getLong(0));
        }
        assertFalse(CodeGeneration.isCompiled(spark));
        assertEquals("false", spark.conf().get("spark.sql.codegen.wholeStage"));
        assertEquals("NO_CODEGEN", spark.conf().get("spark.sql.codegen.factoryMode"));
    }

    @Test void aSessionWhoseCodeGenerationTheUserChoseIsNotSwitched(SparkSession spark) {
        spark.conf().set(CodeGeneration.AUTOMATIC, "false");
        try {
            assertNull(CodeGeneration.compiled(spark));
            assertFalse(CodeGeneration.isCompiled(spark));
        } finally {
            spark.conf().set(CodeGeneration.AUTOMATIC, "true");
        }
    }
}
