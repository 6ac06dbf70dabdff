package dev.callflow.junit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test on a fresh simulated phone: declare a {@link dev.callflow.steps.Phone} parameter. The run's servers start
 * once per JVM for each distinct (iut, policy, seed, timing) and stop when the tests are done; the phone is torn
 * down after the test, and the always-on monitor fails the test for any rule it breaks undeclared.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(CallflowExtension.class)
public @interface CallflowTest {
    /** {@code reference}, {@code mutant:<name>}, {@code variant:<name>} or the command line of an external app. */
    String iut() default "reference";

    /** The audio policy by name ({@code default}, {@code seed-strict}, {@code apple}). */
    String policy() default "default";

    /** The run's seed: the same seed and test render the same timeline. */
    long seed() default 0L;

    /** The timing profile by name. */
    String timing() default "realistic";
}
